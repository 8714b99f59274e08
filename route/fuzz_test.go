package route

import (
	"bytes"
	"testing"

	"golang.org/x/sys/unix"
)

// FuzzFromMessage decodes arbitrary route message bodies into owned
// Routes: no panic, and an inet or inet6 Route that encodes re-encodes to the same bytes
// once decoded again (the owned value keeps what its encoder sends).
func FuzzFromMessage(f *testing.F) {
	for _, r := range []Route{
		{Gateway: mustAddr("10.0.0.254")},
		{Dst: mustPrefix("10.2.0.0/24"), Table: 1000, Multipath: []NextHop{{Gateway: mustAddr("10.0.0.2"), OIF: 3, Weight: 2}}},
		{Dst: mustPrefix("2001:db8::/64"), Priority: 1024, MTU: 1280, OIF: 2},
	} {
		b, err := Request(unix.RTM_NEWROUTE, r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var m Message
		if DecodeMessage(unix.RTM_NEWROUTE, b, &m) != nil {
			return
		}
		r := FromMessage(&m)
		if r.Family != unix.AF_INET && r.Family != unix.AF_INET6 {
			return // a Route speaks inet and inet6
		}
		once, err := Request(unix.RTM_NEWROUTE, r)
		if err != nil {
			return
		}
		if DecodeMessage(unix.RTM_NEWROUTE, once, &m) != nil {
			t.Fatalf("Request(%+v) does not decode: %x", r, once)
		}
		twice, err := Request(unix.RTM_NEWROUTE, FromMessage(&m))
		if err != nil || !bytes.Equal(once, twice) {
			t.Fatalf("%+v encodes to %x, then to %x (%v)", r, once, twice, err)
		}
	})
}
