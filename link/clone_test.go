package link

import (
	"encoding/binary"
	"os"
	"reflect"
	"testing"
)

// capturedLinks reads testdata/show-links.bin: the payloads of one
// RTM_GETLINK dump, each after its 4-byte little-endian length.
func capturedLinks(t testing.TB) [][]byte {
	t.Helper()
	b, err := os.ReadFile("testdata/show-links.bin")
	if err != nil {
		t.Fatal(err)
	}
	var msgs [][]byte
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		if 4+n > len(b) {
			t.Fatal("testdata/show-links.bin: truncated")
		}
		msgs = append(msgs, b[4:4+n])
		b = b[4+n:]
	}
	if len(msgs) == 0 {
		t.Fatal("testdata/show-links.bin: no messages")
	}
	return msgs
}

// TestCloneOwnsMemory decodes each captured message zero-copy, clones it,
// then overwrites the message as the next datagram of a dump would: the
// clone must not change, while the zero-copy Link does (so the test can
// fail).
func TestCloneOwnsMemory(t *testing.T) {
	for _, msg := range capturedLinks(t) {
		buf := append([]byte(nil), msg...)
		var borrowed Link
		if err := DecodeInto(&borrowed, buf); err != nil {
			t.Fatal(err)
		}
		kept := borrowed.Clone()
		fresh, err := Decode(append([]byte(nil), msg...))
		if err != nil {
			t.Fatal(err)
		}
		want := fresh.Clone()
		if !reflect.DeepEqual(kept, want) {
			t.Fatalf("clone of %s differs from a fresh decode:\n%+v\n%+v", want.Name, kept, want)
		}
		for i := range buf {
			buf[i] = 0xa5
		}
		if !reflect.DeepEqual(kept, want) {
			t.Errorf("%s: clone changed when the message buffer was reused:\n%+v", want.Name, kept)
		}
		if borrowed.Name == want.Name && want.Name != "" {
			t.Errorf("%s: the zero-copy Link did not alias the buffer (the test cannot fail)", want.Name)
		}
		if want.Counters() != nil && reflect.DeepEqual(kept.Counters(), borrowed.Counters()) {
			t.Errorf("%s: counters of the clone equal the overwritten ones", want.Name)
		}
	}
}
