package route

import (
	"github.com/gipnet/gip/internal/rtnames"
	"golang.org/x/sys/unix"
)

// AddrMatch is inet_addr_match: whether the first bits of a and b agree.
func AddrMatch(a, b *[16]byte, bits int) bool {
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

// AppendAddr formats an address of family as inet_ntop does ("???" for
// families or lengths it cannot show).
func AppendAddr(dst []byte, family int, b []byte) []byte {
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
		return AppendIPv6(dst, b[:16])
	}
	return append(dst, "???"...)
}

// AppendIPv6 is glibc's inet_ntop for IPv6: the first longest run of two
// or more zero groups becomes "::", and IPv4-compatible or -mapped
// addresses end in a dotted quad.
func AppendIPv6(dst []byte, b []byte) []byte {
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
			return AppendAddr(dst, unix.AF_INET, b[12:16])
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

// HostText is iproute2's format_host for other objects' printers: under
// resolve the name of the address when it has one, else the address as
// inet_ntop writes it ("???" when its length is not its family's).
func HostText(resolve bool, family int, b []byte) string {
	var buf []byte
	return FormatHost(&buf, resolve, family, b)
}

// FormatHost is format_host: under -resolve the name of the address when it
// has one, else the address ("???" when its length is not its family's);
// buf is the caller's scratch buffer.
func FormatHost(buf *[]byte, resolve bool, family int, b []byte) string {
	*buf = AppendHost((*buf)[:0], resolve, family, b)
	return string(*buf)
}

// AppendHost appends format_host's text to dst: under resolve the name of
// the address when it has one, else the address ("???" when its length is
// not its family's). A printer that writes it out at once needs no string
// of its own.
func AppendHost(dst []byte, resolve bool, family int, b []byte) []byte {
	if resolve {
		if name := rtnames.HostName(family, b); name != "" {
			return append(dst, name...)
		}
	}
	if (family == unix.AF_INET && len(b) != 4) || (family == unix.AF_INET6 && len(b) != 16) {
		return append(dst, "???"...)
	}
	return AppendAddr(dst, family, b)
}
