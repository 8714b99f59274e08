package cnum

import (
	"encoding/binary"
	"math"
	"math/bits"
	"net/netip"
	"strings"

	"golang.org/x/sys/unix"
)

// Prefix is iproute2's inet_prefix: an address with its family and its
// lengths. It holds the address in a fixed array so that reading one
// allocates nothing (a route batch reads hundreds of thousands).
type Prefix struct {
	// Family is AF_INET, AF_INET6 or (for a link-layer address)
	// AF_PACKET; for default, any and all it is the family that was asked
	// for, AF_UNSPEC included.
	Family int
	// ByteLen is how many bytes of the address there are, what goes into
	// a netlink attribute: 4 or 16 (up to LLAddrMax+1 for AF_PACKET); for
	// default the length of an address of Family, for any and all 0.
	ByteLen int
	// BitLen is the prefix length. From ParseAddr it is PlainAddr or
	// AnyAddr; ParsePrefix sets it to the length written, or to the
	// address's full length, or to 0 for default/any/all.
	BitLen int
	// LenGiven is iproute2's PREFIXLEN_SPECIFIED: a "/LEN" was written, or
	// the word was "default".
	LenGiven bool
	// Data is the address, in network order; zero for default/any/all.
	// A link-layer address or MPLS label stack longer than Data is in
	// long instead.
	Data [16]byte
	long []byte
}

// The BitLen values ParseAddr gives instead of a length.
const (
	// PlainAddr is the BitLen of an address read by ParseAddr.
	PlainAddr = -1
	// AnyAddr is the BitLen of default, any and all read by ParseAddr.
	AnyAddr = -2
)

// Bytes returns the address bytes, Data[:ByteLen] (or the long
// link-layer address that does not fit Data).
func (p *Prefix) Bytes() []byte {
	if p.long != nil {
		return p.long
	}
	return p.Data[:p.ByteLen]
}

// setBytes sets the address to b, in Data when it fits.
func (p *Prefix) setBytes(b []byte) {
	p.ByteLen = len(b)
	if len(b) > len(p.Data) {
		p.long = b
		return
	}
	p.long = nil
	copy(p.Data[:], b)
}

// IP returns the address as a netip.Addr, the zero Addr unless Family is
// AF_INET or AF_INET6.
func (p *Prefix) IP() netip.Addr {
	switch p.Family {
	case unix.AF_INET:
		return netip.AddrFrom4([4]byte(p.Data[:4]))
	case unix.AF_INET6:
		return netip.AddrFrom16(p.Data)
	}
	return netip.Addr{}
}

// ParseAddr is iproute2's get_addr_1: s as an address of family, or of
// either inet family for AF_UNSPEC. A word with a colon is IPv6 as
// inet_pton reads it (no "%zone"); any other is IPv4 as get_addr_ipv4
// reads it: one to four Strtoul numbers of any base separated by dots, the
// missing bytes zero ("10.1" is 10.1.0.0, "010.0.0.1" is 8.0.0.1).
// "default", "any" and "all" are the zero address of family (refused for
// AF_MPLS) with BitLen AnyAddr. For AF_MPLS any other word without a colon
// is a label stack as mpls_pton reads it ("16/17"), with BitLen 20 as
// get_addr_1 gives it.
//
// For AF_PACKET any other word is a link-layer address as LLAddr reads it
// (what `ip -0 neigh` sends).
func ParseAddr(s string, family int) (Prefix, bool) {
	var p Prefix
	switch {
	case s == "default" || s == "any" || s == "all":
		if family == unix.AF_MPLS {
			return p, false
		}
		p.Family, p.BitLen = family, AnyAddr
		if s == "default" {
			p.ByteLen, p.LenGiven = AddrBits(family)/8, true
		}
		return p, true
	case family == unix.AF_PACKET:
		return parseLLAddr(s)
	case strings.IndexByte(s, ':') >= 0:
		if (family != unix.AF_UNSPEC && family != unix.AF_INET6) || strings.IndexByte(s, '%') >= 0 {
			return p, false
		}
		a, err := netip.ParseAddr(s)
		if err != nil || !a.Is6() {
			return p, false
		}
		p.Family, p.ByteLen, p.BitLen, p.Data = unix.AF_INET6, 16, PlainAddr, a.As16()
		return p, true
	case family == unix.AF_MPLS:
		stack, ok := mplsLabels(s)
		if !ok {
			return p, false
		}
		p.Family, p.ByteLen, p.BitLen = unix.AF_MPLS, len(stack), AddrBits(unix.AF_MPLS)
		p.setBytes(stack)
		return p, true
	case family != unix.AF_UNSPEC && family != unix.AF_INET:
		return p, false
	case !parseIPv4(s, (*[4]byte)(p.Data[:4])):
		return p, false
	}
	p.Family, p.ByteLen, p.BitLen = unix.AF_INET, 4, PlainAddr
	return p, true
}

// MaxLabels is how many MPLS labels an address may have: what fits the
// 256 bytes of iproute2's inet_prefix.
const MaxLabels = 64

// mplsLabels is mpls_pton: labels separated by "/", each a strtoul number
// of any base below 2^20, as label stack entries in network order with the
// bottom-of-stack bit on the last; at most MaxLabels of them.
func mplsLabels(s string) ([]byte, bool) {
	var stack [MaxLabels * 4]byte
	for n := 0; n < MaxLabels; n++ {
		v, rest, digits, overflow := Strtoul(s, 0)
		if overflow || v >= 1<<20 || !digits {
			return nil, false
		}
		entry := uint32(v) << 12
		if rest == "" {
			binary.BigEndian.PutUint32(stack[n*4:], entry|1<<8)
			return stack[:n*4+4], true
		}
		if rest[0] != '/' {
			return nil, false
		}
		binary.BigEndian.PutUint32(stack[n*4:], entry)
		s = rest[1:]
	}
	return nil, false
}

// tooManyLabels reports whether mpls_pton gives up on s only because it
// has more labels than MaxLabels (it then says so on stderr first).
func tooManyLabels(s string) bool {
	for range MaxLabels {
		v, rest, digits, overflow := Strtoul(s, 0)
		if overflow || v >= 1<<20 || !digits || rest == "" || rest[0] != '/' {
			return false
		}
		s = rest[1:]
	}
	return true
}

// parseIPv4 is get_addr_ipv4 into out: one to four Strtoul numbers of any
// base up to 255, separated by dots.
func parseIPv4(s string, out *[4]byte) bool {
	for i := range out {
		v, rest, digits, _ := Strtoul(s, 0)
		if !digits || v > 255 {
			return false
		}
		out[i] = byte(v)
		if rest == "" {
			return true
		}
		if i == len(out)-1 || rest[0] != '.' {
			return false
		}
		s = rest[1:]
	}
	return true
}

// ParsePrefix is iproute2's get_prefix_1: ADDR[/LEN] with ADDR as
// ParseAddr reads it and LEN as Netmask does, no longer than an address of
// the family. Without "/LEN" the length is the address's full length, or
// 0 for default/any/all, which take no "/LEN".
func ParsePrefix(s string, family int) (Prefix, bool) {
	addr, length, slash := strings.Cut(s, "/")
	p, ok := ParseAddr(addr, family)
	if !ok || (p.Family == unix.AF_PACKET && p.BitLen != AnyAddr) {
		// get_prefix refuses a link-layer family before it reads the
		// word; only default, any and all pass here.
		return Prefix{}, false
	}
	bitLen := AddrBits(p.Family)
	switch {
	case slash && p.BitLen == AnyAddr:
		return p, false
	case slash:
		n, ok := Netmask(length)
		if !ok || n > uint32(bitLen) {
			return p, false
		}
		p.LenGiven, bitLen = true, int(n)
	case p.BitLen == AnyAddr:
		bitLen = 0
	}
	p.BitLen = bitLen
	return p, true
}

// Netmask is iproute2's get_netmask: a prefix length as Uint reads it, or
// an IPv4 netmask of leading ones as ParseAddr reads it ("255.255.0.0" is
// 16, "255.0.255.0" is refused; "default", "any" and "all" are 0).
func Netmask(s string) (uint32, bool) {
	if n, ok := Uint(s, 0, math.MaxUint32); ok {
		return uint32(n), true
	}
	m, ok := ParseAddr(s, unix.AF_INET)
	if !ok || m.Family != unix.AF_INET {
		return 0, false
	}
	mask := binary.BigEndian.Uint32(m.Data[:4])
	if host := ^mask; host&(host+1) != 0 {
		return 0, false
	}
	return uint32(bits.OnesCount32(mask)), true
}
