package iproute

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// testdata/encap.bin is `ip route save table all` written by iproute2 6.1
// in a namespace with lightweight-tunnel routes (see route2-encap.sh), and
// encap.txt and encap-s.txt what `ip [-s] route showdump` printed for it.
func TestShowdumpGolden(t *testing.T) {
	stream, err := os.ReadFile(filepath.Join("testdata", "encap.bin"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file  string
		stats int
	}{
		{"encap.txt", 0},
		{"encap-s.txt", 1},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		env := cli.NewEnv(cli.Options{}, bytes.NewReader(stream), nil, nil)
		if err := CheckMagic(env, dumpMagic, "route", routeMagicError); err != nil {
			t.Fatalf("CheckMagic: %v", err)
		}
		var got bytes.Buffer
		var f filter
		pr := &printer{p: format.New(&got, format.Options{}), f: &f, stats: tc.stats, links: testLinks()}
		if err := printSaved(env.Stdin, pr, &f, t.Errorf); err != nil {
			t.Fatalf("printSaved: %v", err)
		}
		pr.p.Flush()
		if got.String() != string(want) {
			t.Errorf("%s: printed\n%s\nwant\n%s", tc.file, got.String(), want)
		}
	}
}

// savedStream is a stream as ip route save writes it, from route bodies.
func savedStream(magic uint32, bodies ...[]byte) []byte {
	b := binary.NativeEndian.AppendUint32(nil, magic)
	for i, body := range bodies {
		b = binary.NativeEndian.AppendUint32(b, uint32(16+len(body)))
		b = binary.NativeEndian.AppendUint16(b, unix.RTM_NEWROUTE)
		b = binary.NativeEndian.AppendUint16(b, 2) // NLM_F_MULTI
		b = binary.NativeEndian.AppendUint32(b, uint32(i))
		b = binary.NativeEndian.AppendUint32(b, 1234)
		b = append(b, body...)
	}
	return b
}

func TestSavedStreamErrors(t *testing.T) {
	body := goldenBodies(t)[1]
	good := savedStream(dumpMagic, body)
	notRoute := append([]byte(nil), good...)
	binary.NativeEndian.PutUint16(notRoute[8:], unix.RTM_NEWADDR)
	for _, tc := range []struct {
		name   string
		in     []byte
		code   int
		msg    string
		out    string
		warned string
	}{
		{"good", good, 0, "", "default via 172.18.0.1 dev eth0 \n", ""},
		{"empty", nil, 1, "Magic mismatch (0 elems, 0 magic)", "", ""},
		{"junk", []byte("junk\n"), 1, "Magic mismatch (1 elems, 6b6e756a magic)", "", ""},
		{"address magic", savedStream(0x47361222, body), 1, "Magic mismatch (1 elems, 47361222 magic)", "", ""},
		{"short header", good[:10], 2, "rtnl-from_file: truncated message", "", ""},
		{"short body", good[:len(good)-4], 2, "rtnl-from_file: truncated message", "", ""},
		{"bad length", append(binary.NativeEndian.AppendUint32(nil, dumpMagic), 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
			2, "!!!malformed message: len=3 @16", "", ""},
		{"not a route", notRoute, 0, "", "", "Not a route: 00000034 00000014 00000002\n"},
	} {
		env := cli.NewEnv(cli.Options{}, bytes.NewReader(tc.in), nil, nil)
		var got, warned bytes.Buffer
		err := CheckMagic(env, dumpMagic, "route", routeMagicError)
		if err == nil {
			var f filter
			pr := &printer{p: format.New(&got, format.Options{}), f: &f, links: testLinks()}
			err = printSaved(env.Stdin, pr, &f, func(f string, a ...any) { fmt.Fprintf(&warned, f, a...) })
			pr.p.Flush()
		}
		code, msg := 0, ""
		if ce, ok := err.(*cmdline.Error); ok {
			code, msg = ce.Code, ce.Msg
		} else if err != nil {
			t.Errorf("%s: error %v", tc.name, err)
			continue
		}
		if code != tc.code || msg != tc.msg || got.String() != tc.out || warned.String() != tc.warned {
			t.Errorf("%s: (%d, %q, out %q, warned %q), want (%d, %q, out %q, warned %q)",
				tc.name, code, msg, got.String(), warned.String(), tc.code, tc.msg, tc.out, tc.warned)
		}
	}
}

func TestRestorePrio(t *testing.T) {
	dst := "08000100" + "0a000001"
	for _, tc := range []struct {
		attrs string
		want  int
	}{
		{dst, 0},
		{dst + "08000700" + "0a000001", 0}, // prefsrc == dst: a local address
		{dst + "08000700" + "0a000002", 1}, // another prefsrc: a local network
		{dst + "08000500" + "0a000002", 2}, // a gateway
		{"08000700" + "0a000002", 1},
	} {
		b, _ := hex.DecodeString("02200000fe03000100000000" + tc.attrs)
		var r route.Message
		if err := route.DecodeMessage(unix.RTM_NEWROUTE, b, &r); err != nil {
			t.Fatal(err)
		}
		if got := restorePrio(&r); got != tc.want {
			t.Errorf("restorePrio(%s) = %d, want %d", tc.attrs, got, tc.want)
		}
	}
}

func TestMPLSLabels(t *testing.T) {
	for _, tc := range []struct {
		in   string
		hex  string
		text string
	}{
		{"100", "00064100", "100"},
		{"100/200", "00064000000c8100", "100/200"},
		{"0x10", "00010100", "16"},
		{"1048576", "", ""},
		{"1/", "", ""},
		{"1x", "", ""},
		{"", "", ""},
	} {
		b, ok := route.ParseMPLS(tc.in)
		if got := hex.EncodeToString(b); got != tc.hex || ok != (tc.hex != "") {
			t.Errorf("route.ParseMPLS(%q) = %s, %v, want %s", tc.in, got, ok, tc.hex)
			continue
		}
		if ok {
			if got := mplsText(b); got != tc.text {
				t.Errorf("mplsText(%s) = %q, want %q", tc.hex, got, tc.text)
			}
		}
	}
	if !strings.HasPrefix(route.EncapTypeName(99), "unknown") {
		t.Errorf("route.EncapTypeName(99) = %q", route.EncapTypeName(99))
	}
}

// TestShowdumpKeptFilter: showdump prints through the filter the last
// route command of the process left (iproute2's static filter), or a zero
// one.
func TestShowdumpKeptFilter(t *testing.T) {
	stream, err := os.ReadFile(filepath.Join("testdata", "encap.bin"))
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "encap.txt"))
	if err != nil {
		t.Fatal(err)
	}
	other := newFilter(unix.AF_UNSPEC)
	other.table = 12345
	for _, tc := range []struct {
		name  string
		kept  any
		lines int
	}{
		{"none", nil, bytes.Count(golden, []byte("\n"))},
		{"table 12345", &other, 0},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, bytes.NewReader(stream), &out, &out)
		env.RouteFilter = tc.kept
		if err := showdump(env); err != nil {
			t.Fatalf("%s: showdump: %v", tc.name, err)
		}
		env.P.Flush()
		if n := strings.Count(out.String(), "\n"); n != tc.lines {
			t.Errorf("%s: printed %d lines, want %d:\n%s", tc.name, n, tc.lines, out.String())
		}
	}
}
