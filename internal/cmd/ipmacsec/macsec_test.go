package ipmacsec

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// shimFamily is the family id testdata/shim answers iproute2 with.
const shimFamily = 0x77

// golden is one line of testdata/golden.json: what iproute2 6.1 sent to
// the shim's macsec family and printed (see testdata/shim/README.md).
type golden struct {
	Line     string   `json:"line"`
	Errno    string   `json:"errno"`
	Dump     string   `json:"dump"`
	Exit     int      `json:"exit"`
	Stdout   string   `json:"stdout"`
	Stderr   string   `json:"stderr"`
	Requests []string `json:"requests"`
}

// fakeKernel answers as the shim does, recording requests in its log
// format ("TYPE FLAGS HEXBODY").
type fakeKernel struct {
	log   []string
	errno unix.Errno
	dump  []byte
}

func (k *fakeKernel) Family() uint16 { return shimFamily }

func (k *fakeKernel) record(flags int, body []byte) {
	k.log = append(k.log, fmt.Sprintf("%#x %#x %s", shimFamily, flags, hex.EncodeToString(body)))
}

func (k *fakeKernel) Exec(body []byte) error {
	k.record(unix.NLM_F_REQUEST|unix.NLM_F_ACK, body)
	if k.errno != 0 {
		return &rtnl.Error{Errno: k.errno}
	}
	return nil
}

func (k *fakeKernel) Dump(body []byte, fn func(netlink.Message) error) error {
	k.record(unix.NLM_F_REQUEST|unix.NLM_F_DUMP, body)
	for b := k.dump; len(b) >= 4; {
		n := int(binary.NativeEndian.Uint32(b))
		m := netlink.Message{Header: netlink.Header{Type: shimFamily, Flags: netlink.Multi}, Data: b[4 : 4+n]}
		if err := fn(m); err != nil {
			return err
		}
		b = b[4+n:]
	}
	if k.errno != 0 {
		return &rtnl.Error{Errno: k.errno}
	}
	return nil
}

// devices is the sandbox the captures ran in: lo only, and "ifN" names.
var devices = Devices{
	Index: func(name string) uint32 {
		if name == "lo" {
			return 1
		}
		return link.IndexFromIfN(name)
	},
	Name: func(idx uint32) string {
		if idx == 1 {
			return "lo"
		}
		return fmt.Sprintf("if%d", idx)
	},
}

// options reads the global options the golden lines use.
func options(words []string) (cli.Options, []string) {
	var o cli.Options
	for len(words) > 0 && strings.HasPrefix(words[0], "-") {
		switch words[0] {
		case "-j":
			o.JSON = true
		case "-p":
			o.Pretty = true
		case "-s":
			o.Stats++
		case "-d":
			o.Details++
		case "-o":
			o.Oneline = true
		case "-br":
			o.Brief = true
		case "-c", "-c=always":
			o.Color = true
		default:
			panic("option " + words[0])
		}
		words = words[1:]
	}
	return o, words
}

// runLine runs one golden line through gip's ip macsec with the fake
// kernel and returns its stdout, stderr, exit status and requests.
func runLine(t testing.TB, g golden) (string, string, int, []string) {
	words := strings.Split(g.Line, " ")
	for i := range words {
		if words[i] == "''" {
			words[i] = ""
		}
	}
	k := &fakeKernel{}
	for len(words) > 0 {
		if v, ok := strings.CutPrefix(words[0], "errno="); ok {
			n, _ := strconv.Atoi(v)
			k.errno = unix.Errno(n)
		} else if v, ok := strings.CutPrefix(words[0], "dump="); ok {
			b, err := os.ReadFile(filepath.Join("testdata", "dump-"+v+".bin"))
			if err != nil {
				t.Fatal(err)
			}
			k.dump = b
		} else {
			break
		}
		words = words[1:]
	}
	o, words := options(words)
	if words[0] != "macsec" {
		t.Fatalf("%q: not an ip macsec line", g.Line)
	}
	var stdout, stderr bytes.Buffer
	env := cli.NewEnv(o, nil, &stdout, &stderr)
	var lookups []string
	err := run(env, cmdline.NewArgs(words[1:]), func() (Kernel, Devices, func(), error) {
		lookups = append(lookups, fmt.Sprintf("%#x %#x %s", genl.IDCtrl, unix.NLM_F_REQUEST, hex.EncodeToString(genl.FamilyRequest("macsec"))))
		return k, devices, func() {}, nil
	})
	env.P.Flush()
	status := 0
	var ce *cmdline.Error
	if errors.As(err, &ce) {
		if ce.Msg != "" {
			fmt.Fprintln(&stderr, ce.Msg)
		}
		status = ce.Code
	} else if err != nil {
		t.Fatalf("%q: error %v (%T) is not a *cmdline.Error", g.Line, err, err)
	}
	return stdout.String(), stderr.String(), status, append(lookups, k.log...)
}

func loadGolden(t testing.TB) []golden {
	b, err := os.ReadFile(filepath.Join("testdata", "golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gs []golden
	if err := json.Unmarshal(b, &gs); err != nil {
		t.Fatal(err)
	}
	return gs
}

// TestGolden runs every captured line: the same requests (type, flags,
// genl header and attributes), stdout, stderr and exit status as iproute2
// 6.1. Where iproute2 printed its usage text, the lines before it must
// match and gip must print its own.
func TestGolden(t *testing.T) {
	gs := loadGolden(t)
	if len(gs) < 100 {
		t.Fatalf("only %d golden lines", len(gs))
	}
	for _, g := range gs {
		stdout, stderr, status, reqs := runLine(t, g)
		if status != g.Exit {
			t.Errorf("%q: exit %d, want %d", g.Line, status, g.Exit)
		}
		if stdout != g.Stdout {
			t.Errorf("%q: stdout\n%s\nwant\n%s", g.Line, stdout, g.Stdout)
		}
		if before, _, isUsage := strings.Cut(g.Stderr, "Usage: ip macsec"); isUsage {
			if !strings.HasPrefix(stderr, before+"Usage: ip macsec") {
				t.Errorf("%q: stderr %q, want %q and a usage text", g.Line, stderr, before)
			}
		} else if stderr != g.Stderr {
			t.Errorf("%q: stderr %q, want %q", g.Line, stderr, g.Stderr)
		}
		if strings.Join(reqs, "\n") != strings.Join(g.Requests, "\n") {
			t.Errorf("%q: requests\n%s\nwant\n%s", g.Line, strings.Join(reqs, "\n"), strings.Join(g.Requests, "\n"))
		}
	}
}
