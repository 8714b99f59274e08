package addr

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// Prefix is iproute2's inet_prefix as the address commands use it.
type Prefix struct {
	Family   int
	Addr     []byte // 4 or 16 bytes; empty for default/any/all
	Bits     int
	LenGiven bool // "/N" was written
}

// parseInetAddr is get_addr_1 for inet families: a dotted quad (each part
// in C's base-0 notation, missing parts zero), an IPv6 address (any word
// with a colon), or default/any/all.
func parseInetAddr(s string, family int) (Prefix, bool) {
	switch s {
	case "default", "all", "any":
		return Prefix{Family: family, Bits: -2}, true
	}
	if strings.IndexByte(s, ':') >= 0 {
		if family != unix.AF_UNSPEC && family != unix.AF_INET6 {
			return Prefix{}, false
		}
		if strings.IndexByte(s, '%') >= 0 {
			return Prefix{}, false
		}
		a, err := netip.ParseAddr(s)
		if err != nil || !a.Is6() {
			return Prefix{}, false
		}
		b := a.As16()
		return Prefix{Family: unix.AF_INET6, Addr: b[:], Bits: -1}, true
	}
	if family != unix.AF_UNSPEC && family != unix.AF_INET {
		return Prefix{}, false
	}
	var b [4]byte
	rest := s
	for i := 0; i < 4; i++ {
		n, tail, ok := cUlong(rest)
		if !ok || n > 255 {
			return Prefix{}, false
		}
		b[i] = byte(n)
		if tail == "" {
			break
		}
		if i == 3 || tail[0] != '.' {
			return Prefix{}, false
		}
		rest = tail[1:]
	}
	return Prefix{Family: unix.AF_INET, Addr: b[:], Bits: -1}, true
}

// cUlong reads a number the way strtoul(s, &end, 0) does, returning the
// unread tail.
func cUlong(s string) (uint64, string, bool) {
	base, digits := 10, s
	switch {
	case len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		base, digits = 16, s[2:]
	case len(s) > 1 && s[0] == '0':
		base = 8
	}
	end := 0
	for end < len(digits) && digitValue(digits[end]) < base {
		end++
	}
	if end == 0 {
		return 0, s, false
	}
	v, err := strconv.ParseUint(digits[:end], base, 64)
	if err != nil {
		return 0, s, false
	}
	return v, digits[end:], true
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 99
}

// parseInetPrefix is get_prefix_1: ADDR[/LEN], LEN a number or a dotted
// netmask.
func parseInetPrefix(s string, family int) (Prefix, bool) {
	addrPart, lenPart, slash := strings.Cut(s, "/")
	p, ok := parseInetAddr(addrPart, family)
	if !ok {
		return Prefix{}, false
	}
	max := 32
	if p.Family == unix.AF_INET6 {
		max = 128
	} else if p.Family != unix.AF_INET {
		max = 0
	}
	if !slash {
		if p.Bits == -2 {
			p.Bits = 0
		} else {
			p.Bits = max
		}
		return p, true
	}
	if p.Bits == -2 {
		return Prefix{}, false
	}
	n, ok := netmaskBits(lenPart)
	if !ok || n > max {
		return Prefix{}, false
	}
	p.Bits, p.LenGiven = n, true
	return p, true
}

// netmaskBits is get_netmask: a prefix length, or a dotted netmask.
func netmaskBits(s string) (int, bool) {
	if v, tail, ok := cUlong(s); ok && tail == "" && v <= 1<<32-1 {
		return int(v), true
	}
	m, ok := parseInetAddr(s, unix.AF_INET)
	if !ok || m.Family != unix.AF_INET {
		return 0, false
	}
	mask := uint32(m.Addr[0])<<24 | uint32(m.Addr[1])<<16 | uint32(m.Addr[2])<<8 | uint32(m.Addr[3])
	host := ^mask
	if host&(host+1) != 0 {
		return 0, false
	}
	bits := 0
	for ; mask != 0; mask <<= 1 {
		bits++
	}
	return bits, true
}

func familyVerbose(family int) string {
	switch family {
	case unix.AF_INET:
		return "inet"
	case unix.AF_INET6:
		return "inet6"
	case unix.AF_PACKET:
		return "link"
	case unix.AF_MPLS:
		return "mpls"
	case unix.AF_BRIDGE:
		return "bridge"
	case unix.AF_UNSPEC:
		return "any valid"
	}
	return "???"
}

// getPrefix is get_prefix: parse or fail as iproute2 does (it exits 1,
// which also ends a -batch).
func getPrefix(s string, family int) (Prefix, error) {
	if family == unix.AF_PACKET {
		return Prefix{}, cli.Fatal(1, "Error: \"%s\" may be inet prefix, but it is not allowed in this context.", s)
	}
	p, ok := parseInetPrefix(s, family)
	if !ok {
		return Prefix{}, cli.Fatal(1, "Error: %s prefix is expected rather than \"%s\".", familyVerbose(family), s)
	}
	return p, nil
}

// getAddr is get_addr: an address without a length, or fail (exit 1,
// ending a -batch).
func getAddr(s string, family int) (Prefix, error) {
	p, ok := parseInetAddr(s, family)
	if !ok || family == unix.AF_PACKET {
		return Prefix{}, cli.Fatal(1, "Error: %s address is expected rather than \"%s\".", familyVerbose(family), s)
	}
	return p, nil
}

// matches is inet_addr_match_rta: does addr (4 or 16 bytes) fall in p?
// An unset prefix or one of length 0 matches everything.
func (p *Prefix) matches(addr []byte) bool {
	if p.Family == unix.AF_UNSPEC || p.Bits <= 0 || addr == nil {
		return true
	}
	if (len(addr) != 4 && len(addr) != 16) || len(addr) != len(p.Addr) {
		return false
	}
	bits := p.Bits
	for i := 0; bits > 0 && i < len(addr); i++ {
		mask := byte(0xff)
		if bits < 8 {
			mask = 0xff << (8 - bits)
		}
		if (addr[i]^p.Addr[i])&mask != 0 {
			return false
		}
		bits -= 8
	}
	return true
}
