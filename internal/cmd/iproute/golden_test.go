package iproute

import (
	"bytes"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The golden dump: testdata/dump.hex holds the RTM_NEWROUTE bodies the
// kernel sent for `ip route show table all` (one hex line each), and
// dump*.txt what iproute2 printed for the same routes. Regenerate both in
// a namespace set up as testdata/dump.sh describes, with
// GIP_CAPTURE=1 go test -run TestCaptureDump ./route.

func TestCaptureDump(t *testing.T) {
	if os.Getenv("GIP_CAPTURE") == "" {
		t.Skip("set GIP_CAPTURE=1 inside the prepared namespace to regenerate testdata/dump.hex")
	}
	c, err := rtnl.Dial(-1)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.SetStrict(true); err != nil {
		t.Fatal(err)
	}
	f := newFilter(unix.AF_UNSPEC)
	f.table = 0
	req, err := dumpRequest(unix.AF_UNSPEC, &f)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := c.Dump(unix.RTM_GETROUTE, req, func(m netlink.Message) error {
		out.WriteString(hex.EncodeToString(m.Data) + "\n")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "dump.hex"), out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// goldenBodies reads testdata/dump.hex.
func goldenBodies(t testing.TB) [][]byte {
	raw, err := os.ReadFile(filepath.Join("testdata", "dump.hex"))
	if err != nil {
		t.Fatal(err)
	}
	var bodies [][]byte
	for _, line := range strings.Fields(string(raw)) {
		b, err := hex.DecodeString(line)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	return bodies
}

// testLinks is the namespace's devices when the dump was captured.
func testLinks() *LinkNames {
	l := &LinkNames{cache: map[uint32]string{1: "lo", 2: "eth1", 3: "eth0"}}
	return l
}

func TestPrintGolden(t *testing.T) {
	bodies := goldenBodies(t)
	for _, tc := range []struct {
		file    string
		opts    format.Options
		details int
	}{
		{"dump.txt", format.Options{}, 0},
		{"dump-d.txt", format.Options{}, 1},
		{"dump-j.txt", format.Options{JSON: true}, 0},
		{"dump-o.txt", format.Options{Oneline: true}, 0},
	} {
		want, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		f := newFilter(unix.AF_UNSPEC)
		f.table = 0
		pr := &printer{p: format.New(&got, tc.opts), f: &f, details: tc.details, links: testLinks()}
		pr.p.Begin()
		var r route.Message
		for _, b := range bodies {
			if err := route.DecodeMessage(unix.RTM_NEWROUTE, b, &r); err != nil {
				t.Fatalf("%s: decodeRoute: %v", tc.file, err)
			}
			if f.match(&r) {
				pr.print(&r)
			}
		}
		pr.p.End()
		pr.p.Flush()
		if got.String() != string(want) {
			t.Errorf("%s: printed\n%s\nwant\n%s", tc.file, got.String(), want)
		}
	}
}

// FuzzDecodeRoute decodes and prints arbitrary route messages in every
// output mode: nothing may panic.
func FuzzDecodeRoute(f *testing.F) {
	for _, b := range goldenBodies(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r route.Message
		if route.DecodeMessage(unix.RTM_NEWROUTE, b, &r) != nil {
			return
		}
		for _, opts := range []format.Options{{}, {JSON: true}, {Oneline: true, Color: true}} {
			fl := newFilter(unix.AF_UNSPEC)
			fl.table, fl.cloned = 0, bothKinds
			pr := &printer{p: format.New(io.Discard, opts), f: &fl, details: 1, stats: 1, links: testLinks()}
			pr.p.Begin()
			if fl.match(&r) {
				pr.print(&r)
			}
			pr.p.End()
		}
	})
}
