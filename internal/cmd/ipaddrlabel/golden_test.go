package ipaddrlabel

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gipnet/gip/addrlabel"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/goldentest"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// testdata/dump.bin holds the kernel's answer to an address label dump in
// the namespace testdata/capture.sh builds (raw messages, as rtmon writes
// them), and dump*.txt what iproute2 6.1 printed for it there:
//
//	ip monitor file dump.bin > dump.txt
//	ip -o monitor file dump.bin > dump-o.txt
//	ip -j -p addrlabel > dump-jp.txt
//
// (ip monitor prints text whatever -j says, so the JSON is the listing's,
// taken at the same time.)

func TestCaptureDump(t *testing.T) {
	goldentest.Capture(t, filepath.Join("testdata", "dump.bin"), goldentest.Dump{Type: addrlabel.RTMGetAddrLabel, Body: addrlabel.DumpRequest(unix.AF_INET6)})
}

func goldenMessages(t testing.TB) []netlink.Message {
	return goldentest.Messages(t, filepath.Join("testdata", "dump.bin"))
}

// testNames names links as the capture's namespace did.
func testNames(idx uint32) string {
	return map[uint32]string{2: "eth0", 3: "eth1"}[idx]
}

func TestPrintGolden(t *testing.T) {
	msgs := goldenMessages(t)
	for _, tc := range []struct {
		golden string
		opts   cli.Options
	}{
		{"dump.txt", cli.Options{}},
		{"dump-o.txt", cli.Options{Oneline: true}},
		{"dump-jp.txt", cli.Options{JSON: true, Pretty: true}},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		pr := NewPrinter(env.P, testNames, false)
		env.P.Begin()
		for _, m := range msgs {
			if err := pr.Print(m.Header, m.Data); err != nil {
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
// after the netlink header: `ip addrlabel add prefix 2001:db8::/32 dev
// eth0 label 7` with eth0 at index 3, and `ip -6 addrlabel del prefix
// ::1/128 label 0`.
var goldenRequests = []struct {
	family int
	words  string
	body   string
}{
	{0, "prefix 2001:db8::/32 dev eth0 label 7",
		"0a 00 20 00 03 00 00 00 00 00 00 00" +
			" 08 00 02 00 07 00 00 00" +
			" 14 00 01 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 00"},
	{unix.AF_INET6, "prefix ::1/128 label 0",
		"0a 00 80 00 00 00 00 00 00 00 00 00" +
			" 08 00 02 00 00 00 00 00" +
			" 14 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01"},
}

func TestModifyRequestGolden(t *testing.T) {
	for _, tc := range goldenRequests {
		b, err := modifyRequest(tc.family, cmdline.NewArgs(strings.Fields(tc.words)), func(string) uint32 { return 3 })
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		if got := goldentest.Hex(b); got != tc.body {
			t.Errorf("%q:\n got %s\nwant %s", tc.words, got, tc.body)
		}
	}
}

func TestModifyRequestErrors(t *testing.T) {
	for _, tc := range []struct {
		words string
		msg   string
		code  int
	}{
		{"prefix 2001:db8::/32", `Not enough information: "label" argument is required.`, 1},
		{"label 3", `Not enough information: "prefix" argument is required.`, 1},
		{"prefix 2001:db8::/32 label 4294967295", "Error: argument \"4294967295\" is wrong: label is invalid\n", 255},
		{"prefix 2001:db8::/32 label x", "Error: argument \"x\" is wrong: label is invalid\n", 255},
		{"prefix zz label 1", `Error: any valid prefix is expected rather than "zz".`, 1},
		{"prefix", `Command line is not complete. Try option "help"`, 255},
	} {
		_, err := modifyRequest(0, cmdline.NewArgs(strings.Fields(tc.words)), func(string) uint32 { return 0 })
		ce, ok := err.(*cmdline.Error)
		if !ok || ce.Msg != tc.msg || ce.Code != tc.code {
			t.Errorf("%q: got %v, want %q (%d)", tc.words, err, tc.msg, tc.code)
		}
	}
	_, err := modifyRequest(0, cmdline.NewArgs([]string{"prefix", "::/0", "dev", "x", "label", "1"}), func(string) uint32 { return 0 })
	if ce, ok := err.(*cmdline.Error); !ok || ce.Msg != "Error: argument \"x\" is wrong: dev is invalid\n" {
		t.Errorf("dev x: got %v", err)
	}
}

// FuzzModifyRequest: the add/del parser returns a request or an error,
// never panics, and a request holds a whole header and sound attributes.
func FuzzModifyRequest(f *testing.F) {
	for _, tc := range goldenRequests {
		f.Add(tc.words)
	}
	f.Add("prefix default label 0x10 foo")
	f.Fuzz(func(t *testing.T, s string) {
		b, err := modifyRequest(0, cmdline.NewArgs(strings.Split(s, " ")), func(string) uint32 { return 1 })
		if err != nil {
			return
		}
		if len(b) < addrlabel.HeaderLen {
			t.Fatalf("%q: request of %d bytes", s, len(b))
		}
		a := rtnl.NewAttrs(b[addrlabel.HeaderLen:])
		for a.Next() {
		}
		if a.Err() != nil {
			t.Fatalf("%q: %v", s, a.Err())
		}
	})
}

// FuzzPrint: the printer prints or refuses any message, in every mode.
func FuzzPrint(f *testing.F) {
	for _, m := range goldenMessages(f) {
		f.Add(uint16(m.Header.Type), m.Data)
	}
	f.Add(uint16(addrlabel.RTMDelAddrLabel), []byte{2, 0, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 5, 0, 1, 0, 1})
	f.Fuzz(func(t *testing.T, typ uint16, data []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}, {Oneline: true, Color: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := NewPrinter(env.P, testNames, false)
			env.P.Begin()
			_ = pr.Print(netlink.Header{Type: netlink.HeaderType(typ)}, data)
			env.P.End()
			env.P.Flush()
		}
	})
}
