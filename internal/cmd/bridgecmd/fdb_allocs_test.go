package bridgecmd

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// TestFDBPrintNoAllocs prints every entry of the captured fdb dump
// (testdata/fdb.bin: bridge, veth and vxlan entries with remotes) in each
// output mode and wants no allocation per entry: bridge fdb show of many
// entries must cost the same memory as of one.
func TestFDBPrintNoAllocs(t *testing.T) {
	b, err := os.ReadFile("testdata/fdb.bin")
	if err != nil {
		t.Fatal(err)
	}
	msgs := splitDump(b)
	name := func(int32) string { return "x" }
	for _, tc := range []struct {
		name  string
		opts  format.Options
		stats bool
	}{
		{"text", format.Options{}, false},
		{"stats", format.Options{}, true},
		{"json", format.Options{JSON: true}, true},
	} {
		p := format.New(io.Discard, tc.opts)
		var f fdbFilter
		p.Begin()
		for i, d := range msgs {
			m := netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWNEIGH}, Data: d}
			allocs := testing.AllocsPerRun(20, func() { printFDB(p, tc.stats, &f, name, m) })
			if allocs != 0 {
				t.Errorf("%s: entry %d: %v allocations per entry, want 0", tc.name, i, allocs)
			}
		}
		p.End()
	}
}

// TestFDBPrintMalformed checks that an entry with a malformed attribute
// prints nothing, and one whose attributes are whole prints.
func TestFDBPrintMalformed(t *testing.T) {
	b, err := os.ReadFile("testdata/fdb.bin")
	if err != nil {
		t.Fatal(err)
	}
	d := splitDump(b)[0]
	name := func(int32) string { return "x" }
	for _, tc := range []struct {
		name   string
		body   []byte
		prints bool
	}{
		{"whole", d, true},
		{"truncated attribute", append(append([]byte(nil), d...), 8, 0, 1, 0, 0, 0), false},
		{"trailing bytes", append(append([]byte(nil), d...), 1, 0), false},
	} {
		var out bytes.Buffer
		p := format.New(&out, format.Options{})
		printFDB(p, false, &fdbFilter{}, name, netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWNEIGH}, Data: tc.body})
		p.Flush()
		if got := out.Len() > 0; got != tc.prints {
			t.Errorf("%s: printed %q, want printing %v", tc.name, out.String(), tc.prints)
		}
	}
}
