package neigh

import (
	"bytes"
	"net/netip"
	"testing"

	"golang.org/x/sys/unix"
)

// FuzzFromMessage decodes arbitrary neighbour message bodies into owned
// Neighbors: no panic, and an inet or inet6 Neighbor that encodes decodes
// and re-encodes to the same bytes.
func FuzzFromMessage(f *testing.F) {
	for _, n := range []Neighbor{
		{Index: 3, Addr: netip.MustParseAddr("10.0.0.5"), LLAddr: []byte{2, 0, 0, 0, 0, 5}},
		{Index: 2, Addr: netip.MustParseAddr("2001:db8::7"), State: unix.NUD_STALE, Flags: unix.NTF_ROUTER, Protocol: 4},
	} {
		b, err := Request(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m Message
		if !DecodeMessage(b, &m) {
			return
		}
		n := FromMessage(&m)
		if (n.Family != unix.AF_INET && n.Family != unix.AF_INET6) || n.Family != AddrFamily(n.Addr) || n.State == 0 {
			return // a Neighbor speaks inet and inet6; state 0 means permanent when sent
		}
		once, err := Request(n)
		if err != nil {
			return
		}
		if !DecodeMessage(once, &m) {
			t.Fatalf("Request(%+v) does not decode: %x", n, once)
		}
		twice, err := Request(FromMessage(&m))
		if err != nil || !bytes.Equal(once, twice) {
			t.Fatalf("%+v encodes to %x, then to %x (%v)", n, once, twice, err)
		}
	})
}
