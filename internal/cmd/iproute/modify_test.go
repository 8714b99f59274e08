package iproute

import (
	"bytes"
	"encoding/hex"
	"io"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// testLookup knows the devices of the namespace the golden requests were
// captured in (eth0 is ifindex 3).
func testLookup(name string) (uint32, error) {
	if name == "eth0" {
		return 3, nil
	}
	return 0, cmdline.Exit(1, "Cannot find device \"%s\"", name)
}

func testEnv(family int) *cli.Env {
	return cli.NewEnv(cli.Options{Family: family}, nil, io.Discard, io.Discard)
}

// The wanted bytes are iproute2's requests (after the 16-byte nlmsghdr),
// captured with `strace -e trace=sendmsg -e write=3 ip …`.
func TestParseModifyGolden(t *testing.T) {
	for _, tc := range []struct {
		family int
		cmd    uint16
		words  string
		want   string
	}{
		{0, unix.RTM_NEWROUTE, "172.19.0.0 via 172.18.0.4 dev eth0",
			"02200000fe0300010000000008000100ac13000008000500ac1200040800040003000000"},
		{0, unix.RTM_NEWROUTE, "default via 172.18.0.9 metric 7",
			"02000000fe0300010000000008000500ac1200090800060007000000"},
		{unix.AF_INET6, unix.RTM_NEWROUTE, "2001:db8:5::/64 via 2001:db8::5 metric 5 mtu 1280",
			"0a400000fe030001000000001400010020010db80005000000000000000000001400050020010db800000000000000000000000508000600050000000c0008000800020000050000"},
		{0, unix.RTM_NEWROUTE, "11.0.0.0/8 nexthop via 172.18.0.7 weight 3 nexthop via 172.18.0.8 dev eth0 onlink",
			"02080000fe03000100000000080001000b00000024000900100000020000000008000500ac120007100004000300000008000500ac120008"},
		{0, unix.RTM_DELROUTE, "10.2.0.0/24 table 100",
			"021800006400ff0000000000080001000a020000"},
		{0, unix.RTM_NEWROUTE, "blackhole 12.0.0.0/16 proto static",
			"02100000fe04000600000000080001000c000000"},
		{0, unix.RTM_NEWROUTE, "13.0.0.0/8 dev eth0 table 70000 rtt 2s congctl lock cubic",
			"020800000003fd0100000000080001000d00000008000f007011010008000400030000002000080008000400803e00000900100063756269630000000800010000000100"},
		{0, unix.RTM_NEWROUTE, "local 14.1.2.3 dev eth0 src 172.18.0.2",
			"02200000ff03fe0200000000080001000e01020308000700ac1200020800040003000000"},
	} {
		got, err := parseModify(testEnv(tc.family), tc.cmd, cmdline.NewArgs(strings.Fields(tc.words)), testLookup)
		if err != nil {
			t.Errorf("parseModify(%q) = error %v", tc.words, err)
			continue
		}
		if h := hex.EncodeToString(got); h != tc.want {
			t.Errorf("parseModify(%q) = %s, want %s", tc.words, h, tc.want)
		}
	}
}

func TestParseModifyErrors(t *testing.T) {
	for _, tc := range []struct {
		words string
		code  int
		msg   string
	}{
		{"foo", 1, `Error: any valid prefix is expected rather than "foo".`},
		{"1.2.3.0/33 dev eth0", 1, `Error: any valid prefix is expected rather than "1.2.3.0/33".`},
		{"default via foo", 1, `Error: any valid address is expected rather than "foo".`},
		{"1.0.0.0/8 via 2001:db8::1", 1, `Error: inet address is expected rather than "2001:db8::1".`},
		{"1.0.0.0/8 dev nope", 1, `Cannot find device "nope"`},
		{"1.0.0.0/8 metric x", 255, "Error: argument \"x\" is wrong: \"metric\" value is invalid\n"},
		{"1.0.0.0/8 dev eth0 garbage", 255, `Error: either "to" is duplicate, or "garbage" is a garbage.`},
		{"1.0.0.0/8 via 1.1.1.1 via 1.1.1.2", 255, "Error: argument \"via\" is wrong: use nexthop syntax to specify multiple via\n"},
		{"1.0.0.0/8 mtu", 255, `Command line is not complete. Try option "help"`},
		{"1.0.0.0/8 nexthop", 255, `Error: unexpected end of line after "nexthop"`},
		{"1.0.0.0/8 nexthop via 1.1.1.1 weight 0", 255, "Error: argument \"0\" is wrong: \"weight\" is invalid\n"},
		{"1.0.0.0/8 nexthop dev nope", 255, "Cannot find device \"nope\"\nError: cannot parse nexthop"},
		{"dev eth0", 255, ""},
	} {
		_, err := parseModify(testEnv(0), unix.RTM_NEWROUTE, cmdline.NewArgs(strings.Fields(tc.words)), testLookup)
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Code != tc.code || ce.Msg != tc.msg {
			t.Errorf("parseModify(%q) = %v, want exit %d %q", tc.words, err, tc.code, tc.msg)
		}
	}
}

func TestAppendIPv6(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"00000000000000000000000000000000", "::"},
		{"00000000000000000000000000000001", "::1"},
		{"20010db8000000000000000000000000", "2001:db8::"},
		{"20010db8000000010000000000000001", "2001:db8:0:1::1"},
		{"00000000000000000000ffff01020304", "::ffff:1.2.3.4"},
		{"00000000000000000000000001020304", "::1.2.3.4"},
		{"20010000000100000000000000000001", "2001:0:1::1"},
		{"fe800000000000000000000000000000", "fe80::"},
	} {
		b, _ := hex.DecodeString(tc.in)
		if got := string(route.AppendIPv6(nil, b)); got != tc.want {
			t.Errorf("route.AppendIPv6(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseTimeRTT(t *testing.T) {
	for _, tc := range []struct {
		in      string
		val     uint32
		raw, ok bool
	}{
		{"10", 10, true, true},
		{"10ms", 10, false, true},
		{"2s", 2000, false, true},
		{"1.5", 2, true, true},
		{"0.5s", 500, false, true},
		{"5min", 0, false, false},
		{"", 0, false, false},
	} {
		v, raw, ok := parseTimeRTT(tc.in)
		if v != tc.val || raw != tc.raw || ok != tc.ok {
			t.Errorf("parseTimeRTT(%q) = %d %v %v, want %d %v %v", tc.in, v, raw, ok, tc.val, tc.raw, tc.ok)
		}
	}
}

// FuzzParseRoute feeds arbitrary words to the add parser: it may refuse
// them, but must never panic (nothing is sent). A request reused after
// those words (as -batch reuses one) encodes the next words as a fresh
// one does, whatever they left in its buffers.
func FuzzParseRoute(f *testing.F) {
	for _, s := range []string{
		"172.19.0.0 via 172.18.0.4 dev eth0",
		"default via 2001:db8::1 metric 5 mtu lock 1400 rtt 3s",
		"10.0.0.0/8 nexthop via 1.1.1.1 weight 3 nexthop dev eth0 onlink",
		"to blackhole 1.2.3.0/24 table 300 proto 99 scope link realms 1/2",
		"2001:db8::/64 encap seg6 mode encap segs " + segs(61) + " dev eth0",
		"2001:db8::/64 nexthop via 2001:db8::2 encap rpl segs " + segs(100) + " nexthop encap seg6 mode inline segs " + segs(127),
	} {
		f.Add(s)
	}
	const next = "11.0.0.0/8 mtu 1400 table 7000 nexthop via 172.18.0.7 weight 3 nexthop via 172.18.0.8 dev eth0 onlink"
	want, err := parseModify(testEnv(0), unix.RTM_NEWROUTE, cmdline.NewArgs(strings.Fields(next)), testLookup)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := new(modifyRequest)
		for _, cmd := range []uint16{unix.RTM_NEWROUTE, unix.RTM_DELROUTE} {
			q.reset(testEnv(0), cmd, testLookup)
			_, _ = q.parse(cmdline.NewArgs(strings.Split(s, " ")))
		}
		q.reset(testEnv(0), unix.RTM_NEWROUTE, testLookup)
		got, err := q.parse(cmdline.NewArgs(strings.Fields(next)))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("after %q, a reused request encodes %x, %v; want %x", s, got, err, want)
		}
	})
}

// `dev ”` is a device name, one no device has: looked up and refused.
func TestParseModifyEmptyDev(t *testing.T) {
	_, err := parseModify(testEnv(0), unix.RTM_NEWROUTE, cmdline.NewArgs([]string{"10.7.0.0/16", "dev", ""}), testLookup)
	ce, ok := err.(*cmdline.Error)
	if !ok || ce.Code != 1 || ce.Msg != `Cannot find device ""` {
		t.Errorf("parseModify(10.7.0.0/16 dev '') = %v, want exit 1 Cannot find device \"\"", err)
	}
}

// Selectors given as ” are given: resolveDevices must look them up.
func TestParseSelectorEmptyIsGiven(t *testing.T) {
	for _, words := range [][]string{{"dev", ""}, {"oif", ""}, {"iif", ""}} {
		s, err := parseSelector(testEnv(0), cmdline.NewArgs(words))
		if err != nil {
			t.Fatalf("parseSelector(%q): %v", words, err)
		}
		if !s.hasIif && !s.hasOif {
			t.Errorf("parseSelector(%q): device not given", words)
		}
	}
}

// BenchmarkModifyParse is the user-space cost of one `ip route add` line
// of a -batch without the kernel: words parsed and the request encoded
// into a pooled request, as modify does. It must not allocate.
func BenchmarkModifyParse(b *testing.B) {
	env := testEnv(0)
	for _, bc := range []struct{ name, words string }{
		{"via", "10.1.2.3/32 via 192.0.2.2"},
		{"dev", "10.1.2.3/32 dev eth0 proto static metric 7 mtu 1400"},
		{"v6", "2001:db8:1::/64 via 2001:db8::2 table 100"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			words := strings.Fields(bc.words)
			var args cmdline.Args
			b.ReportAllocs()
			for b.Loop() {
				q := getModify()
				q.reset(env, unix.RTM_NEWROUTE, testLookup)
				args.Reset(words)
				if _, err := q.parse(&args); err != nil {
					b.Fatal(err)
				}
				putModify(q)
			}
		})
	}
}

// A pooled request encodes the same bytes as a fresh one, whatever the
// request before it left in its buffers.
func TestModifyRequestReuse(t *testing.T) {
	q := new(modifyRequest)
	for _, words := range []string{
		"13.0.0.0/8 dev eth0 table 70000 rtt 2s congctl lock cubic",
		"11.0.0.0/8 nexthop via 172.18.0.7 weight 3 nexthop via 172.18.0.8 dev eth0 onlink",
		"172.19.0.0 via 172.18.0.4 dev eth0",
		"2001:db8:5::/64 via 2001:db8::5 metric 5 mtu 1280",
		"default via 172.18.0.9 metric 7",
		"10.2.0.0/24 table 100",
	} {
		want, err := parseModify(testEnv(0), unix.RTM_NEWROUTE, cmdline.NewArgs(strings.Fields(words)), testLookup)
		if err != nil {
			t.Fatalf("parseModify(%q): %v", words, err)
		}
		q.reset(testEnv(0), unix.RTM_NEWROUTE, testLookup)
		got, err := q.parse(cmdline.NewArgs(strings.Fields(words)))
		if err != nil || hex.EncodeToString(got) != hex.EncodeToString(want) {
			t.Errorf("reused request for %q = %x, %v; want %x", words, got, err, want)
		}
	}
}
