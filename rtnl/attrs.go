package rtnl

import (
	"errors"
	"fmt"
)

// Attrs walks the netlink attributes in a buffer without copying them.
//
// netlink.AttributeDecoder copies every attribute's payload as it steps
// onto it; decoding a dump of a million routes then allocates tens of
// millions of small slices, which is most of the time gip spends on it.
// Attrs hands out views into the buffer instead, so its values are valid
// only while the buffer is (for a dump, inside the Dump callback). Like the
// library's decoder it never panics on short or malformed data: it stops
// and keeps the first error, and typed getters of the wrong size return 0
// and set the error.
type Attrs struct {
	b    []byte
	typ  uint16
	data []byte
	err  error
}

// attrTypeMask drops NLA_F_NESTED and NLA_F_NET_BYTEORDER from a type, as
// AttributeDecoder.Type does.
const attrTypeMask = 0x3fff

var errInvalidAttr = errors.New("netlink: invalid attribute; length too short or too large")

// NewAttrs returns an iterator over the attributes in b.
func NewAttrs(b []byte) Attrs { return Attrs{b: b} }

// Next steps onto the next attribute and reports whether there is one.
// The well-formed attribute is the fast path, kept small enough to be
// inlined: a dump walks millions of them.
func (a *Attrs) Next() bool {
	b := a.b
	if len(b) >= 4 {
		if l := int(ne.Uint16(b)); l >= 4 && l <= len(b) {
			a.typ, a.data = ne.Uint16(b[2:])&attrTypeMask, b[4:l]
			a.b = b[min((l+3)&^3, len(b)):]
			return true
		}
	}
	return a.nextSlow()
}

// nextSlow is Next at the end of the buffer, on an attribute without a
// length and on a malformed one. After an error a.b is nil, so Next comes
// here and stops.
func (a *Attrs) nextSlow() bool {
	if a.err != nil || len(a.b) == 0 {
		return false
	}
	if len(a.b) < 4 {
		a.err, a.b = errInvalidAttr, nil
		return false
	}
	l := int(ne.Uint16(a.b))
	typ := ne.Uint16(a.b[2:])
	switch {
	case l == 0: // no length, no data; step over the header
		l = 4
	case l < 4 || l > len(a.b):
		a.err, a.b = errInvalidAttr, nil
		return false
	}
	a.typ, a.data = typ&attrTypeMask, a.b[4:l]
	if step := (l + 3) &^ 3; step < len(a.b) {
		a.b = a.b[step:]
	} else {
		a.b = nil
	}
	return true
}

// Type is the current attribute's type, flags masked off.
func (a *Attrs) Type() uint16 { return a.typ }

// Data is the current attribute's payload, not a copy.
func (a *Attrs) Data() []byte { return a.data }

// Err is the first error met, if any.
func (a *Attrs) Err() error { return a.err }

func (a *Attrs) sized(n int, what string) []byte {
	if len(a.data) != n {
		if a.err == nil {
			a.err = fmt.Errorf("netlink: attribute %d is not a %s; length: %d", a.typ, what, len(a.data))
		}
		a.b = nil // the walk stops here, as after a malformed attribute
		return nil
	}
	return a.data
}

// Uint8 is the payload as a uint8.
func (a *Attrs) Uint8() uint8 {
	if b := a.sized(1, "uint8"); b != nil {
		return b[0]
	}
	return 0
}

// Uint16 is the payload as a native-endian uint16.
func (a *Attrs) Uint16() uint16 {
	if b := a.sized(2, "uint16"); b != nil {
		return ne.Uint16(b)
	}
	return 0
}

// Uint32 is the payload as a native-endian uint32.
func (a *Attrs) Uint32() uint32 {
	if b := a.sized(4, "uint32"); b != nil {
		return ne.Uint32(b)
	}
	return 0
}

// Uint64 is the payload as a native-endian uint64.
func (a *Attrs) Uint64() uint64 {
	if b := a.sized(8, "uint64"); b != nil {
		return ne.Uint64(b)
	}
	return 0
}

// Int32 is the payload as a native-endian int32.
func (a *Attrs) Int32() int32 { return int32(a.Uint32()) }

// String is the payload up to its first NUL, as a string (this allocates).
func (a *Attrs) String() string { return string(a.CString()) }

// CString is the payload up to its first NUL, not a copy.
func (a *Attrs) CString() []byte {
	for i, c := range a.data {
		if c == 0 {
			return a.data[:i]
		}
	}
	return a.data
}

// ReqBound is the fixed buffer an iproute2 command builds its request in
// (a struct with the header and, say, 256 bytes for attributes). Its
// addattr_l refuses an attribute that would take the message past Max
// bytes; only a long MPLS label stack (up to 256 bytes) gets there.
type ReqBound struct {
	Len int // the message so far: the headers, then each attribute
	Max int // sizeof the request struct
}

// Fits adds an attribute with an n-byte payload as addattr_l does and
// reports whether it fitted; one that does not fit is not counted.
func (b *ReqBound) Fits(n int) bool {
	if !AttrFits(b.Len, n, b.Max) {
		return false
	}
	b.Len = align4(b.Len) + AttrLen(n)
	return true
}

// Exceeded is addattr_l's complaint about an attribute that did not fit.
func (b *ReqBound) Exceeded() string { return ExceededBound(b.Max) }
