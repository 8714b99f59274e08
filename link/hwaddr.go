package link

import (
	"net/netip"

	"golang.org/x/sys/unix"
)

const hexDigits = "0123456789abcdef"

// HWAddrString is ll_addr_n2a: colon-separated hex, or an IP address for
// the tunnel device types whose hardware address is one.
func HWAddrString(a []byte, arphrd uint16) string {
	return string(AppendHWAddr(nil, a, arphrd))
}

// AppendHWAddr appends HWAddrString(a, arphrd) to dst.
func AppendHWAddr(dst, a []byte, arphrd uint16) []byte {
	switch {
	case len(a) == 4 && (arphrd == unix.ARPHRD_TUNNEL || arphrd == unix.ARPHRD_SIT || arphrd == unix.ARPHRD_IPGRE):
		return netip.AddrFrom4([4]byte(a)).AppendTo(dst)
	case len(a) == 16 && (arphrd == unix.ARPHRD_TUNNEL6 || arphrd == unix.ARPHRD_IP6GRE):
		return netip.AddrFrom16([16]byte(a)).AppendTo(dst)
	case len(a) == 0:
		// iproute2 prints the first byte even of an empty address.
		return append(dst, "00"...)
	}
	for i, c := range a {
		if i > 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&15])
	}
	return dst
}
