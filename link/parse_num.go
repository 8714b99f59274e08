package link

import (
	"errors"
	"strings"

	"github.com/gipnet/gip/internal/cnum"
	"golang.org/x/sys/unix"
)

var errLLAddr = errors.New("invalid lladdr")

// llAddr is ll_addr_a2n: a hardware address as hex bytes separated by
// colons, or an IPv4 address (for tunnels). On failure it returns the part of
// the word iproute2 names in its message. Words with more than max bytes
// are not read to the end: iproute2 then reports max+1 bytes (its last one
// is whatever follows its buffer; here it is 0), which callers refuse as a
// wrong length.
func llAddr(s string, max int) ([]byte, string, error) {
	if strings.Contains(s, ".") {
		a, ok := cnum.ParseAddr(s, unix.AF_INET)
		if !ok {
			return nil, s, errLLAddr
		}
		return a.Data[:4], "", nil
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

// scanHex is sscanf(s, "%x", &int): ScanUint's value cut to a C int
// ("-1" is -1, "100000000" is 0); anything after the digits is ignored.
func scanHex(s string) (int32, bool) {
	v, _, ok := cnum.ScanUint(s, 16)
	return int32(uint32(v)), ok
}
