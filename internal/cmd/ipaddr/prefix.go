package ipaddr

import (
	"github.com/gipnet/gip/internal/cnum"
	"golang.org/x/sys/unix"
)

// prefixMatches is inet_addr_match_rta: does addr (4 or 16 bytes) fall in
// p? An unset prefix or one of length 0 matches everything.
func prefixMatches(p *cnum.Prefix, addr []byte) bool {
	if p.Family == unix.AF_UNSPEC || p.BitLen <= 0 || addr == nil {
		return true
	}
	if (len(addr) != 4 && len(addr) != 16) || len(addr) != p.ByteLen {
		return false
	}
	bits := p.BitLen
	for i := 0; bits > 0 && i < len(addr); i++ {
		mask := byte(0xff)
		if bits < 8 {
			mask = 0xff << (8 - bits)
		}
		if (addr[i]^p.Data[i])&mask != 0 {
			return false
		}
		bits -= 8
	}
	return true
}
