package route

import (
	"bytes"
	"testing"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// decodeRef is DecodeMessage as it was written over rtnl.Attrs: the
// reference the written-out attribute walk must agree with.
func decodeRef(b []byte, r *Message) error {
	r.present = 0
	hdr, attrs, err := rtnl.ParseRtMsg(b)
	if err != nil {
		return errShortRoute
	}
	r.Header, r.Table = hdr, uint32(hdr.Table)
	a := rtnl.NewAttrs(attrs)
	for a.Next() {
		if t := int(a.Type()); t <= rtaMax {
			r.attrs[t] = a.Data()
			r.present |= 1 << uint(t)
		}
	}
	if r.Has(unix.RTA_TABLE) {
		r.Table = r.Uint32(unix.RTA_TABLE)
	}
	return a.Err()
}

func FuzzDecodeMessage(f *testing.F) {
	f.Add([]byte("\x0a\x40\x00\x00\xfe\x03\x00\x01\x00\x00\x00\x00\x08\x00\x0f\x00\xfe\x00\x00\x00\x05\x00\x14\x00\x00\x00"))
	f.Add([]byte("\x02\x20\x00\x00\xfe\x03\x00\x01\x00\x00\x00\x00\x00\x00\x01\x00\x03\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var got, want Message
		gerr, werr := DecodeMessage(unix.RTM_NEWROUTE, b, &got), decodeRef(b, &want)
		if (gerr == nil) != (werr == nil) || got.present != want.present || got.Table != want.Table || got.Header != want.Header {
			t.Fatalf("DecodeMessage(% x): err %v present %#x table %d; reference: err %v present %#x table %d",
				b, gerr, got.present, got.Table, werr, want.present, want.Table)
		}
		for i := range got.attrs {
			if got.Has(i) && !bytes.Equal(got.attrs[i], want.attrs[i]) {
				t.Fatalf("DecodeMessage(% x): attribute %d = % x, reference % x", b, i, got.attrs[i], want.attrs[i])
			}
		}
	})
}
