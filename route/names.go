package route

import (
	"strconv"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
)

// Names formats ids as iproute2 does, numerically under -Numeric.
type Names struct{ Numeric bool }

// Table is a table's rt_tables name (its number under Numeric).
func (n Names) Table(id uint32) string { return rtnames.Tables.Format(id, n.Numeric) }

// Protocol is a routing protocol's rt_protos name.
func (n Names) Protocol(id uint8) string { return rtnames.Protocols.Format(uint32(id), n.Numeric) }

// Scope is a scope's rt_scopes name.
func (n Names) Scope(id uint8) string { return rtnames.Scopes.Format(uint32(id), n.Numeric) }

// Realm is a realm's rt_realms name.
func (n Names) Realm(id uint32) string { return rtnames.Realms.Format(id, n.Numeric) }

// Type is a route type's name (unicast, local, …).
func (n Names) Type(t uint8) string {
	if !n.Numeric && int(t) < len(routeTypeNames) {
		return routeTypeNames[t]
	}
	return strconv.FormatUint(uint64(t), 10)
}

// dsfield names a TOS value: the rt_dsfield name, else 0x%02x.
func (n Names) DSField(id uint8) string {
	if !n.Numeric {
		if s := rtnames.DSFields.Name(uint32(id)); s != "" {
			return s
		}
	}
	return rtnames.Hex8(id)
}

var routeTypeNames = [...]string{
	0: "none", 1: "unicast", 2: "local", 3: "broadcast", 4: "anycast",
	5: "multicast", 6: "blackhole", 7: "unreachable", 8: "prohibit",
	9: "throw", 10: "nat", 11: "xresolve",
}

// ParseTable is rtnl_rttable_a2n: a table name or a number (any base).
func ParseTable(s string) (uint32, bool) {
	if id, ok := rtnames.Tables.ID(s); ok {
		return id, true
	}
	return cnum.Uint32(s, 0)
}

// parseByte8 reads a name from db or a number up to 255 (rtnl_*_a2n).
func parseByte8(db *rtnames.DB, s string, base int) (uint8, bool) {
	if id, ok := db.ID(s); ok {
		return uint8(id), true
	}
	v, ok := cnum.Uint(s, base, 255)
	return uint8(v), ok
}

// ParseProtocol is rtnl_rtprot_a2n: a protocol name or a number up to 255.
func ParseProtocol(s string) (uint8, bool) { return parseByte8(rtnames.Protocols, s, 0) }

// ParseScope is rtnl_rtscope_a2n: a scope name or a number up to 255.
func ParseScope(s string) (uint8, bool) { return parseByte8(rtnames.Scopes, s, 0) }

// ParseDSField is rtnl_dsfield_a2n: a dsfield name or a hex number up to 0xff.
func ParseDSField(s string) (uint8, bool) { return parseByte8(rtnames.DSFields, s, 16) }

// ParseType is rtnl_rtntype_a2n: exact or abbreviated names, a number.
func ParseType(s string) (uint8, bool) {
	m := func(kw string) bool { return cmdline.Matches(s, kw) }
	switch {
	case s == "local":
		return 2, true
	case s == "nat":
		return 10, true
	case m("broadcast") || s == "brd":
		return 3, true
	case m("anycast"):
		return 4, true
	case m("multicast"):
		return 5, true
	case m("prohibit"):
		return 8, true
	case m("unreachable"):
		return 7, true
	case m("blackhole"):
		return 6, true
	case m("xresolve"):
		return 11, true
	case m("unicast"):
		return 1, true
	case s == "throw":
		return 9, true
	}
	v, ok := cnum.Uint(s, 0, 255)
	return uint8(v), ok
}

// ParseRealms is get_rt_realms_or_raw: "[FROM/]TO" realm names or numbers,
// else a raw 32-bit number.
func ParseRealms(s string) (uint32, bool) {
	realm := func(r string) (uint32, bool) {
		if id, ok := rtnames.Realms.ID(r); ok {
			return id, true
		}
		v, ok := cnum.Uint(r, 0, 255)
		return uint32(v), ok
	}
	var out uint32
	ok := true
	rest := s
	if i := strings.IndexByte(s, '/'); i >= 0 {
		var from uint32
		from, ok = realm(s[:i])
		out = from << 16
		rest = s[i+1:]
	}
	if ok && rest != "" {
		var to uint32
		to, ok = realm(rest)
		out |= to
	}
	if ok {
		return out, true
	}
	return cnum.Uint32(s, 0)
}
