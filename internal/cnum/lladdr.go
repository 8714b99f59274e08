package cnum

import (
	"strings"

	"golang.org/x/sys/unix"
)

// LLAddrMax is how many bytes a link-layer address read as an address of
// family AF_PACKET may have: the size of iproute2's inet_prefix data.
const LLAddrMax = 256

// LLAddr is iproute2's ll_addr_a2n: a hardware address as hex bytes
// separated by colons (each read by sscanf's %x into a C int, 0 to 255),
// or, for a word with a dot, an IPv4 address as ParseAddr reads it (for
// tunnels). On failure it returns the piece of the word iproute2 names in
// its `"%s" is invalid lladdr.` line. A word of more than max bytes is
// not read to the end: iproute2 then reports max+1 bytes (its last one is
// whatever follows its buffer; here it is 0), which callers refuse as a
// wrong length or an overlong attribute.
func LLAddr(s string, max int) (addr []byte, bad string, ok bool) {
	if strings.IndexByte(s, '.') >= 0 {
		var a [4]byte
		if !parseIPv4(s, &a) {
			return nil, s, false
		}
		return a[:], "", true
	}
	var out []byte
	for len(out) < max {
		piece, rest, more := strings.Cut(s, ":")
		v, _, ok := ScanUint(piece, 16)
		if b := int32(uint32(v)); !ok || b < 0 || b > 255 {
			return nil, piece, false
		}
		out = append(out, byte(uint32(v)))
		if !more {
			return out, "", true
		}
		s = rest
	}
	return append(out, 0), "", true
}

// parseLLAddr is get_addr_1 for AF_PACKET: s as LLAddr reads it, at most
// LLAddrMax bytes (one more, zero, when s has more pieces).
func parseLLAddr(s string) (Prefix, bool) {
	var p Prefix
	b, _, ok := LLAddr(s, LLAddrMax)
	if !ok {
		return p, false
	}
	p.Family, p.BitLen = unix.AF_PACKET, len(b)*8
	p.setBytes(b)
	return p, true
}
