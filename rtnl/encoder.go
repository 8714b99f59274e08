package rtnl

import (
	"errors"
	"math"
)

// Encoder builds a request body — a fixed header such as struct rtmsg, then
// netlink attributes in the order they are added — in a buffer it keeps.
// Reset empties it without giving the buffer back, so a program that sends
// many requests (ip -batch adding 100k routes) encodes each one without
// allocating, where netlink.AttributeEncoder allocates a slice per
// attribute and a buffer per Encode.
//
// The bytes are the ones netlink.AttributeEncoder would produce for the same
// calls: each attribute is a 4-byte header (length, type) and its payload,
// padded to a multiple of 4 with zero bytes. The zero value is an empty
// encoder ready to use. An Encoder is not safe for concurrent use.
type Encoder struct {
	b   []byte
	err error
}

// NLAFNested is NLA_F_NESTED, the flag netlink.AttributeEncoder.Nested puts
// in a nested attribute's type.
const NLAFNested = 0x8000

var errAttrTooLarge = errors.New("netlink: attribute too large to fit in its 16-bit length")

// Reset empties the encoder, keeping its buffer, and forgets its error.
func (e *Encoder) Reset() {
	e.b, e.err = e.b[:0], nil
}

// Data is the request encoded so far. It stays valid until the next call
// that changes the encoder.
func (e *Encoder) Data() []byte { return e.b }

// Len is the length of the request encoded so far.
func (e *Encoder) Len() int { return len(e.b) }

// Err is the first error met: an attribute whose payload does not fit its
// 16-bit length (it was left out).
func (e *Encoder) Err() error { return e.err }

// Raw appends p as it is: a fixed header, a structure, attributes encoded
// elsewhere.
func (e *Encoder) Raw(p []byte) { e.b = append(e.b, p...) }

// Reserve appends n zero bytes and returns their offset, for a header whose
// fields are only known once the attributes after it are (Put fills it in).
func (e *Encoder) Reserve(n int) int {
	off := len(e.b)
	e.b = append(e.b, make([]byte, n)...)
	return off
}

// Put overwrites the bytes at offset off with p; they must have been
// appended already (by Reserve).
func (e *Encoder) Put(off int, p []byte) { copy(e.b[off:off+len(p)], p) }

// attr appends an attribute header for an n-byte payload and returns the
// payload's offset, or -1 when n does not fit.
func (e *Encoder) attr(typ uint16, n int) int {
	if n > math.MaxUint16-4 {
		if e.err == nil {
			e.err = errAttrTooLarge
		}
		return -1
	}
	e.b = ne.AppendUint16(e.b, uint16(4+n))
	e.b = ne.AppendUint16(e.b, typ)
	return len(e.b)
}

// pad zero-fills the request to a multiple of 4 bytes.
func (e *Encoder) pad() {
	for len(e.b)&3 != 0 {
		e.b = append(e.b, 0)
	}
}

// Bytes appends attribute typ with payload p.
func (e *Encoder) Bytes(typ uint16, p []byte) {
	if e.attr(typ, len(p)) >= 0 {
		e.b = append(e.b, p...)
		e.pad()
	}
}

// String appends attribute typ with s and a terminating NUL as payload.
func (e *Encoder) String(typ uint16, s string) {
	if e.attr(typ, len(s)+1) >= 0 {
		e.b = append(e.b, s...)
		e.b = append(e.b, 0)
		e.pad()
	}
}

// Uint8 appends attribute typ with a one-byte payload.
func (e *Encoder) Uint8(typ uint16, v uint8) {
	e.attr(typ, 1)
	e.b = append(e.b, v, 0, 0, 0)
}

// Uint16 appends attribute typ with a native-endian uint16 payload.
func (e *Encoder) Uint16(typ uint16, v uint16) {
	e.attr(typ, 2)
	e.b = ne.AppendUint16(e.b, v)
	e.b = append(e.b, 0, 0)
}

// Uint32 appends attribute typ with a native-endian uint32 payload.
func (e *Encoder) Uint32(typ uint16, v uint32) {
	e.attr(typ, 4)
	e.b = ne.AppendUint32(e.b, v)
}

// Uint64 appends attribute typ with a native-endian uint64 payload.
func (e *Encoder) Uint64(typ uint16, v uint64) {
	e.attr(typ, 8)
	e.b = ne.AppendUint64(e.b, v)
}

// Int32 appends attribute typ with a native-endian int32 payload.
func (e *Encoder) Int32(typ uint16, v int32) { e.Uint32(typ, uint32(v)) }

// Flag appends attribute typ without a payload when v is set.
func (e *Encoder) Flag(typ uint16, v bool) {
	if v {
		e.attr(typ, 0)
	}
}

// Nest opens a nested attribute of type typ (the caller adds NLAFNested
// when the kernel wants it): the attributes appended until the matching
// End are its payload. It returns the offset End needs.
func (e *Encoder) Nest(typ uint16) int {
	off := len(e.b)
	e.b = ne.AppendUint16(e.b, 4)
	e.b = ne.AppendUint16(e.b, typ)
	return off
}

// End closes the nested attribute Nest opened at off, writing its length.
func (e *Encoder) End(off int) {
	n := len(e.b) - off
	if n > math.MaxUint16 {
		if e.err == nil {
			e.err = errAttrTooLarge
		}
		return
	}
	ne.PutUint16(e.b[off:], uint16(n))
}
