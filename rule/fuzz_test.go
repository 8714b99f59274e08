package rule

import (
	"bytes"
	"net/netip"
	"testing"

	"golang.org/x/sys/unix"
)

// FuzzFromMessage decodes arbitrary rule message bodies into owned Rules:
// no panic, and an inet or inet6 Rule that encodes decodes and re-encodes
// to the same bytes.
func FuzzFromMessage(f *testing.F) {
	for _, r := range []Rule{
		{Src: netip.MustParsePrefix("10.0.0.0/8"), Priority: 100, FwMark: 0x10, FwMask: 0xff, Table: 1000, IIF: "veth0"},
		{Dst: netip.MustParsePrefix("2001:db8::/32"), Priority: 5, Action: unix.FR_ACT_BLACKHOLE, Invert: true, OIF: "x"},
	} {
		b, err := Request(unix.RTM_NEWRULE, r)
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
		r := FromMessage(&m)
		if r.Family != unix.AF_INET && r.Family != unix.AF_INET6 {
			return // a Rule speaks inet and inet6
		}
		once, err := Request(unix.RTM_NEWRULE, r)
		if err != nil {
			return
		}
		if !DecodeMessage(once, &m) {
			t.Fatalf("Request(%+v) does not decode: %x", r, once)
		}
		twice, err := Request(unix.RTM_NEWRULE, FromMessage(&m))
		if err != nil || !bytes.Equal(once, twice) {
			t.Fatalf("%+v encodes to %x, then to %x (%v)", r, once, twice, err)
		}
	})
}
