package ipstats

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/stats"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// testIndex is the namespace the captures were made in.
var testIndex = map[string]int{"lo": 1, "v1": 2, "v0": 3, "br0": 4}

// testNames knows the links of that namespace and never asks the kernel.
func testNames() *link.Names {
	n := link.NewNames(-1)
	n.Offline()
	for name, idx := range testIndex {
		b := make([]byte, 16, 32)
		binary.NativeEndian.PutUint32(b[4:], uint32(idx))
		b = binary.NativeEndian.AppendUint16(b, uint16(4+len(name)+1))
		b = binary.NativeEndian.AppendUint16(b, unix.IFLA_IFNAME)
		b = append(b, name...)
		b = append(b, make([]byte, 4-len(name)%4)...)
		n.RememberMsg(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: b})
	}
	return n
}

// testdata/requests.tsv holds the RTM_GETSTATS and RTM_SETSTATS messages
// iproute2 6.1 sent for each command (strace -e write=FD; sequence numbers
// zeroed) in the namespace of testIndex.
func TestRequests(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "requests.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		cmd, want, _ := strings.Cut(sc.Text(), "\t")
		words := strings.Fields(cmd)[1:]
		var typ, flags uint16
		var body []byte
		if len(words) > 0 && words[0] == "set" {
			on := words[len(words)-1] == "on"
			typ, flags = stats.MsgSet, unix.NLM_F_REQUEST|unix.NLM_F_ACK
			body = stats.SetL3StatsBody(testIndex[words[2]], on)
		} else {
			if len(words) > 0 {
				words = words[1:]
			}
			dev, sel, _, err := ParseShow(cmdline.NewArgs(words), new(bytes.Buffer))
			if err != nil {
				t.Errorf("%s: %v", cmd, err)
				continue
			}
			typ, flags = stats.MsgGet, unix.NLM_F_REQUEST|unix.NLM_F_DUMP
			idx := 0
			if dev != nil {
				idx, flags = testIndex[*dev], unix.NLM_F_REQUEST
			}
			body = Filter(sel).Body(idx)
		}
		msg := binary.NativeEndian.AppendUint32(nil, uint32(16+len(body)))
		msg = binary.NativeEndian.AppendUint16(msg, typ)
		msg = binary.NativeEndian.AppendUint16(msg, flags)
		msg = append(msg, make([]byte, 8)...)
		if got := hex.EncodeToString(append(msg, body...)); got != want {
			t.Errorf("%s:\n got %s\nwant %s", cmd, got, want)
		}
		n++
	}
	if n < 15 {
		t.Fatalf("only %d requests compared", n)
	}
}

// testdata/NAME.bin is the RTM_NEWSTATS message (body) the kernel sent
// for one `ip stats show dev DEV ...` and NAME.txt what iproute2 6.1
// printed for it.
var goldenPrints = []struct {
	name string
	opts cli.Options
	args string // the words after `ip stats`
}{
	{"port-all", cli.Options{}, "show dev v0"},
	{"port-all-json", cli.Options{JSON: true}, "show dev v0"},
	{"bridge-all", cli.Options{Stats: 1}, "show dev br0"},
	{"bridge-mcast-oneline", cli.Options{Oneline: true}, "show dev br0 group xstats subgroup bridge"},
	{"lo-offload-pretty", cli.Options{JSON: true, Pretty: true}, "show dev lo group offload group link"},
}

func TestGoldenPrint(t *testing.T) {
	for _, g := range goldenPrints {
		msg, err := os.ReadFile(filepath.Join("testdata", g.name+".bin"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("testdata", g.name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		got, stderr := printOffline(t, g.opts, strings.Fields(g.args), msg)
		if got != string(want) || stderr != "" {
			t.Errorf("ip stats %s (%s):\n got %q\nwant %q\nstderr %q", g.args, g.name, got, want, stderr)
		}
	}
}

// printOffline prints msg as `ip stats WORDS` (show with a device) would.
func printOffline(t testing.TB, o cli.Options, words []string, msg []byte) (string, string) {
	var out, errb bytes.Buffer
	p := format.New(&out, format.Options{JSON: o.JSON, Pretty: o.Pretty, Oneline: o.Oneline})
	env := &cli.Env{Opts: o, P: p, Stderr: &errb, NetNSFD: -1}
	if len(words) > 0 && words[0] == "show" {
		env.Opts.Stats += env.Opts.Details + 1
		words = words[1:]
	}
	_, sel, _, err := ParseShow(cmdline.NewArgs(words), &errb)
	if err != nil {
		t.Fatal(err)
	}
	names := testNames()
	pr := NewPrinter(env, names)
	p.Begin()
	perr := pr.Print(msg, sel)
	p.End()
	p.Flush()
	if perr != nil {
		errb.WriteString("error: " + perr.Error())
	}
	return out.String(), errb.String()
}

// testdata/help.txt is `ip stats help` of iproute2 6.1.
func TestUsage(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "help.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	WriteUsage(&got)
	if got.String() != string(want) {
		t.Errorf("usage:\n%s\nwant:\n%s", got.String(), want)
	}
}
