package tunnel

import (
	"bytes"
	"testing"
)

// FuzzDecode decodes each structure from the input and checks that what
// decodes encodes back to the same value.
func FuzzDecode(f *testing.F) {
	f.Add(bytes.Repeat([]byte{0xff}, 80))
	f.Add(append([]byte("gre1\x00zzzzzzzzzzz"), make([]byte, 64)...))
	f.Add([]byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := DecodeParm(b); err == nil {
			q, err := DecodeParm(p.Marshal())
			if err != nil || q != p {
				t.Fatalf("Parm round trip: %+v became %+v (%v)", p, q, err)
			}
		}
		if p, err := DecodeParm6(b); err == nil {
			q, err := DecodeParm6(p.Marshal())
			if err != nil || q != p {
				t.Fatalf("Parm6 round trip: %+v became %+v (%v)", p, q, err)
			}
		}
		if e, err := DecodePRLEntry(b); err == nil {
			q, err := DecodePRLEntry(e.Marshal())
			if err != nil || q != e {
				t.Fatalf("PRLEntry round trip: %+v became %+v (%v)", e, q, err)
			}
		}
		if r, err := DecodeSixRD(b); err == nil {
			q, err := DecodeSixRD(r.Marshal())
			if err != nil || q != r {
				t.Fatalf("SixRD round trip: %+v became %+v (%v)", r, q, err)
			}
		}
		for _, e := range DecodePRL(b) {
			if e.Addr.As4() == [4]byte{} {
				t.Fatalf("DecodePRL kept an unused slot: %+v", e)
			}
		}
	})
}
