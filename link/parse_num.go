package link

import (
	"errors"
	"math"
	"net/netip"
	"strings"

	"golang.org/x/sys/unix"
)

// The number and address readers below follow the C library calls iproute2
// builds its get_u32/get_integer/ll_addr_a2n on, because which words are
// accepted ("0x10", "010", " 5", "-0") is part of the command line syntax.

// strtoull reads an unsigned number like C's strtoull(s, &end, 0): optional
// leading space and sign, then a 0x (hex) or 0 (octal) prefix. It returns the
// value, the unparsed rest, and whether the value overflowed. A negated value
// wraps, as in C. ok is false when no digits were read.
func strtoull(s string) (v uint64, rest string, overflow, ok bool) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base := uint64(10)
	if i < len(s) && s[i] == '0' {
		base = 8
		if i+2 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X') && hexDigit(s[i+2]) >= 0 {
			base = 16
			i += 2
		}
	}
	start := i
	for ; i < len(s); i++ {
		d := hexDigit(s[i])
		if d < 0 || uint64(d) >= base {
			break
		}
		if v > (math.MaxUint64-uint64(d))/base {
			overflow = true
		}
		v = v*base + uint64(d)
	}
	if i == start {
		return 0, s, false, false
	}
	if overflow {
		v = math.MaxUint64
	} else if neg {
		v = -v
	}
	return v, s[i:], overflow, true
}

func isCSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// getUnsigned is iproute2's get_u64/get_u32/get_u16/get_u8 (and
// get_unsigned): the whole word must be a number no larger than max.
func getUnsigned(s string, max uint64) (uint64, bool) {
	v, rest, overflow, ok := strtoull(s)
	if !ok || rest != "" || overflow || v > max {
		return 0, false
	}
	return v, true
}

// getInteger is iproute2's get_integer: a whole word that fits a C int.
func getInteger(s string) (int32, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	neg := strings.HasPrefix(t, "-")
	if neg || strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	if strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-") {
		return 0, false
	}
	v, rest, overflow, ok := strtoull(t)
	if !ok || rest != "" || overflow {
		return 0, false
	}
	if neg {
		if v > 1<<31 {
			return 0, false
		}
		return int32(-int64(v)), true
	}
	if v > math.MaxInt32 {
		return 0, false
	}
	return int32(v), true
}

var errLLAddr = errors.New("invalid lladdr")

// inetAddr is the address part of iproute2's get_addr_1 for family
// AF_UNSPEC, AF_INET or AF_INET6 (callers handle its "default", "any" and
// "all"): a word with a colon is IPv6 (inet_pton, so no zone); any other is
// get_addr_ipv4's one to four strtoul numbers of any base separated by dots,
// the missing bytes zero ("10.1" is 10.1.0.0, "010.0.0.1" is 8.0.0.1).
func inetAddr(s string, family int) (netip.Addr, bool) {
	if strings.IndexByte(s, ':') >= 0 {
		if family != unix.AF_UNSPEC && family != unix.AF_INET6 {
			return netip.Addr{}, false
		}
		a, err := netip.ParseAddr(s)
		if err != nil || !a.Is6() || a.Zone() != "" {
			return netip.Addr{}, false
		}
		return a, true
	}
	if family != unix.AF_UNSPEC && family != unix.AF_INET {
		return netip.Addr{}, false
	}
	var b [4]byte
	for i := range b {
		v, rest, overflow, ok := strtoull(s)
		if !ok || overflow || v > 255 {
			return netip.Addr{}, false
		}
		b[i] = byte(v)
		if rest == "" {
			break
		}
		if i == len(b)-1 || rest[0] != '.' {
			return netip.Addr{}, false
		}
		s = rest[1:]
	}
	return netip.AddrFrom4(b), true
}

// llAddr is ll_addr_a2n: a hardware address as hex bytes separated by
// colons, or an IPv4 address (for tunnels). On failure it returns the part of
// the word iproute2 names in its message. Words with more than max bytes
// are not read to the end: iproute2 then reports max+1 bytes (its last one
// is whatever follows its buffer; here it is 0), which callers refuse as a
// wrong length.
func llAddr(s string, max int) ([]byte, string, error) {
	if strings.Contains(s, ".") {
		a, ok := inetAddr(s, unix.AF_INET)
		if !ok {
			return nil, s, errLLAddr
		}
		return a.AsSlice(), "", nil
	}
	var out []byte
	for len(out) < max {
		part, rest, more := strings.Cut(s, ":")
		v, ok := scanHex(part)
		if !ok || v < 0 || v > 255 {
			return nil, part, errLLAddr
		}
		out = append(out, byte(v))
		if !more {
			return out, "", nil
		}
		s = rest
	}
	return append(out, 0), "", nil
}

// scanHex is sscanf(s, "%x"): leading space, optional sign and 0x, then hex
// digits; anything after them is ignored.
func scanHex(s string) (int64, bool) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && hexDigit(s[i+2]) >= 0 {
		i += 2
	}
	start := i
	var v int64
	for ; i < len(s) && hexDigit(s[i]) >= 0; i++ {
		if v < 1<<32 {
			v = v*16 + int64(hexDigit(s[i]))
		}
	}
	if i == start {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}
