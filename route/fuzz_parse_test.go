package route

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
	if err != nil && !errors.As(err, &ce) && err != errRuleUsage && err != errNeighUsage {
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
		var e neighEntry
		if !decodeNeigh(body, &e) {
			t.Fatalf("%q: request does not decode: %x", s, body)
		}
		if e.ifindex != 0 && e.ifindex != 3 {
			t.Fatalf("%q: ifindex %d, eth0 is 3", s, e.ifindex)
		}
		if e.family != body[0] || e.state != binary.NativeEndian.Uint16(body[8:]) || e.flags != body[10] {
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

// FuzzRuleRequest parses arbitrary `ip rule add|del` words; a request it
// builds decodes back to the header it holds.
func FuzzRuleRequest(f *testing.F) {
	for _, s := range []string{
		"from 10.0.0.0/8 to 192.168.1.0/24 table 100 pref 7",
		"not iif lo oif eth0 fwmark 5/0xff goto 9",
		"uidrange 100-200 ipproto tcp sport 80-90 dport 443 lookup main",
		"l3mdev protocol kernel suppress_prefixlength 0 suppress_ifgroup 3",
		"tun_id 7 realms 1/2 nat 1.2.3.4 tos 0x10 prohibit",
		"priority 4294967295 blackhole",
	} {
		f.Add(s, uint8(0), true)
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8, add bool) {
		cmd := uint16(unix.RTM_NEWRULE)
		if !add {
			cmd = unix.RTM_DELRULE
		}
		body, err := ruleRequest(offlineEnv(cli.Options{Family: fuzzFamily(fam)}), cmd, cmdline.NewArgs(strings.Split(s, " ")))
		wantCLIError(t, s, err)
		if err != nil {
			return
		}
		var e ruleEntry
		if !decodeRule(body, &e) {
			t.Fatalf("%q: request does not decode: %x", s, body)
		}
		if e.family != body[0] || e.dstLen != body[1] || e.srcLen != body[2] || e.action != body[7] {
			t.Fatalf("%q: decoded %+v from %x", s, e, body)
		}
	})
}

// FuzzRuleFilter parses arbitrary `ip rule show|flush|save` selectors.
func FuzzRuleFilter(f *testing.F) {
	for _, s := range []string{
		"from 10.0.0.0/8 to all table main pref 7", "not iif lo oif eth0 fwmark 5/0xff",
		"uidrange 1-2 ipproto 6 sport 1-2 dport 3 tun_id 9", "protocol all", "l3mdev", "tos", "help",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, fam uint8) {
		_, err := parseRuleFilter(cmdline.NewArgs(strings.Split(s, " ")), fuzzFamily(fam))
		wantCLIError(t, s, err)
	})
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
