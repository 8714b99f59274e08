package ipneigh

import (
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/neigh"
	"golang.org/x/sys/unix"
)

// offlineEnv is an Env whose connection cannot be made: its namespace fd is
// no fd, so Conn (and the printers' name lookups) fail in setns before a
// socket exists. A command under fuzzing then runs its pure parse step and
// sends nothing.
func offlineEnv(o cli.Options) *cli.Env {
	env := cli.NewEnv(o, strings.NewReader(""), io.Discard, io.Discard)
	env.NetNSFD = 1 << 30
	return env
}

func TestOfflineEnv(t *testing.T) {
	if _, err := offlineEnv(cli.Options{}).Conn(); err == nil {
		t.Fatal("offlineEnv dialed a connection")
	}
}

var fuzzFamilies = []int{unix.AF_UNSPEC, unix.AF_INET, unix.AF_INET6, unix.AF_PACKET, unix.AF_MPLS, unix.AF_BRIDGE}

func fuzzFamily(b uint8) int { return fuzzFamilies[int(b)%len(fuzzFamilies)] }

// wantCLIError fails unless err is nil, a *cmdline.Error (iproute2's words
// and status, never Go's) or a parser's request for the usage text, which
// its caller prints.
func wantCLIError(t *testing.T, what string, err error) {
	t.Helper()
	var ce *cmdline.Error
	if err != nil && !errors.As(err, &ce) && err != errNeighUsage {
		t.Fatalf("%s: error %v (%T) is not a *cmdline.Error", what, err, err)
	}
}

// FuzzNeighRequest parses arbitrary `ip neigh add|del` words; a request it
// builds decodes back to the family, device, state and flags it holds.
func FuzzNeighRequest(f *testing.F) {
	for _, s := range []string{
		"10.0.0.2 lladdr 02:00:00:00:00:02 dev eth0 nud reachable",
		"proxy 2001:db8::5 dev eth0 router extern_learn",
		"to 10.0.0.3 dev eth0 nud noarp protocol 99 managed",
		"10.0.0.4 lladdr null dev eth0 nud none",
		"lladdr 1:2:3 10.0.0.5 dev eth0",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8) {
		body, err := neighRequest(fuzzFamily(fam), cmdline.NewArgs(strings.Split(s, " ")), testLookup)
		wantCLIError(t, s, err)
		if err != nil {
			return
		}
		var e neigh.Message
		if !neigh.DecodeMessage(body, &e) {
			t.Fatalf("%q: request does not decode: %x", s, body)
		}
		if e.Index != 0 && e.Index != 3 {
			t.Fatalf("%q: ifindex %d, eth0 is 3", s, e.Index)
		}
		if e.Family != body[0] || e.State != binary.NativeEndian.Uint16(body[8:]) || e.Flags != body[10] {
			t.Fatalf("%q: decoded %+v from %x", s, e, body)
		}
	})
}

// FuzzNeighFilter parses arbitrary `ip neigh show|flush` selectors (the
// listing itself then fails offline).
func FuzzNeighFilter(f *testing.F) {
	for _, s := range []string{
		"dev eth0", "dev eth0 nud stale", "nud all proxy", "to 10.0.0.0/8 unused", "master br0",
		"nomaster vrf red", "protocol static", "nud", "dev", "10.0.0.1", "nud 0x10", "help",
	} {
		f.Add(s, uint8(0), false)
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8, flush bool) {
		wantCLIError(t, s, neighList(offlineEnv(cli.Options{Family: fuzzFamily(fam)}), cmdline.NewArgs(strings.Split(s, " ")), flush))
	})
}

// testLookup knows one device: eth0 is ifindex 3.
func testLookup(name string) (uint32, error) {
	if name == "eth0" {
		return 3, nil
	}
	return 0, cmdline.Exit(1, "Cannot find device \"%s\"", name)
}
