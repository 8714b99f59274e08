package ipfou

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gipnet/gip/fou"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

func index(name string) uint32 {
	if name == "eth0" {
		return 3
	}
	return 0
}

// Requests derived from iproute2 6.1's fou_parse_opt (this kernel has no
// fou family, so iproute2 stops at the family lookup and sends none):
// port (be16), type, family, ipproto, local, peer, peer_port (be16), dev.
var goldenRequests = []struct {
	words  string
	family int
	body   string
}{
	{"port 5555 ipproto 4", 0, "01010000 0600 0100 15b30000 0500 0400 01000000 0500 0200 02000000 0500 0300 04000000"},
	{"port 5555 gue local 1.2.3.4 peer 5.6.7.8 peer_port 99 dev eth0", 0,
		"01010000 0600 0100 15b30000 0500 0400 02000000 0500 0200 02000000 0800 0600 01020304 0800 0800 05060708 0600 0a00 00630000 0800 0b00 03000000"},
	{"port 5555 gue -6 local 2001:db8::1", 0, "01010000 0600 0100 15b30000 0500 0400 02000000 0500 0200 0a000000 1400 0700 20010db8000000000000000000000001"},
	{"port 5555 gue", unix.AF_INET6, "01010000 0600 0100 15b30000 0500 0400 02000000 0500 0200 0a000000"},
}

func TestRequestGolden(t *testing.T) {
	for _, tc := range goldenRequests {
		p, err := ParsePort(cmdline.NewArgs(strings.Fields(tc.words)), true, tc.family, index, func(string, ...any) {})
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		if got, want := hex.EncodeToString(fou.Request(fou.CmdAdd, p)), strings.ReplaceAll(tc.body, " ", ""); got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.words, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		words, msg, warn string
		code             int
	}{
		{"port 0", `Error: argument "0" is wrong: invalid port`, "", 255},
		{"port 1 ipproto 0", `Error: argument "0" is wrong: invalid ipproto`, "", 255},
		{"port 1 peer_port x", `Error: argument "x" is wrong: invalid peer port`, "", 255},
		{"port 1 dev a/b", "fou: invalid device name", "", 1},
		{"port 1 dev nosuch", "fou: unknown device name", "", 1},
		{"port 1 gue local foo", `Error: inet address is expected rather than "foo".`, "", 1},
		{"port 1 gue peer 1.2.3.4", "", "fou: both peer and peer port must be set\n", 0},
		{"port 1", "", "fou: must set ipproto or gue\n", 0},
		{"gue", "", "fou: missing port\n", 0},
		{"port 1 gue ipproto 4", "", "fou: cannot set ipproto and gue\n", 0},
	} {
		var warn strings.Builder
		_, err := ParsePort(cmdline.NewArgs(strings.Fields(tc.words)), true, 0, index, func(f string, a ...any) { fmt.Fprintf(&warn, f, a...) })
		if tc.code == 0 {
			if err != nil || warn.String() != tc.warn {
				t.Errorf("%q: %v %q", tc.words, err, warn.String())
			}
			continue
		}
		if ce, ok := err.(*cmdline.Error); !ok || ce.Msg != tc.msg || ce.Code != tc.code {
			t.Errorf("%q: %v", tc.words, err)
		}
	}
	var warn strings.Builder
	if _, err := ParsePort(cmdline.NewArgs([]string{"foo"}), true, 0, index, func(f string, a ...any) { fmt.Fprintf(&warn, f, a...) }); err != errUsage || warn.String() != "fou: unknown command \"foo\"?\n" {
		t.Errorf("foo: %v %q", err, warn.String())
	}
}

// TestPrintGolden: lines as iproute2 6.1's print_fou_mapping writes them
// (derived from its source) for ports the kernel would list.
func TestPrintGolden(t *testing.T) {
	direct := fou.Request(fou.CmdGet, fou.Port{Port: 5555, Type: fou.EncapDirect, Family: unix.AF_INET, IPProto: 4, HasIPProto: true,
		Local: []byte{0, 0, 0, 0}, Peer: []byte{5, 6, 7, 8}, PeerPort: 99, IfIndex: 3})
	gue6 := fou.Request(fou.CmdGet, fou.Port{Port: 4444, Type: fou.EncapGUE, Family: unix.AF_INET6, Local: []byte{0x20, 1, 0x0d, 0xb8, 15: 1}})
	for _, tc := range []struct {
		opts cli.Options
		want string
	}{
		{cli.Options{}, "port 5555 ipproto 4 peer 5.6.7.8 peer_port 99 dev eth0\nport 4444 gue -6 local 2001:db8::1\n"},
		{cli.Options{JSON: true}, `[{"port":5555,"ipproto":4,"family":"inet","peer":"5.6.7.8","peer_port":99,"dev":"eth0"},{"port":4444,"gue":null,"family":"inet6","local":"2001:db8::1"}]` + "\n"},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		pr := &Printer{P: env.P, Name: func(i uint32) string { return map[uint32]string{3: "eth0"}[i] }, Family: 0x23}
		env.P.Begin()
		for _, b := range [][]byte{direct, gue6} {
			if err := pr.Print(netlink.Message{Header: netlink.Header{Type: 0x23}, Data: b}); err != nil {
				t.Fatal(err)
			}
		}
		env.P.End()
		env.P.Flush()
		if out.String() != tc.want {
			t.Errorf("got  %q\nwant %q", out.String(), tc.want)
		}
	}
}

// FuzzParsePort: the parser gives a port or an error, never panics, and a
// port's request decodes back to it.
func FuzzParsePort(f *testing.F) {
	for _, tc := range goldenRequests {
		f.Add(tc.words)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePort(cmdline.NewArgs(strings.Split(s, " ")), true, 0, index, func(string, ...any) {})
		if err != nil {
			return
		}
		m, ok := fou.Parse(fou.Request(fou.CmdAdd, p))
		if back := m.Port(); !ok || back.Port != p.Port || back.Type != p.Type || back.IPProto != p.IPProto || back.IfIndex != p.IfIndex {
			t.Fatalf("%q: %+v came back as %+v", s, p, back)
		}
	})
}

// FuzzPrint: the printer prints or refuses any message.
func FuzzPrint(f *testing.F) {
	f.Add(fou.Request(fou.CmdGet, fou.Port{Port: 1, Type: 2, Family: 10}))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := &Printer{P: env.P, Name: func(uint32) string { return "x" }, Family: 0x23}
			env.P.Begin()
			_ = pr.Print(netlink.Message{Header: netlink.Header{Type: 0x23}, Data: body})
			env.P.End()
			env.P.Flush()
		}
	})
}
