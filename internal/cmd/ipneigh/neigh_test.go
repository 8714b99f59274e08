package ipneigh

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/neigh"
	"golang.org/x/sys/unix"
)

func TestParseNUD(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint32
		ok   bool
	}{
		{"permanent", unix.NUD_PERMANENT, true},
		{"perm", unix.NUD_PERMANENT, true},
		{"reachable", unix.NUD_REACHABLE, true},
		{"r", unix.NUD_REACHABLE, true},
		{"noarp", unix.NUD_NOARP, true},
		{"noa", 0, false}, // exact words only, except permanent/reachable/failed
		{"none", unix.NUD_NONE, true},
		{"stale", unix.NUD_STALE, true},
		{"incomplete", unix.NUD_INCOMPLETE, true},
		{"delay", unix.NUD_DELAY, true},
		{"probe", unix.NUD_PROBE, true},
		{"f", unix.NUD_FAILED, true},
		{"0x80", 0x80, true},
		{"64", 0x40, true},
		{"0", 0, true},
		{"3", 0, false},     // two bits
		{"0x100", 0, false}, // out of range
		{"foo", 0, false},
		{"all", 0, false}, // only show and flush take it
	} {
		got, ok := neigh.ParseState(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("neigh.ParseState(%q) = %#x, %v; want %#x, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// The requests iproute2 6.1 sends for these commands (struct neigh.Header and
// attributes, read from strace), with ifindex 7 for v1.
func TestNeighRequestGolden(t *testing.T) {
	for _, tc := range []struct {
		args string
		want string // hex
	}{
		{
			"10.0.0.9 lladdr 02:00:00:00:00:09 dev v1 nud stale router protocol static",
			"02000000" + "07000000" + "0400" + "80" + "00" + // AF_INET, v1, NUD_STALE, NTF_ROUTER
				"05000c00" + "04000000" + // NDA_PROTOCOL static
				"08000100" + "0a000009" + // NDA_DST
				"0a000200" + "020000000009" + "0000", // NDA_LLADDR
		},
		{
			"proxy 2001:db8::5 dev v1 managed extern_learn",
			"0a000000" + "07000000" + "0000" + "18" + "00" + // AF_INET6, NUD_NONE, NTF_PROXY|NTF_EXT_LEARNED
				"14000100" + "20010db8000000000000000000000005" + // NDA_DST
				"08000f00" + "01000000", // NDA_FLAGS_EXT managed
		},
		{
			"10.0.0.9 dev v1 lladdr null nud 0x40",
			"02000000" + "07000000" + "4000" + "00" + "00" +
				"08000100" + "0a000009",
		},
	} {
		got, err := neighRequest(unix.AF_UNSPEC, cmdline.NewArgs(strings.Fields(tc.args)), func(dev string) (uint32, error) {
			if dev != "v1" {
				return 0, errors.New("no such device")
			}
			return 7, nil
		})
		if err != nil {
			t.Errorf("%s: %v", tc.args, err)
			continue
		}
		if h := hex.EncodeToString(got); h != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.args, h, tc.want)
		}
	}
}

func TestNeighRequestErrors(t *testing.T) {
	for _, tc := range []struct {
		args string
		code int
		msg  string
	}{
		{"10.0.0.9", 255, "Device and destination are required arguments."},
		{"dev v1", 255, "Device and destination are required arguments."},
		{"foo dev v1", 1, `Error: any valid address is expected rather than "foo".`},
		{"10.0.0.9 10.0.0.10 dev v1", 255, `Error: either "to" is duplicate, or "10.0.0.10" is a garbage.`},
		{"10.0.0.9 dev v1 nud foo", 255, `Error: argument "foo" is wrong: nud state is bad`},
		{"10.0.0.9 dev v1 lladdr zz", 1, `"zz" is invalid lladdr.`},
		{"10.0.0.9 dev v1 lladdr 1 lladdr 2", 255, `Error: duplicate "lladdr": "2" is the second value.`},
		{"10.0.0.9 dev v1 lladdr", 255, `Command line is not complete. Try option "help"`},
		{"10.0.0.9 dev nosuch", 1, `Cannot find device "nosuch"`},
	} {
		_, err := neighRequest(unix.AF_UNSPEC, cmdline.NewArgs(strings.Fields(tc.args)), func(dev string) (uint32, error) {
			if dev != "v1" {
				return 0, cmdline.Exit(1, "Cannot find device \"%s\"", dev)
			}
			return 7, nil
		})
		var ce *cmdline.Error
		if !errors.As(err, &ce) || ce.Code != tc.code || ce.Msg != tc.msg {
			t.Errorf("%s: got %v; want %d %q", tc.args, err, tc.code, tc.msg)
		}
	}
}

// neighMsg is a RTM_NEWNEIGH body as the kernel sends it.
func neighMsg(family uint8, ifindex int32, state uint16, flags uint8, attrs string) []byte {
	b, _ := hex.DecodeString(attrs)
	return append(neigh.Header(family, ifindex, state, flags), b...)
}

func TestNeighPrint(t *testing.T) {
	stale := neighMsg(unix.AF_INET, 1, unix.NUD_STALE, unix.NTF_ROUTER|unix.NTF_EXT_LEARNED,
		"08000100"+"0a00000b"+ // NDA_DST 10.0.0.11
			"0a000200"+"02000000000b"+"0000"+ // NDA_LLADDR
			"14000300"+"70170000"+"c8000000"+"2c010000"+"02000000"+ // cacheinfo: confirmed 6000, used 200, updated 300, ref 2
			"08000400"+"03000000"+ // NDA_PROBES 3
			"05000c00"+"04000000") // NDA_PROTOCOL static
	for _, tc := range []struct {
		name string
		opts cli.Options
		f    neighFilter
		body []byte
		want string
	}{
		{"text", cli.Options{}, neighFilter{state: ^uint32(0)}, stale,
			"10.0.0.11 lladdr 02:00:00:00:00:0b router extern_learn STALE proto static \n"},
		{"stats", cli.Options{Stats: 1}, neighFilter{state: ^uint32(0)}, stale,
			"10.0.0.11 lladdr 02:00:00:00:00:0b router extern_learn  ref 2 used 2/60/3probes 3 STALE proto static \n"},
		{"json", cli.Options{JSON: true}, neighFilter{state: ^uint32(0)}, stale,
			`[{"dst":"10.0.0.11","lladdr":"02:00:00:00:00:0b","router":null,"extern_learn":null,"state":["STALE"],"protocol":"static"}]` + "\n"},
		{"brief", cli.Options{Brief: true}, neighFilter{state: ^uint32(0)}, stale,
			"10.0.0.11                               02:00:00:00:00:0b\n"},
		{"filtered out by state", cli.Options{}, neighFilter{state: unix.NUD_PERMANENT}, neighMsg(unix.AF_INET, 1, unix.NUD_STALE, 0, "08000100"+"0a00000b"), ""},
		{"extern_learn passes any state filter", cli.Options{}, neighFilter{state: unix.NUD_PERMANENT}, stale,
			"10.0.0.11 lladdr 02:00:00:00:00:0b router extern_learn STALE proto static \n"},
		{"nud none", cli.Options{}, neighFilter{state: nudNoneBit}, neighMsg(unix.AF_INET, 1, 0, 0, "08000100"+"0a00000a"), "10.0.0.10 \n"},
		{"several states", cli.Options{}, neighFilter{state: ^uint32(0)}, neighMsg(unix.AF_INET6, 1, unix.NUD_NOARP|unix.NUD_PERMANENT, unix.NTF_PROXY, "14000100"+"20010db8000000000000000000000005"),
			"2001:db8::5 proxy NOARP PERMANENT \n"},
		{"to prefix", cli.Options{}, neighFilter{state: ^uint32(0), pfx: cnum.Prefix{Family: unix.AF_INET, BitLen: 29, Data: [16]byte{10, 0, 0, 8}}}, stale,
			"10.0.0.11 lladdr 02:00:00:00:00:0b router extern_learn STALE proto static \n"},
		{"outside to prefix", cli.Options{}, neighFilter{state: ^uint32(0), pfx: cnum.Prefix{Family: unix.AF_INET, BitLen: 30, Data: [16]byte{10, 0, 0, 12}}}, stale, ""},
		{"short message", cli.Options{}, neighFilter{state: ^uint32(0)}, []byte{2, 0, 0}, ""},
	} {
		var out bytes.Buffer
		env := cli.NewEnv(tc.opts, nil, &out, &out)
		env.P = format.New(&out, format.Options{JSON: tc.opts.JSON})
		f := tc.f
		f.index = 1 // as under "dev": no dev words, no link lookups
		pr := newNeighPrinter(env, &f)
		env.P.Begin()
		pr.print(unix.RTM_NEWNEIGH, 0, tc.body)
		env.P.End()
		env.P.Flush()
		if out.String() != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, out.String(), tc.want)
		}
	}
}

func FuzzNeighPrint(f *testing.F) {
	f.Add(neighMsg(unix.AF_INET, 1, unix.NUD_STALE, unix.NTF_ROUTER, "08000100"+"0a00000b"+"0a000200"+"02000000000b"+"0000"), uint8(1))
	f.Add(neighMsg(unix.AF_BRIDGE, 1, 0, 0, "14000100"+"20010db8000000000000000000000005"), uint8(3))
	f.Fuzz(func(t *testing.T, body []byte, mode uint8) {
		var out bytes.Buffer
		opts := cli.Options{Stats: int(mode & 1), JSON: mode&2 != 0, Brief: mode&4 != 0}
		env := cli.NewEnv(opts, nil, &out, &out)
		env.P = format.New(&out, format.Options{JSON: opts.JSON})
		pr := newNeighPrinter(env, &neighFilter{state: ^uint32(0), index: 1})
		env.P.Begin()
		pr.print(unix.RTM_NEWNEIGH, 0, body)
		env.P.End()
		env.P.Flush()
	})
}

// `dev ”` names a device, one that does not exist: it is looked up (and
// refused), never taken as "no device".
func TestNeighRequestEmptyDev(t *testing.T) {
	looked := false
	_, err := neighRequest(unix.AF_UNSPEC, cmdline.NewArgs([]string{"10.0.0.9", "dev", ""}), func(dev string) (uint32, error) {
		looked = true
		return 0, cmdline.Exit(1, "Cannot find device \"%s\"", dev)
	})
	var ce *cmdline.Error
	if !looked || !errors.As(err, &ce) || ce.Code != 1 || ce.Msg != `Cannot find device ""` {
		t.Errorf("neighRequest(10.0.0.9 dev '') = %v (looked up %v), want exit 1 Cannot find device \"\"", err, looked)
	}
}

// TestNeighRequestLinkLayer checks `ip -0 neigh`: the destination is a
// link-layer address sent as it is read (the kernel refuses the family),
// each protocol word adds its attribute, and what does not fit iproute2's
// 284-byte request fails with addattr_l's line.
func TestNeighRequestLinkLayer(t *testing.T) {
	dev := func(string) (uint32, error) { return 7, nil }
	for _, tc := range []struct {
		args string
		want string // hex, or the error
	}{
		{"aa:bb dev v1", "11000000" + "07000000" + "8000" + "00" + "00" + "06000100" + "aabb" + "0000"},
		{"to 10.0.0 dev v1 protocol static protocol 9", "11000000" + "07000000" + "8000" + "00" + "00" +
			"05000c00" + "04000000" + "05000c00" + "09000000" + "08000100" + "0a000000"},
		{strings.Repeat("1:", 251) + "2 dev v1", ""},
		{strings.Repeat("1:", 252) + "2 dev v1", "1 addattr_l ERROR: message exceeded bound of 284"},
		{strings.Repeat("1:", 243) + "2 dev v1 protocol static", ""},
		{strings.Repeat("1:", 244) + "2 dev v1 protocol static", "1 addattr_l ERROR: message exceeded bound of 284"},
		{strings.Repeat("1:", 235) + "2 dev v1 managed lladdr 1:2:3:4", ""},
		{strings.Repeat("1:", 236) + "2 dev v1 managed lladdr 1:2:3:4", "1 addattr_l ERROR: message exceeded bound of 284"},
		{strings.Repeat("1:", 300) + "2 dev v1", "1 addattr_l ERROR: message exceeded bound of 284"},
		{"aa: dev v1", "1 \"\" is invalid lladdr.\nError: link address is expected rather than \"aa\"."},
	} {
		got, err := neighRequest(unix.AF_PACKET, cmdline.NewArgs(strings.Fields(tc.args)), dev)
		var ce *cmdline.Error
		switch {
		case err != nil && errors.As(err, &ce):
			if s := fmt.Sprintf("%d %s", ce.Code, ce.Msg); s != tc.want {
				t.Errorf("%.40s: error %q, want %q", tc.args, s, tc.want)
			}
		case err != nil:
			t.Errorf("%.40s: %v", tc.args, err)
		case tc.want == "":
			if len(got) > 284-16 {
				t.Errorf("%.40s: %d bytes do not fit iproute2's request", tc.args, len(got))
			}
		case hex.EncodeToString(got) != tc.want:
			t.Errorf("%.40s:\n got %x\nwant %s", tc.args, got, tc.want)
		}
	}
}

// TestNeighRequestMPLS checks an MPLS destination (a label stack read as
// mpls_pton does) and iproute2's 284-byte request buffer, which a long
// stack overflows: addattr_l's complaint, exit 1 (not fatal under -batch).
func TestNeighRequestMPLS(t *testing.T) {
	lookup := func(dev string) (uint32, error) { return 7, nil }
	got, err := neighRequest(unix.AF_MPLS, cmdline.NewArgs(strings.Fields("16/17 dev v1 lladdr 02:00:00:00:00:09")), lookup)
	want := "1c000000" + "07000000" + "8000" + "00" + "00" + // AF_MPLS, NUD_PERMANENT
		"0c000100" + "00010000" + "00011100" + // NDA_DST: 16, 17 with the S bit
		"0a000200" + "020000000009" + "0000" // NDA_LLADDR
	if err != nil || hex.EncodeToString(got) != want {
		t.Errorf("16/17: got %x, %v; want %s", got, err, want)
	}
	labels := func(n int) string { return strings.Repeat("1/", n-1) + "1" }
	for _, tc := range []struct {
		args string
		ok   bool
	}{
		{labels(63) + " dev v1", true},
		{labels(64) + " dev v1", false},
		{labels(62) + " dev v1 lladdr 02:00:00:00:00:09", false},
		{labels(61) + " dev v1 lladdr 02:00:00:00:00:09", false},
		{labels(60) + " dev v1 lladdr 02:00:00:00:00:09", true},
		{labels(62) + " dev v1 managed", false},
	} {
		_, err := neighRequest(unix.AF_MPLS, cmdline.NewArgs(strings.Fields(tc.args)), lookup)
		var ce *cmdline.Error
		switch {
		case tc.ok && err != nil:
			t.Errorf("%.20s…: %v", tc.args, err)
		case !tc.ok && (!errors.As(err, &ce) || ce.Code != 1 || ce.Fatal || ce.Msg != "addattr_l ERROR: message exceeded bound of 284"):
			t.Errorf("%.20s…: got %v; want addattr_l's complaint, exit 1", tc.args, err)
		}
	}
}
