package addr

import (
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
)

// ScopeName is rtnl_rtscope_n2a: a route/address scope's name or number.
func ScopeName(id uint8, numeric bool) string {
	return rtnames.Scopes.Format(uint32(id), numeric)
}

// ParseScope is rtnl_rtscope_a2n: a scope name or a number up to 255.
func ParseScope(s string) (uint8, bool) {
	if id, ok := rtnames.Scopes.ID(s); ok {
		return uint8(id), true
	}
	v, ok := cnum.Uint(s, 0, 255)
	return uint8(v), ok
}
