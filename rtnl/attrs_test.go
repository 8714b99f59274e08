package rtnl

import (
	"bytes"
	"testing"

	"github.com/mdlayher/netlink"
)

// encode builds attribute bytes with the library's encoder, so Attrs is
// checked against the wire format the library writes.
func encode(t testing.TB, fn func(ae *netlink.AttributeEncoder)) []byte {
	t.Helper()
	ae := netlink.NewAttributeEncoder()
	fn(ae)
	b, err := ae.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAttrsMatchesDecoder(t *testing.T) {
	b := encode(t, func(ae *netlink.AttributeEncoder) {
		ae.Uint8(1, 7)
		ae.Uint16(2, 0x1234)
		ae.Uint32(3, 0xdeadbeef)
		ae.Uint64(4, 1<<40)
		ae.String(5, "eth0")
		ae.Bytes(6, []byte{1, 2, 3})
		ae.Nested(7, func(nae *netlink.AttributeEncoder) error {
			nae.Uint32(1, 42)
			return nil
		})
		ae.Bytes(8, nil)
	})
	a := NewAttrs(b)
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for ad.Next() {
		if !a.Next() {
			t.Fatalf("Attrs stopped after %d attributes, decoder did not", n)
		}
		n++
		if a.Type() != ad.Type() {
			t.Errorf("attribute %d: Type() = %d, want %d", n, a.Type(), ad.Type())
		}
		if !bytes.Equal(a.Data(), ad.Bytes()) {
			t.Errorf("attribute %d: Data() = %x, want %x", n, a.Data(), ad.Bytes())
		}
	}
	if a.Next() {
		t.Errorf("Attrs has an attribute after the decoder's last")
	}
	if a.Err() != nil || ad.Err() != nil {
		t.Errorf("errors: Attrs %v, decoder %v", a.Err(), ad.Err())
	}
	if n != 8 {
		t.Errorf("walked %d attributes, want 8", n)
	}
}

func TestAttrsGetters(t *testing.T) {
	b := encode(t, func(ae *netlink.AttributeEncoder) {
		ae.Uint8(1, 7)
		ae.Uint16(2, 0x1234)
		ae.Uint32(3, 0xdeadbeef)
		ae.Uint64(4, 1<<40)
		ae.String(5, "eth0")
	})
	a := NewAttrs(b)
	for a.Next() {
		switch a.Type() {
		case 1:
			if v := a.Uint8(); v != 7 {
				t.Errorf("Uint8() = %d, want 7", v)
			}
		case 2:
			if v := a.Uint16(); v != 0x1234 {
				t.Errorf("Uint16() = %#x, want 0x1234", v)
			}
		case 3:
			if v := a.Uint32(); v != 0xdeadbeef {
				t.Errorf("Uint32() = %#x, want 0xdeadbeef", v)
			}
		case 4:
			if v := a.Uint64(); v != 1<<40 {
				t.Errorf("Uint64() = %d, want %d", v, uint64(1<<40))
			}
		case 5:
			if v := a.String(); v != "eth0" {
				t.Errorf("String() = %q, want eth0", v)
			}
		}
	}
	if a.Err() != nil {
		t.Fatal(a.Err())
	}
	// A getter of the wrong size returns 0 and keeps the error.
	a = NewAttrs(b)
	a.Next()
	if v := a.Uint32(); v != 0 || a.Err() == nil {
		t.Errorf("Uint32() on a 1-byte attribute = %d, %v; want 0 and an error", v, a.Err())
	}
}

func TestAttrsMalformed(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		n    int // attributes walked before the error
	}{
		{"short header", []byte{8, 0}, 0},
		{"length past end", []byte{12, 0, 1, 0, 1, 2, 3, 4}, 0},
		{"length below header", []byte{3, 0, 1, 0}, 0},
		{"good then junk", []byte{5, 0, 1, 0, 9, 0, 0, 0, 0xff}, 1},
	}
	for _, tt := range tests {
		a := NewAttrs(tt.b)
		n := 0
		for a.Next() {
			n++
		}
		if n != tt.n || a.Err() == nil {
			t.Errorf("%s: walked %d, err %v; want %d and an error", tt.name, n, a.Err(), tt.n)
		}
	}
}

// FuzzAttrs checks that Attrs never panics and walks exactly what the
// library's decoder accepts.
func FuzzAttrs(f *testing.F) {
	f.Add([]byte{5, 0, 1, 0, 9, 0, 0, 0})
	f.Add([]byte{0, 0, 0, 0, 8, 0, 2, 0, 1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, b []byte) {
		// Getters of the wrong size stop the walk (as the decoder's do), so
		// they only get a pass of their own, for panics.
		g := NewAttrs(b)
		for g.Next() {
			g.Uint8()
			g.Uint16()
			g.Uint32()
			g.Uint64()
			_ = g.String()
		}
		a := NewAttrs(b)
		n := 0
		for a.Next() {
			n++
		}
		ad, err := netlink.NewAttributeDecoder(b)
		if err != nil {
			return
		}
		m := 0
		for ad.Next() {
			m++
		}
		if ad.Err() == nil && m != n {
			t.Errorf("Attrs walked %d attributes, the decoder %d", n, m)
		}
	})
}

func BenchmarkAttrs(b *testing.B) {
	buf := encode(b, func(ae *netlink.AttributeEncoder) {
		for i := uint16(1); i <= 10; i++ {
			ae.Uint32(i, uint32(i))
		}
	})
	b.Run("Attrs", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			a := NewAttrs(buf)
			for a.Next() {
				_ = a.Uint32()
			}
		}
	})
	b.Run("AttributeDecoder", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			ad, _ := netlink.NewAttributeDecoder(buf)
			for ad.Next() {
				_ = ad.Uint32()
			}
		}
	})
}

// A getter of the wrong size ends the walk: Next reports no more
// attributes after it, as the library's decoder does.
func TestAttrsStopAfterGetterError(t *testing.T) {
	b := []byte{5, 0, 1, 0, 9, 0, 0, 0, 8, 0, 2, 0, 1, 2, 3, 4}
	a := NewAttrs(b)
	if !a.Next() {
		t.Fatal("no first attribute")
	}
	if a.Uint32(); a.Err() == nil {
		t.Fatal("Uint32 of a 1-byte attribute: no error")
	}
	if a.Next() {
		t.Errorf("Next after a getter's error = true, want false")
	}
}
