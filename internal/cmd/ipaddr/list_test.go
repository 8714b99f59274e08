package ipaddr

import (
	"bytes"
	"encoding/binary"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/link"
	"golang.org/x/sys/unix"
)

// The captured dumps the addr package keeps: links and addresses of one
// namespace.
const (
	linkDump = "../../../addr/testdata/links.bin"
	addrDump = "../../../addr/testdata/addrs.bin"
)

// readDump reads testdata written by a capture: payloads of one dump, each
// after its 4-byte little-endian length.
func readDump(t testing.TB, path string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var msgs [][]byte
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		if 4+n > len(b) {
			t.Fatalf("%s: truncated", path)
		}
		msgs = append(msgs, b[4:4+n])
		b = b[4+n:]
	}
	return msgs
}

// TestListGolden runs the `ip address show` join over a captured link dump
// and address dump, and compares with iproute2's output for the same
// namespace.
func TestListGolden(t *testing.T) {
	links := readDump(t, linkDump)
	addrs := readDump(t, addrDump)
	tests := []struct {
		golden string
		opts   cli.Options
		words  string
	}{
		{"show.txt", cli.Options{}, ""},
		{"show.oneline", cli.Options{Oneline: true}, ""},
		{"show.brief", cli.Options{Brief: true}, ""},
		{"show.json", cli.Options{JSON: true}, ""},
		{"show.pretty", cli.Options{JSON: true, Pretty: true}, ""},
		{"show-scope-global.txt", cli.Options{}, "scope global"},
		{"show-secondary.txt", cli.Options{}, "secondary"},
		{"show-to.txt", cli.Options{}, "to 10.0.0.0/24"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			want, err := os.ReadFile("testdata/" + tt.golden)
			if err != nil {
				t.Fatal(err)
			}
			var out, errs bytes.Buffer
			env := cli.NewEnv(tt.opts, nil, &out, &errs)
			ls := &lister{env: env, p: env.P}
			ls.f.family = tt.opts.Family
			ls.f.group = -1
			if err := parseListArgs(env, cmdline.NewArgs(strings.Fields(tt.words)), &ls.f, false); err != nil {
				t.Fatalf("parseListArgs(%q): %v", tt.words, err)
			}
			ls.setup()
			defer ls.close()
			ls.noLink = tt.opts.Oneline
			for _, m := range addrs {
				if _, err := addr.Decode(m); err != nil {
					t.Fatalf("Decode: %v", err)
				}
				ls.addrs.add(m)
			}
			ls.addrs.sort()
			var decoded []*link.Link
			for _, m := range links {
				l, err := link.Decode(m)
				if err != nil {
					t.Fatalf("link.Decode: %v", err)
				}
				ls.names.Remember(l)
				decoded = append(decoded, l)
			}
			env.P.Begin()
			for _, l := range decoded {
				ls.show(l)
			}
			env.P.End()
			env.P.Flush()
			if got := out.String(); got != string(want) {
				t.Errorf("%s: got\n%s\nwant\n%s", tt.golden, got, want)
			}
			if errs.Len() != 0 {
				t.Errorf("%s: stderr %q, want none", tt.golden, errs.String())
			}
		})
	}
}

func TestPrefixMatches(t *testing.T) {
	pfx, _ := cnum.ParsePrefix("10.1.0.0/15", 0)
	tests := []struct {
		addr []byte
		want bool
	}{
		{[]byte{10, 1, 2, 3}, true},
		{[]byte{10, 0, 255, 255}, true},
		{[]byte{10, 2, 0, 0}, false},
		{make([]byte, 16), false},
	}
	for _, tt := range tests {
		if got := prefixMatches(&pfx, tt.addr); got != tt.want {
			t.Errorf("10.1.0.0/15 matches(%v) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

// FuzzDecode feeds arbitrary address messages to Decode and prints what
// decodes: neither may panic.
func FuzzDecode(f *testing.F) {
	for _, m := range readDump(f, addrDump) {
		f.Add(m)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := addr.Decode(b)
		if err != nil {
			return
		}
		for _, opts := range []cli.Options{{}, {Oneline: true}, {JSON: true}, {Brief: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(opts, nil, &out, &out)
			NewPrinter(env, func(uint32) string { return "x" }, opts.Oneline).PrintAddr(a, true)
		}
	})
}

func TestParseListArgsErrors(t *testing.T) {
	tests := []struct {
		words string
		want  string
	}{
		{"scope foo", "Error: argument \"foo\" is wrong: invalid \"scope\"\n"},
		{"group foo", "Error: argument \"foo\" is wrong: Invalid \"group\" value\n"},
		{"lo lo", `Error: either "dev" is duplicate, or "lo" is a garbage.`},
		{"dev", `Command line is not complete. Try option "help"`},
		{"to foo", `Error: any valid prefix is expected rather than "foo".`},
		{"vrf red", "Error: argument \"red\" is wrong: Not a valid VRF name\n"},
		{"label", `Command line is not complete. Try option "help"`},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &out)
		f := listFilter{group: -1}
		err := parseListArgs(env, cmdline.NewArgs(strings.Fields(tt.words)), &f, false)
		if err == nil || err.Error() != tt.want {
			t.Errorf("parseListArgs(%q) = %v, want %q", tt.words, err, tt.want)
		}
	}
}

func TestParseListArgsFilters(t *testing.T) {
	var out bytes.Buffer
	env := cli.NewEnv(cli.Options{}, nil, &out, &out)
	f := listFilter{group: -1}
	words := "up primary -tentative label eth* type bridge_slave scope link to 10.0.0.0/8 nomaster dev eth0"
	if err := parseListArgs(env, cmdline.NewArgs(strings.Fields(words)), &f, false); err != nil {
		t.Fatalf("parseListArgs(%q): %v", words, err)
	}
	want := listFilter{
		family: unix.AF_INET, dev: "eth0", hasDev: true, up: true, scope: unix.RT_SCOPE_LINK, scopeMask: 0xff,
		flags: 0, flagMask: unix.IFA_F_SECONDARY | unix.IFA_F_TENTATIVE,
		label: "eth*", hasLabel: true, group: -1, master: -1, slaveKind: "bridge", hasSlave: true,
	}
	if f.pfx.BitLen != 8 || f.pfx.Family != unix.AF_INET {
		t.Errorf("parseListArgs(%q) prefix = %+v, want 10.0.0.0/8", words, f.pfx)
	}
	f.pfx = cnum.Prefix{}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("parseListArgs(%q) = %+v, want %+v", words, f, want)
	}
}

// An empty word is a value: `dev ”`, a bare ” and `type ”` are given
// (and select nothing), never "no filter".
func TestParseListArgsEmptyIsGiven(t *testing.T) {
	tests := []struct {
		words         []string
		hasDev, kind  bool
		dev, wantKind string
	}{
		{[]string{"dev", ""}, true, false, "", ""},
		{[]string{""}, true, false, "", ""},
		{[]string{"type", ""}, false, true, "", ""},
		{[]string{"up"}, false, false, "", ""},
		{[]string{"dev", "lo"}, true, false, "lo", ""},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		env := cli.NewEnv(cli.Options{}, nil, &out, &out)
		f := listFilter{group: -1}
		if err := parseListArgs(env, cmdline.NewArgs(tt.words), &f, false); err != nil {
			t.Fatalf("parseListArgs(%q): %v", tt.words, err)
		}
		if f.hasDev != tt.hasDev || f.dev != tt.dev || f.hasKind != tt.kind || f.kind != tt.wantKind {
			t.Errorf("parseListArgs(%q) = dev %q (given %v) kind %q (given %v), want dev %q (given %v) kind %q (given %v)",
				tt.words, f.dev, f.hasDev, f.kind, f.hasKind, tt.dev, tt.hasDev, tt.wantKind, tt.kind)
		}
	}
	// A second device, even an empty one, is a duplicate.
	var out bytes.Buffer
	env := cli.NewEnv(cli.Options{}, nil, &out, &out)
	f := listFilter{group: -1}
	err := parseListArgs(env, cmdline.NewArgs([]string{"dev", "", "lo"}), &f, false)
	if want := `Error: either "dev" is duplicate, or "lo" is a garbage.`; err == nil || err.Error() != want {
		t.Errorf("parseListArgs(dev '' lo) = %v, want %q", err, want)
	}
}
