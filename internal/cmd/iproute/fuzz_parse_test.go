package iproute

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
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
	if err != nil && !errors.As(err, &ce) {
		t.Fatalf("%s: error %v (%T) is not a *cmdline.Error", what, err, err)
	}
}

// FuzzGetRequest parses arbitrary `ip route get` words.
func FuzzGetRequest(f *testing.F) {
	for _, s := range []string{
		"172.18.0.3", "to 8.8.8.8 from 1.2.3.4 iif eth0 mark 7 uid 0", "fibmatch 2001:db8::7 oif eth0",
		"10.0.0.1 ipproto tcp sport 80 dport 443 tos 0x10 vrf red", "connected 1.1.1.1 as 2.2.2.2",
		"", "to", "from", "ipproto 300",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8) {
		_, err := parseGet(offlineEnv(cli.Options{Family: fuzzFamily(fam)}), cmdline.NewArgs(strings.Split(s, " ")))
		wantCLIError(t, s, err)
	})
}

// FuzzSelector parses arbitrary `ip route show|flush|save` selectors.
func FuzzSelector(f *testing.F) {
	for _, s := range []string{
		"table all", "10.0.0.0/8 dev eth0 proto boot", "root 10.0.0.0/8 match 10.1.0.0/16 exact 10.2.0.0/16",
		"via 1.2.3.4 src 5.6.7.8 scope link type unicast metric 5 tos 0x10 realms 1/2",
		"cache", "cloned", "oif eth0 iif lo vrf red", "table", "dev", "help", "pref low",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8) {
		_, err := parseSelector(offlineEnv(cli.Options{Family: fuzzFamily(fam)}), cmdline.NewArgs(strings.Split(s, " ")))
		wantCLIError(t, s, err)
	})
}

// FuzzPrintSaved prints arbitrary `ip route save` streams as showdump
// does (after the magic).
func FuzzPrintSaved(f *testing.F) {
	// The golden dump as one saved stream, and its first messages alone.
	var stream []byte
	for i, body := range goldenBodies(f) {
		m := binary.NativeEndian.AppendUint32(nil, uint32(16+len(body)))
		m = append(m, unix.RTM_NEWROUTE, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0)
		stream = append(stream, append(m, body...)...)
		if i < 3 {
			f.Add(stream, uint8(i))
		}
	}
	f.Add(stream, uint8(7))
	f.Add([]byte{28, 0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0}, uint8(1))
	f.Fuzz(func(t *testing.T, stream []byte, mode uint8) {
		var out bytes.Buffer
		env := offlineEnv(cli.Options{JSON: mode&1 != 0, Details: int(mode >> 1 & 1), Oneline: mode&4 != 0})
		flt := newFilter(unix.AF_UNSPEC)
		pr := newPrinter(env, &flt)
		err := printSaved(bytes.NewReader(stream), pr, &flt, func(string, ...any) {})
		wantCLIError(t, "printSaved", err)
		env.P.Flush()
		_ = out
	})
}
