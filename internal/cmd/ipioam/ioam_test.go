package ipioam

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/ioam"
	"github.com/mdlayher/netlink"
)

// The bodies iproute2 6.1 sent (strace -f -e trace=sendmsg,sendto -xx,
// after the netlink header).
var goldenRequests = []struct{ words, body string }{
	{"namespace add 4 data 7 wide 123456789abcdef0", "01010000 06000100 04000000 08000200 07000000 0c000300 f0debc9a78563412"},
	{"namespace del 4", "02010000 06000100 04000000"},
	{"schema add 7 abcd", "04010000 08000400 07000000 08000500 61626364"},
	{"schema del 7", "05010000 08000400 07000000"},
	{"namespace set 1 schema 7", "07010000 06000100 01000000 08000400 07000000"},
	{"namespace set 1 schema none", "07010000 06000100 01000000 04000600"},
	{"namespace show", "03010000"},
	{"schema show", "06010000"},
}

func TestRequestGolden(t *testing.T) {
	for _, tc := range goldenRequests {
		_, body, err := Parse(cmdline.NewArgs(strings.Fields(tc.words)))
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		if got, want := hex.EncodeToString(body), strings.ReplaceAll(tc.body, " ", ""); got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.words, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ words, msg string }{
		{"namespace add 65536", `Error: argument "65536" is wrong: Invalid namespace ID`},
		{"namespace add 6 data x", `Error: argument "x" is wrong: Invalid data`},
		{"namespace add 6 wide xyz", `Error: argument "xyz" is wrong: Invalid wide data`},
		{"namespace add 6 wide 1 data 2", `Error: argument "data" is wrong: Unexpected argument`},
		{"namespace add 6 foo", `Error: argument "foo" is wrong: Invalid argument`},
		{"namespace set 1 foo 2", `Error: argument "foo" is wrong: Unknown`},
		{"namespace set 1 schema x", `Error: argument "x" is wrong: Invalid schema ID`},
		{"schema add 1 " + strings.Repeat("d", 1021), `Error: argument "` + strings.Repeat("d", 1021) + `" is wrong: Schema DATA too big`},
		{"Namespace show", `Error: argument "Namespace" is wrong: Unknown`},
		{"namespace add", `Command line is not complete. Try option "help"`},
	} {
		_, _, err := Parse(cmdline.NewArgs(strings.Fields(tc.words)))
		if ce, ok := err.(*cmdline.Error); !ok || ce.Msg != tc.msg || ce.Code != cmdline.StatusUsage {
			t.Errorf("%q: %v", tc.words, err)
		}
	}
}

// TestPrintGolden: what iproute2 6.1 printed for namespaces and schemas
// the kernel listed (their attributes rebuilt: the kernel pads schema
// data to four bytes).
func TestPrintGolden(t *testing.T) {
	ns := func(attrs ...[]byte) []byte {
		b := genl.Header(ioam.CmdDumpNamespaces, 1)
		for _, a := range attrs {
			b = append(b, a...)
		}
		return b
	}
	attr := func(typ uint16, data ...byte) []byte { return genl.AppendAttr(nil, typ, data) }
	nsBody := ns(attr(ioam.AttrNSID, 4, 0), attr(ioam.AttrNSData, 7, 0, 0, 0), attr(ioam.AttrNSDataWide, 0xf0, 0xde, 0xbc, 0x9a, 0x78, 0x56, 0x34, 0x12))
	nsZero := ns(attr(ioam.AttrNSID, 5, 0), attr(ioam.AttrSCID, 7, 0, 0, 0), attr(ioam.AttrNSData, 0, 0, 0, 0), attr(ioam.AttrNSDataWide, 0, 0, 0, 0, 0, 0, 0, 0))
	sc := genl.Header(ioam.CmdDumpSchemas, 1)
	sc = append(sc, attr(ioam.AttrSCID, 7, 0, 0, 0)...)
	sc = append(sc, attr(ioam.AttrNSID, 1, 0)...)
	sc = append(sc, attr(ioam.AttrSCData, 'a', 'b', 'c', 'd')...)
	for _, tc := range []struct {
		opts cli.Options
		body []byte
		want string
	}{
		{cli.Options{}, nsBody, "namespace 4, data 0x00000007, wide 0x123456789abcdef0\n"},
		{cli.Options{JSON: true}, nsBody, `[{"namespace":4,"data":"7","wide":"0x123456789abcdef0"}]` + "\n"},
		{cli.Options{}, nsZero, "namespace 5 [schema 7], data 0000000000, wide 000000000000000000\n"},
		{cli.Options{JSON: true}, nsZero, `[{"namespace":5,"schema":7,"data":"0","wide":"0"}]` + "\n"},
		{cli.Options{}, sc, "schema 7 [namespace 1], data: 61 62 63 64\n"},
		{cli.Options{Oneline: true}, sc, `schema 7 [namespace 1], data: 61 62 63 64\`},
		{cli.Options{JSON: true}, sc, `[{"schema":7,"namespace":1,"data":null,"":97,"":98,"":99,"":100}]` + "\n"},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		pr := &Printer{P: env.P, Family: 0x22}
		env.P.Begin()
		if err := pr.Print(netlink.Message{Header: netlink.Header{Type: 0x22}, Data: tc.body}); err != nil {
			t.Fatal(err)
		}
		env.P.End()
		env.P.Flush()
		if out.String() != tc.want {
			t.Errorf("got  %q\nwant %q", out.String(), tc.want)
		}
	}
}

// FuzzParse: the word parser gives a request or an error, never panics,
// and a request decodes.
func FuzzParse(f *testing.F) {
	for _, tc := range goldenRequests {
		f.Add(tc.words)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, body, err := Parse(cmdline.NewArgs(strings.Split(s, " ")))
		if err == nil {
			if _, ok := ioam.Parse(body); !ok {
				t.Fatalf("%q: % x", s, body)
			}
		}
	})
}

// FuzzPrint: the printer prints or refuses any message.
func FuzzPrint(f *testing.F) {
	f.Add(ioam.AddNamespaceRequest(ioam.Namespace{ID: 1, HasData: true}))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, o := range []cli.Options{{}, {JSON: true, Pretty: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := &Printer{P: env.P, Family: 0x22}
			env.P.Begin()
			_ = pr.Print(netlink.Message{Header: netlink.Header{Type: 0x22}, Data: body})
			env.P.End()
			env.P.Flush()
		}
	})
}
