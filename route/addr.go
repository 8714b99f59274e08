package route

import (
	"encoding/binary"

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
// addresses end in a dotted quad. A route dump formats an address or two
// for every route: the zero groups are found eight at a time in two
// words, their longest run is looked up in a table, and the text is built
// in a local array and appended once.
func AppendIPv6(dst []byte, b []byte) []byte {
	_ = b[15]
	zero := zeroGroups(binary.BigEndian.Uint64(b[:8])) | zeroGroups(binary.BigEndian.Uint64(b[8:16]))<<4
	run := zeroRuns[zero]
	base, n0 := int(run>>4), int(run&0xf)
	var out [46]byte // INET6_ADDRSTRLEN
	n := 0
	for i := 0; i < 8; i++ {
		if i == base {
			out[n] = ':'
			n++
			if i += n0 - 1; i == 7 {
				out[n] = ':'
				n++
			}
			continue
		}
		if i != 0 {
			out[n] = ':'
			n++
		}
		if i == 6 && base == 0 && (n0 == 6 || (n0 == 5 && b[10] == 0xff && b[11] == 0xff)) {
			dst = append(dst, out[:n]...)
			return AppendAddr(dst, unix.AF_INET, b[12:16])
		}
		n = putHex16(&out, n, uint16(b[2*i])<<8|uint16(b[2*i+1]))
	}
	return append(dst, out[:n]...)
}

// zeroGroups returns a bit for each zero 16-bit group of x, the most
// significant group as bit 0: a group's top bit is set after the sum only
// when one of its bits was.
func zeroGroups(x uint64) uint8 {
	const low = 0x7fff7fff7fff7fff
	y := ^((x&low + low) | x | low)
	return uint8(y>>63&1 | y>>46&2 | y>>29&4 | y>>12&8)
}

// zeroRuns is, for each set of zero groups (bit i: group i), where the
// first longest run of two or more starts (high nibble) and its length
// (low nibble); 0x80 when there is none (it starts past the last group).
var zeroRuns = [256]uint8{
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x80, 0x80, 0x80, 0x02, 0x22, 0x22, 0x13, 0x04,
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x32, 0x32, 0x32, 0x02, 0x23, 0x23, 0x14, 0x05,
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x80, 0x80, 0x80, 0x02, 0x22, 0x22, 0x13, 0x04,
	0x42, 0x42, 0x42, 0x02, 0x42, 0x42, 0x12, 0x03, 0x33, 0x33, 0x33, 0x33, 0x24, 0x24, 0x15, 0x06,
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x80, 0x80, 0x80, 0x02, 0x22, 0x22, 0x13, 0x04,
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x32, 0x32, 0x32, 0x02, 0x23, 0x23, 0x14, 0x05,
	0x52, 0x52, 0x52, 0x02, 0x52, 0x52, 0x12, 0x03, 0x52, 0x52, 0x52, 0x02, 0x22, 0x22, 0x13, 0x04,
	0x43, 0x43, 0x43, 0x43, 0x43, 0x43, 0x43, 0x03, 0x34, 0x34, 0x34, 0x34, 0x25, 0x25, 0x16, 0x07,
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x80, 0x80, 0x80, 0x02, 0x22, 0x22, 0x13, 0x04,
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x32, 0x32, 0x32, 0x02, 0x23, 0x23, 0x14, 0x05,
	0x80, 0x80, 0x80, 0x02, 0x80, 0x80, 0x12, 0x03, 0x80, 0x80, 0x80, 0x02, 0x22, 0x22, 0x13, 0x04,
	0x42, 0x42, 0x42, 0x02, 0x42, 0x42, 0x12, 0x03, 0x33, 0x33, 0x33, 0x33, 0x24, 0x24, 0x15, 0x06,
	0x62, 0x62, 0x62, 0x02, 0x62, 0x62, 0x12, 0x03, 0x62, 0x62, 0x62, 0x02, 0x22, 0x22, 0x13, 0x04,
	0x62, 0x62, 0x62, 0x02, 0x62, 0x62, 0x12, 0x03, 0x32, 0x32, 0x32, 0x02, 0x23, 0x23, 0x14, 0x05,
	0x53, 0x53, 0x53, 0x53, 0x53, 0x53, 0x53, 0x03, 0x53, 0x53, 0x53, 0x53, 0x53, 0x53, 0x13, 0x04,
	0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x35, 0x35, 0x35, 0x35, 0x26, 0x26, 0x17, 0x08,
}

// putHex16 writes v in lowercase hex without leading zeros at out[n:] and
// returns the new end.
func putHex16(out *[46]byte, n int, v uint16) int {
	if n > len(out)-4 {
		return n
	}
	switch {
	case v >= 0x1000:
		out[n], out[n+1], out[n+2], out[n+3] = hexDigits[v>>12], hexDigits[v>>8&0xf], hexDigits[v>>4&0xf], hexDigits[v&0xf]
		return n + 4
	case v >= 0x100:
		out[n], out[n+1], out[n+2] = hexDigits[v>>8], hexDigits[v>>4&0xf], hexDigits[v&0xf]
		return n + 3
	case v >= 0x10:
		out[n], out[n+1] = hexDigits[v>>4], hexDigits[v&0xf]
		return n + 2
	}
	out[n] = hexDigits[v]
	return n + 1
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
