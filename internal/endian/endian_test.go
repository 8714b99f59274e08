package endian

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// TestSameAsBinary checks each method against encoding/binary's.
func TestSameAsBinary(t *testing.T) {
	in := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	var n Native
	var b Big
	if n.Uint16(in) != binary.NativeEndian.Uint16(in) || n.Uint32(in) != binary.NativeEndian.Uint32(in) ||
		n.Uint64(in) != binary.NativeEndian.Uint64(in) {
		t.Error("Native reads differ from binary.NativeEndian")
	}
	if b.Uint16(in) != 0x0102 || b.Uint32(in) != 0x01020304 {
		t.Error("Big reads differ from network order")
	}
	for _, tc := range []struct {
		name      string
		got, want []byte
	}{
		{"AppendUint16", n.AppendUint16(nil, 0x0102), binary.NativeEndian.AppendUint16(nil, 0x0102)},
		{"AppendUint32", n.AppendUint32(nil, 0x01020304), binary.NativeEndian.AppendUint32(nil, 0x01020304)},
		{"AppendUint64", n.AppendUint64(nil, 0x0102030405060708), binary.NativeEndian.AppendUint64(nil, 0x0102030405060708)},
		{"PutUint16", put(2, func(p []byte) { n.PutUint16(p, 0x0102) }), binary.NativeEndian.AppendUint16(nil, 0x0102)},
		{"PutUint32", put(4, func(p []byte) { n.PutUint32(p, 0x01020304) }), binary.NativeEndian.AppendUint32(nil, 0x01020304)},
		{"PutUint64", put(8, func(p []byte) { n.PutUint64(p, 0x0102030405060708) }), binary.NativeEndian.AppendUint64(nil, 0x0102030405060708)},
		{"Big.PutUint16", put(2, func(p []byte) { b.PutUint16(p, 0x0102) }), []byte{1, 2}},
		{"Big.PutUint32", put(4, func(p []byte) { b.PutUint32(p, 0x01020304) }), []byte{1, 2, 3, 4}},
	} {
		if !bytes.Equal(tc.got, tc.want) {
			t.Errorf("%s: % x, want % x", tc.name, tc.got, tc.want)
		}
	}
}

func put(n int, f func([]byte)) []byte {
	p := make([]byte, n)
	f(p)
	return p
}
