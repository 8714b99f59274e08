package route

import (
	"net/netip"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// prefix is iproute2's inet_prefix: an address with its family, length in
// bytes (what goes on the wire) and in bits (-1: a plain address, -2:
// default/any/all), and whether a "/LEN" was written.
type prefix struct {
	family   int
	bytelen  int
	bitlen   int
	lenGiven bool
	data     [16]byte
}

func afBitLen(af int) int {
	switch af {
	case unix.AF_INET6:
		return 128
	case unix.AF_INET:
		return 32
	case unix.AF_MPLS:
		return 20
	}
	return 0
}

func familyName(af int) string {
	switch af {
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
	}
	return "???"
}

// readFamily is iproute2's read_family: a family keyword or AF_UNSPEC.
func readFamily(s string) int {
	switch s {
	case "inet":
		return unix.AF_INET
	case "inet6":
		return unix.AF_INET6
	case "link":
		return unix.AF_PACKET
	case "mpls":
		return unix.AF_MPLS
	case "bridge":
		return unix.AF_BRIDGE
	}
	return unix.AF_UNSPEC
}

func familyNameVerbose(af int) string {
	if af == unix.AF_UNSPEC {
		return "any valid"
	}
	return familyName(af)
}

// parseAddr1 is get_addr_1: an address of family (or any, for AF_UNSPEC).
func parseAddr1(s string, family int) (prefix, bool) {
	var a prefix
	switch {
	case s == "default":
		if family == unix.AF_MPLS {
			return a, false
		}
		a.family, a.bytelen, a.bitlen, a.lenGiven = family, afBitLen(family)/8, -2, true
		return a, true
	case s == "all" || s == "any":
		if family == unix.AF_MPLS {
			return a, false
		}
		a.family, a.bitlen = family, -2
		return a, true
	case family == unix.AF_PACKET || family == unix.AF_MPLS:
		// Link-layer and MPLS gateways need kernel support gip's targets
		// lack; they are refused as unparsable.
		return a, false
	case strings.IndexByte(s, ':') >= 0:
		if family != unix.AF_UNSPEC && family != unix.AF_INET6 {
			return a, false
		}
		if strings.IndexByte(s, '%') >= 0 {
			return a, false
		}
		ip, err := netip.ParseAddr(s)
		if err != nil || !ip.Is6() {
			return a, false
		}
		a.family, a.bytelen, a.bitlen, a.data = unix.AF_INET6, 16, -1, ip.As16()
		return a, true
	}
	if family != unix.AF_UNSPEC && family != unix.AF_INET {
		return a, false
	}
	if !parseIPv4(s, a.data[:4]) {
		return a, false
	}
	a.family, a.bytelen, a.bitlen = unix.AF_INET, 4, -1
	return a, true
}

// parseIPv4 is iproute2's get_addr_ipv4: one to four strtoul numbers (any
// base) separated by dots; missing trailing bytes are zero.
func parseIPv4(s string, out []byte) bool {
	for i := 0; i < 4; i++ {
		v, rest, digits, overflow := strtoul(s, 0)
		if overflow || v > 255 || !digits {
			return false
		}
		out[i] = byte(v)
		if rest == "" {
			return true
		}
		if i == 3 || rest[0] != '.' {
			return false
		}
		s = rest[1:]
	}
	return true
}

// parsePrefix1 is get_prefix_1: ADDR[/LEN] where LEN may be a dotted mask.
func parsePrefix1(s string, family int) (prefix, bool) {
	addr, mask, slash := strings.Cut(s, "/")
	p, ok := parseAddr1(addr, family)
	if !ok {
		return p, false
	}
	bitlen := afBitLen(p.family)
	if slash {
		if p.bitlen == -2 {
			return p, false
		}
		plen, ok := parseNetmask(mask)
		if !ok || plen > bitlen {
			return p, false
		}
		p.lenGiven = true
		bitlen = plen
	} else if p.bitlen == -2 {
		bitlen = 0
	}
	p.bitlen = bitlen
	return p, true
}

// parseNetmask is get_netmask: a length, or a dotted mask of leading ones.
func parseNetmask(s string) (int, bool) {
	if v, ok := getUnsigned(s, 0); ok {
		if v > 1<<30 {
			return 0, false
		}
		return int(v), true
	}
	m, ok := parseAddr1(s, unix.AF_INET)
	if !ok || m.family != unix.AF_INET {
		return 0, false
	}
	mask := uint32(m.data[0])<<24 | uint32(m.data[1])<<16 | uint32(m.data[2])<<8 | uint32(m.data[3])
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

// getAddr is get_addr: an address, or iproute2's message and exit 1.
func getAddr(s string, family int) (prefix, error) {
	p, ok := parseAddr1(s, family)
	if !ok {
		return p, cli.Fatal(1, "Error: %s address is expected rather than \"%s\".", familyNameVerbose(family), s)
	}
	return p, nil
}

// getPrefix is get_prefix: a prefix, or iproute2's message and exit 1.
func getPrefix(s string, family int) (prefix, error) {
	if family == unix.AF_PACKET {
		return prefix{}, cli.Fatal(1, "Error: \"%s\" may be inet prefix, but it is not allowed in this context.", s)
	}
	p, ok := parsePrefix1(s, family)
	if !ok {
		return p, cli.Fatal(1, "Error: %s prefix is expected rather than \"%s\".", familyNameVerbose(family), s)
	}
	return p, nil
}

// addrMatch is inet_addr_match: whether the first bits of a and b agree.
func addrMatch(a, b *[16]byte, bits int) bool {
	if bits > 128 {
		bits = 128
	}
	if bits < 0 {
		return true
	}
	full := bits / 8
	for i := 0; i < full; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	if rem := bits % 8; rem != 0 {
		mask := byte(0xff << (8 - rem))
		if (a[full]^b[full])&mask != 0 {
			return false
		}
	}
	return true
}

// appendAddr formats an address of family as inet_ntop does ("???" for
// families or lengths it cannot show).
func appendAddr(dst []byte, family int, b []byte) []byte {
	switch {
	case family == unix.AF_INET && len(b) >= 4:
		for i := 0; i < 4; i++ {
			if i > 0 {
				dst = append(dst, '.')
			}
			dst = appendByteDecimal(dst, b[i])
		}
		return dst
	case family == unix.AF_INET6 && len(b) >= 16:
		return appendIPv6(dst, b[:16])
	}
	return append(dst, "???"...)
}

// appendIPv6 is glibc's inet_ntop for IPv6: the first longest run of two
// or more zero groups becomes "::", and IPv4-compatible or -mapped
// addresses end in a dotted quad.
func appendIPv6(dst []byte, b []byte) []byte {
	var w [8]uint16
	for i := range w {
		w[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	bestBase, bestLen := -1, 0
	for i := 0; i < 8; {
		if w[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && w[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestBase, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		bestBase = -1
	}
	for i := 0; i < 8; i++ {
		if bestBase >= 0 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				dst = append(dst, ':')
			}
			continue
		}
		if i != 0 {
			dst = append(dst, ':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			return appendAddr(dst, unix.AF_INET, b[12:16])
		}
		dst = appendHex16(dst, w[i])
	}
	if bestBase >= 0 && bestBase+bestLen == 8 {
		dst = append(dst, ':')
	}
	return dst
}

// appendByteDecimal and appendHex16 are strconv.AppendUint for the two
// cases a route dump prints millions of times; strconv's general loop is
// a fifth of the time spent printing an IPv6 route.
func appendByteDecimal(dst []byte, v byte) []byte {
	switch {
	case v >= 100:
		return append(dst, '0'+v/100, '0'+v/10%10, '0'+v%10)
	case v >= 10:
		return append(dst, '0'+v/10, '0'+v%10)
	}
	return append(dst, '0'+v)
}

const hexDigits = "0123456789abcdef"

func appendHex16(dst []byte, v uint16) []byte {
	switch {
	case v >= 0x1000:
		return append(dst, hexDigits[v>>12], hexDigits[v>>8&0xf], hexDigits[v>>4&0xf], hexDigits[v&0xf])
	case v >= 0x100:
		return append(dst, hexDigits[v>>8], hexDigits[v>>4&0xf], hexDigits[v&0xf])
	case v >= 0x10:
		return append(dst, hexDigits[v>>4], hexDigits[v&0xf])
	}
	return append(dst, hexDigits[v])
}
