package iproute

import (
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// filter is what `ip route show|flush|get` selects, with iproute2's
// value/mask pairs: a field is compared only under its mask, and a mask of
// all ones also hides the field from the output (it is known).
type filter struct {
	family int // preferred family; AF_UNSPEC for all

	table  uint32 // 0: all tables
	cloned int    // which entries: fibRoutes, cacheEntries or bothKinds
	flush  bool

	protocol, protocolMask uint8
	scope, scopeMask       uint8
	typeMask               uint64 // bit per RTN_ type; 0: all
	tos, tosMask           uint8
	iif, iifMask           uint32
	oif, oifMask           uint32
	mark, markMask         uint32
	realm, realmMask       uint32
	metric, metricMask     uint32

	rdst, mdst cnum.Prefix // root and match destination
	rsrc, msrc cnum.Prefix
	rvia       cnum.Prefix
	prefsrc    cnum.Prefix
}

// What a filter's cloned field selects.
const (
	fibRoutes    = 0
	cacheEntries = 1 // RTM_F_CLONED entries (ip route show cache)
	bothKinds    = 2 // ip route get prints whatever the kernel answers
)

// newFilter is iproute2's iproute_reset_filter plus the default of table main.
func newFilter(family int) filter {
	f := filter{family: family, table: unix.RT_TABLE_MAIN, cloned: fibRoutes}
	f.mdst.BitLen = -1
	f.msrc.BitLen = -1
	return f
}

// ip6MultipleTables remembers, for the process, that an IPv6 route outside
// table main was seen: until then IPv6 table filtering goes by route type,
// as on kernels without IPv6 policy routing.
var ip6MultipleTables bool

// match is iproute2's filter_nlmsg.
func (f *filter) match(r *route.Message) bool {
	h := &r.Header
	fam := int(h.Family)
	if f.family != unix.AF_UNSPEC && fam != f.family {
		return false
	}
	if fam == unix.AF_INET6 && r.Table != unix.RT_TABLE_MAIN {
		ip6MultipleTables = true
	}
	if f.cloned != bothKinds && (f.cloned == cacheEntries) == (h.Flags&route.RTMFCloned == 0) {
		return false
	}
	if fam == unix.AF_INET6 && !ip6MultipleTables {
		switch {
		case f.table == 0:
		case f.table == unix.RT_TABLE_LOCAL:
			if h.Type != unix.RTN_LOCAL {
				return false
			}
		case f.table == unix.RT_TABLE_MAIN:
			if h.Type == unix.RTN_LOCAL {
				return false
			}
		default:
			return false
		}
	} else if f.table > 0 && f.table != r.Table {
		return false
	}
	if (f.protocol^h.Protocol)&f.protocolMask != 0 ||
		(f.scope^h.Scope)&f.scopeMask != 0 ||
		(f.typeMask != 0 && f.typeMask&(1<<h.Type) == 0) ||
		(f.tos^h.Tos)&f.tosMask != 0 {
		return false
	}
	if !lenFilter(&f.rdst, fam, func(b int) bool { return b > int(h.DstLen) }) ||
		!lenFilter(&f.mdst, fam, func(b int) bool { return b >= 0 && b < int(h.DstLen) }) ||
		!lenFilter(&f.rsrc, fam, func(b int) bool { return b > int(h.SrcLen) }) ||
		!lenFilter(&f.msrc, fam, func(b int) bool { return b >= 0 && b < int(h.SrcLen) }) {
		return false
	}
	if f.rvia.Family != 0 {
		vf := fam
		if v := r.Attr(unix.RTA_VIA); r.Has(unix.RTA_VIA) && len(v) >= 2 {
			vf = int(uint16(v[0]) | uint16(v[1])<<8)
		}
		if vf != f.rvia.Family {
			return false
		}
	}
	if f.prefsrc.Family != 0 && fam != f.prefsrc.Family {
		return false
	}
	hostLen := cnum.AddrBits(fam)
	var dst, src, via, psrc [16]byte
	copyBits(&dst, r.Attr(unix.RTA_DST), (int(h.DstLen)+7)/8)
	if specified(&f.rdst) && !route.AddrMatch(&dst, &f.rdst.Data, f.rdst.BitLen) {
		return false
	}
	if specified(&f.mdst) && !route.AddrMatch(&dst, &f.mdst.Data, int(h.DstLen)) {
		return false
	}
	if specified(&f.rsrc) || specified(&f.msrc) {
		copyBits(&src, r.Attr(unix.RTA_SRC), (int(h.SrcLen)+7)/8)
		if specified(&f.rsrc) && !route.AddrMatch(&src, &f.rsrc.Data, f.rsrc.BitLen) {
			return false
		}
		if specified(&f.msrc) && f.msrc.BitLen >= 0 && !route.AddrMatch(&src, &f.msrc.Data, int(h.SrcLen)) {
			return false
		}
	}
	if f.rvia.Family != 0 {
		if f.rvia.BitLen > 0 {
			copyBits(&via, r.Attr(unix.RTA_GATEWAY), hostLen/8)
			if v := r.Attr(unix.RTA_VIA); len(v) > 2 {
				copyBits(&via, v[2:], len(v)-2)
			}
		}
		if !route.AddrMatch(&via, &f.rvia.Data, f.rvia.BitLen) {
			return false
		}
	}
	if f.prefsrc.Family != 0 {
		if f.prefsrc.BitLen > 0 {
			copyBits(&psrc, r.Attr(unix.RTA_PREFSRC), hostLen/8)
		}
		if !route.AddrMatch(&psrc, &f.prefsrc.Data, f.prefsrc.BitLen) {
			return false
		}
	}
	if f.realmMask != 0 && (r.Uint32(unix.RTA_FLOW)^f.realm)&f.realmMask != 0 {
		return false
	}
	if f.iifMask != 0 && (r.Uint32(unix.RTA_IIF)^f.iif)&f.iifMask != 0 {
		return false
	}
	if f.oifMask != 0 && (r.Uint32(unix.RTA_OIF)^f.oif)&f.oifMask != 0 {
		return false
	}
	if f.markMask != 0 && (r.Uint32(unix.RTA_MARK)^f.mark)&f.markMask != 0 {
		return false
	}
	if f.metricMask != 0 && (r.Uint32(unix.RTA_PRIORITY)^f.metric)&f.metricMask != 0 {
		return false
	}
	// Flushing never removes IPv6's catch-all unreachable route.
	if f.flush && fam == unix.AF_INET6 && h.DstLen == 0 && h.Type == unix.RTN_UNREACHABLE &&
		r.Has(unix.RTA_PRIORITY) && r.Uint32(unix.RTA_PRIORITY) == 0xffffffff {
		return false
	}
	return true
}

// specified reports whether a selector prefix was given.
func specified(p *cnum.Prefix) bool { return p.Family != 0 || p.LenGiven }

// lenFilter applies a selector's family and prefix-length test.
func lenFilter(p *cnum.Prefix, fam int, rejectLen func(int) bool) bool {
	if p.Family != 0 {
		return fam == p.Family && !rejectLen(p.BitLen)
	}
	if p.LenGiven {
		return !rejectLen(p.BitLen)
	}
	return true
}

func copyBits(dst *[16]byte, b []byte, n int) {
	if n > len(b) {
		n = len(b)
	}
	copy(dst[:], b[:n])
}
