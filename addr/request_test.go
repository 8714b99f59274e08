package addr

import (
	"bytes"
	"testing"
)

// TestRequestBound checks that an attribute that would not fit in
// iproute2's 280-byte request is refused, the ones after it are measured
// from what was kept, and the body holds only what fitted.
func TestRequestBound(t *testing.T) {
	r := NewRequest()
	for _, tt := range []struct {
		typ  uint16
		n    int
		fits bool
	}{
		{1, 4, true},    // 24 + 8
		{3, 300, false}, // past 280
		{3, 240, true},  // 32 + 244 = 276
		{2, 4, false},   // 276 + 8 > 280
	} {
		if got := r.Add(tt.typ, bytes.Repeat([]byte{byte(tt.typ)}, tt.n)); got != tt.fits {
			t.Errorf("Add(%d, %d bytes) = %v, want %v", tt.typ, tt.n, got, tt.fits)
		}
	}
	if r.Exceeded() != "addattr_l ERROR: message exceeded bound of 280" {
		t.Errorf("Exceeded() = %q", r.Exceeded())
	}
	b, err := r.Body()
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 8+8+244 {
		t.Errorf("body is %d bytes, want %d", len(b), 8+8+244)
	}
}
