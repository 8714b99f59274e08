package iptoken

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/goldentest"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/token"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// testdata/dump.bin holds the kernel's answer to an AF_INET6 link dump in
// the namespace testdata/capture.sh builds (raw messages), and dump*.txt
// what iproute2 6.1's `ip token` printed there at the same time:
//
//	ip token > dump.txt
//	ip -j -p token > dump-jp.txt
//	ip token get dev eth0 > dump-eth0.txt

func TestCaptureDump(t *testing.T) {
	goldentest.Capture(t, filepath.Join("testdata", "dump.bin"), goldentest.Dump{Type: unix.RTM_GETLINK, Body: token.DumpRequest()})
}

func goldenMessages(t testing.TB) []netlink.Message {
	return goldentest.Messages(t, filepath.Join("testdata", "dump.bin"))
}

// testNames names links as the capture's namespace did.
func testNames(idx uint32) string {
	return map[uint32]string{1: "lo", 2: "eth1", 3: "eth0", 4: "br0"}[idx]
}

func TestPrintGolden(t *testing.T) {
	msgs := goldenMessages(t)
	for _, tc := range []struct {
		golden string
		opts   cli.Options
		index  uint32
	}{
		{"dump.txt", cli.Options{}, 0},
		{"dump-jp.txt", cli.Options{JSON: true, Pretty: true}, 0},
		{"dump-eth0.txt", cli.Options{}, 3},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		pr := &Printer{p: env.P, name: testNames, warn: env.Warnf, Index: tc.index}
		env.P.Begin()
		for _, m := range msgs {
			if err := pr.Print(m); err != nil {
				t.Fatal(err)
			}
		}
		env.P.End()
		env.P.Flush()
		if out.String() != string(want) {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.golden, out.String(), want)
		}
	}
}

// The requests iproute2 6.1 sent (strace -e trace=sendmsg -xx), bodies
// after the netlink header, for eth0 at index 3: `ip token set ::1:2:3:4
// dev eth0` and `ip token del dev eth0`.
var goldenRequests = []struct {
	words string
	del   bool
	body  string
}{
	{"::1:2:3:4 dev eth0", false,
		"0a 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00" +
			" 1c 00 1a 00 18 00 0a 00 14 00 07 00" +
			" 00 00 00 00 00 00 00 00 00 01 00 02 00 03 00 04"},
	{"dev eth0", true,
		"0a 00 00 00 03 00 00 00 00 00 00 00 00 00 00 00" +
			" 1c 00 1a 00 18 00 0a 00 14 00 07 00" +
			" 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
}

func TestSetRequestGolden(t *testing.T) {
	for _, tc := range goldenRequests {
		b, err := setRequest(cmdline.NewArgs(strings.Fields(tc.words)), tc.del, func(string) uint32 { return 3 })
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		if got := goldentest.Hex(b); got != tc.body {
			t.Errorf("%q:\n got %s\nwant %s", tc.words, got, tc.body)
		}
	}
	if got := goldentest.Hex(token.DumpRequest()); got != "0a 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" {
		t.Errorf("dump request %s", got)
	}
}

func TestSetRequestErrors(t *testing.T) {
	for _, tc := range []struct {
		words string
		msg   string
		code  int
	}{
		{"::5", `Not enough information: "dev" argument is required.`, 1},
		{"dev eth0", `Not enough information: token is required.`, 1},
		{"1.2.3.4 dev eth0", `Error: inet6 prefix is expected rather than "1.2.3.4".`, 1},
		{"::5 dev", `Command line is not complete. Try option "help"`, 255},
		{"::5 dev eth0 help", "", 255},
	} {
		_, err := setRequest(cmdline.NewArgs(strings.Fields(tc.words)), false, func(string) uint32 { return 3 })
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Msg != tc.msg || ce.Code != tc.code {
			t.Errorf("%q: got %v, want %q (%d)", tc.words, err, tc.msg, tc.code)
		}
	}
}

// FuzzSetRequest: the set/del parser returns a request or an error, never
// panics, and a request holds a whole header and sound attributes.
func FuzzSetRequest(f *testing.F) {
	for _, tc := range goldenRequests {
		f.Add(tc.words, tc.del)
	}
	f.Fuzz(func(t *testing.T, s string, del bool) {
		b, err := setRequest(cmdline.NewArgs(strings.Split(s, " ")), del, func(string) uint32 { return 1 })
		if err != nil {
			return
		}
		_, attrs, err := rtnl.ParseIfInfomsg(b)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		a := rtnl.NewAttrs(attrs)
		for a.Next() {
		}
		if a.Err() != nil {
			t.Fatalf("%q: %v", s, a.Err())
		}
	})
}

// FuzzPrint: the printer prints or refuses any link message.
func FuzzPrint(f *testing.F) {
	for _, m := range goldenMessages(f) {
		f.Add(uint16(m.Header.Type), m.Data)
	}
	f.Fuzz(func(t *testing.T, typ uint16, data []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}, {Oneline: true, Color: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := &Printer{p: env.P, name: testNames, warn: env.Warnf}
			env.P.Begin()
			_ = pr.Print(netlink.Message{Header: netlink.Header{Type: netlink.HeaderType(typ)}, Data: data})
			env.P.End()
			env.P.Flush()
		}
	})
}
