package iproute

import (
	"encoding/binary"
	"strconv"
	"unsafe"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// UserHZ is the clock_t rate the kernel reports route ages and expiry in.
const UserHZ = 100

// printer prints routes as iproute2's print_route does.
type printer struct {
	p       *format.Printer
	f       *filter
	names   route.Names
	details int
	stats   int
	links   *LinkNames
	resolve bool // -resolve: host addresses by name
	buf     []byte

	nexthops map[uint32]*nhObject // nhid lookups for -details (nhinfo.go)

	tbs   [][]byte // attribute tables of the message printed (attrs)
	tbTop int

	gw gatewayText // the last gateway printed, as text
}

// gatewayText remembers the text of the last gateway printed. The routes
// of a dump mostly share a few gateways, and formatting the address was
// the largest part of printing an IPv6 route.
type gatewayText struct {
	family int
	n      int // address length; 0: nothing remembered
	addr   [16]byte
	text   []byte
}

func FamilyColor(af int) format.Color {
	switch af {
	case unix.AF_INET:
		return format.Inet
	case unix.AF_INET6:
		return format.Inet6
	}
	return format.NoColor
}

// realFamily is get_real_family: multicast routes of the IPMR/IP6MR
// families carry IPv4/IPv6 addresses.
func realFamily(typ uint8, family int) int {
	if typ != unix.RTN_MULTICAST {
		return family
	}
	switch family {
	case route.FamilyIPMR:
		return unix.AF_INET
	case route.FamilyIP6MR:
		return unix.AF_INET6
	}
	return family
}

func (pr *printer) addr(family int, b []byte) string {
	pr.buf = route.AppendAddr(pr.buf[:0], family, b)
	return scratchString(pr.buf)
}

// scratchString views the scratch buffer as a string without copying it:
// the printer copies every value into its output buffer at once, before the
// scratch buffer is reused, and a dump prints millions of addresses.
func scratchString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// host is iproute2's format_host: under -resolve the name of an IPv4 or
// IPv6 address when it has one, else the address.
func (pr *printer) host(family int, b []byte) string {
	if pr.resolve {
		if name := rtnames.HostName(family, b); name != "" {
			return name
		}
	}
	return pr.addr(family, b)
}

// prefixText is an address, with /LEN unless it is a host address (which
// -resolve prints by name).
func (pr *printer) prefixText(family int, b []byte, plen uint8, hostLen int) string {
	if int(plen) == hostLen {
		return pr.host(family, b)
	}
	pr.buf = route.AppendAddr(pr.buf[:0], family, b)
	if int(plen) != hostLen {
		pr.buf = append(pr.buf, '/')
		pr.buf = strconv.AppendUint(pr.buf, uint64(plen), 10)
	}
	return scratchString(pr.buf)
}

// print writes one route (its filter has already matched).
func (pr *printer) print(r *route.Message) {
	pr.tbTop = 0
	p, f, h := pr.p, pr.f, &r.Header
	fam := int(h.Family)
	hostLen := cnum.AddrBits(fam)

	p.OpenObject("")
	if r.Type == unix.RTM_DELROUTE {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if (h.Type != unix.RTN_UNICAST || pr.details > 0) && (f.typeMask == 0 || f.typeMask&(1<<h.Type) != 0) {
		p.String(format.Any, "type", "%s ", pr.names.Type(h.Type))
	}

	switch {
	case r.Has(unix.RTA_DST):
		rf := realFamily(h.Type, fam)
		p.ColorString(format.Any, FamilyColor(rf), "dst", "%s ", pr.prefixText(rf, r.Attr(unix.RTA_DST), h.DstLen, hostLen))
	case h.DstLen != 0:
		p.String(format.Any, "dst", "%s ", "0/"+strconv.Itoa(int(h.DstLen))+" ")
	default:
		p.String(format.Any, "dst", "%s ", "default")
	}
	switch {
	case r.Has(unix.RTA_SRC):
		rf := realFamily(h.Type, fam)
		p.ColorString(format.Any, FamilyColor(rf), "from", "from %s ", pr.prefixText(rf, r.Attr(unix.RTA_SRC), h.SrcLen, hostLen))
	case h.SrcLen != 0:
		p.String(format.Any, "src", "from %s ", "0/"+strconv.Itoa(int(h.SrcLen)))
	}
	if r.Has(route.RTANHID) {
		p.Uint(format.Any, "nhid", "nhid %u ", uint64(r.Uint32(route.RTANHID)))
	}
	if r.Has(unix.RTA_NEWDST) {
		pr.newdst(fam, r.Attr(unix.RTA_NEWDST))
	}
	if r.Has(route.RTAEncap) {
		pr.encap(r.Attr(route.RTAEncapType), r.Attr(route.RTAEncap), r.Has(route.RTAEncapType))
	}
	if h.Tos != 0 && f.tosMask != 0xff {
		p.String(format.Any, "tos", "tos %s ", pr.names.DSField(h.Tos))
	}
	if r.Has(unix.RTA_GATEWAY) && f.rvia.BitLen != hostLen {
		pr.gateway(fam, r.Attr(unix.RTA_GATEWAY))
	}
	if r.Has(unix.RTA_VIA) {
		pr.via(r.Attr(unix.RTA_VIA))
	}
	if r.Has(unix.RTA_OIF) && f.oifMask != 0xffffffff {
		pr.ifindex("dev", r.Uint32(unix.RTA_OIF))
	}
	if r.Table != 0 && (r.Table != unix.RT_TABLE_MAIN || pr.details > 0) && f.table == 0 {
		p.String(format.Any, "table", "table %s ", pr.names.Table(r.Table))
	}
	if h.Flags&route.RTMFCloned == 0 {
		if (h.Protocol != unix.RTPROT_BOOT || pr.details > 0) && f.protocolMask != 0xff {
			p.String(format.Any, "protocol", "proto %s ", pr.names.Protocol(h.Protocol))
		}
		if (h.Scope != unix.RT_SCOPE_UNIVERSE || pr.details > 0) && f.scopeMask != 0xff {
			p.String(format.Any, "scope", "scope %s ", pr.names.Scope(h.Scope))
		}
	}
	if r.Has(unix.RTA_PREFSRC) && f.prefsrc.BitLen != hostLen {
		src := pr.addr(fam, r.Attr(unix.RTA_PREFSRC))
		p.Text("src ")
		p.ColorString(format.Any, FamilyColor(fam), "prefsrc", "%s ", src)
	}
	if r.Has(unix.RTA_PRIORITY) && f.metricMask != 0xffffffff {
		p.Uint(format.Any, "metric", "metric %u ", uint64(r.Uint32(unix.RTA_PRIORITY)))
	}
	printFlags(p, h.Flags)
	if mark := r.Uint32(unix.RTA_MARK); r.Has(unix.RTA_MARK) && mark != 0 {
		switch {
		case p.IsJSON():
			p.Uint(format.JSON, "mark", "", uint64(mark))
		case mark >= 16:
			p.Uint(format.Text, "", "mark 0x%x ", uint64(mark))
		default:
			p.Uint(format.Text, "", "mark %u ", uint64(mark))
		}
	}
	if r.Has(unix.RTA_FLOW) && f.realmMask != 0xffffffff {
		pr.flow(r.Uint32(unix.RTA_FLOW))
	}
	if r.Has(unix.RTA_UID) {
		p.Uint(format.Any, "uid", "uid %u ", uint64(r.Uint32(unix.RTA_UID)))
	}
	if fam == unix.AF_INET && h.Flags&route.RTMFCloned != 0 {
		pr.cacheFlags(h.Flags)
	}
	if (fam == unix.AF_INET || fam == unix.AF_INET6) && r.Has(unix.RTA_CACHEINFO) {
		pr.cacheinfo(r.Attr(unix.RTA_CACHEINFO))
	}
	if r.Has(unix.RTA_METRICS) {
		pr.metrics(r.Attr(unix.RTA_METRICS))
	}
	if r.Has(unix.RTA_IIF) && f.iifMask != 0xffffffff {
		pr.ifindex("iif", r.Uint32(unix.RTA_IIF))
	}
	if r.Has(unix.RTA_PREF) && len(r.Attr(unix.RTA_PREF)) > 0 {
		pr.pref(r.Attr(unix.RTA_PREF)[0])
	}
	if b := r.Attr(unix.RTA_TTL_PROPAGATE); r.Has(unix.RTA_TTL_PROPAGATE) && len(b) > 0 {
		switch {
		case p.IsJSON():
			p.Bool(format.JSON, "ttl-propogate", "", b[0] != 0)
		case b[0] != 0:
			p.Text("ttl-propogate enabled")
		default:
			p.Text("ttl-propogate disabled")
		}
	}
	if r.Has(route.RTANHID) && pr.details > 0 {
		pr.nhInfo(r.Uint32(route.RTANHID))
	}
	if r.Has(unix.RTA_MULTIPATH) {
		pr.multipath(r)
	}
	p.Text("\n")
	p.CloseObject()
}

// ifindex is print_rta_ifidx: "KEY NAME " with the name colored.
func (pr *printer) ifindex(key string, idx uint32) {
	name := pr.links.Name(idx)
	if pr.p.IsJSON() {
		pr.p.String(format.JSON, key, "", name)
		return
	}
	pr.p.Text(key)
	pr.p.Text(" ")
	pr.p.ColorString(format.Text, format.Ifname, "", "%s ", name)
}

func (pr *printer) gateway(fam int, b []byte) {
	var gw string
	c := &pr.gw
	switch {
	case pr.resolve || len(b) > len(c.addr):
		gw = pr.host(fam, b)
	case c.n != 0 && fam == c.family && len(b) == c.n && string(b) == string(c.addr[:c.n]):
		gw = scratchString(c.text)
	default:
		c.text = route.AppendAddr(c.text[:0], fam, b)
		c.family, c.n = fam, copy(c.addr[:], b)
		gw = scratchString(c.text)
	}
	pr.p.Text("via ")
	pr.p.ColorString(format.Any, FamilyColor(fam), "gateway", "%s ", gw)
}

func (pr *printer) newdst(fam int, b []byte) {
	dst := pr.host(fam, b)
	pr.p.Text("as to ")
	pr.p.ColorString(format.Any, FamilyColor(fam), "to", "%s ", dst)
}

// via prints RTA_VIA: a struct rtvia, a family then an address.
func (pr *printer) via(b []byte) {
	if len(b) < 2 {
		return
	}
	vf := int(binary.NativeEndian.Uint16(b))
	host := pr.host(vf, b[2:])
	p := pr.p
	if p.IsJSON() {
		p.OpenObject("via")
		p.String(format.JSON, "family", "", cnum.FamilyName(vf))
		p.String(format.JSON, "host", "", host)
		p.CloseObject()
		return
	}
	p.String(format.Text, "", "via %s ", cnum.FamilyName(vf))
	p.ColorString(format.Text, FamilyColor(vf), "", "%s ", host)
}

// flow prints RTA_FLOW: "realm TO" or "realms FROM/TO".
func (pr *printer) flow(to uint32) {
	from := to >> 16
	to &= 0xffff
	p := pr.p
	if p.IsJSON() {
		p.OpenObject("flow")
		if from != 0 {
			p.String(format.JSON, "from", "", pr.names.Realm(from))
		}
		p.String(format.JSON, "to", "", pr.names.Realm(to))
		p.CloseObject()
		return
	}
	if from != 0 {
		p.Text("realms ")
		p.String(format.Text, "", "%s/", pr.names.Realm(from))
	} else {
		p.Text("realm ")
	}
	p.String(format.Text, "", "%s ", pr.names.Realm(to))
}

// printFlags is print_rt_flags, for route and nexthop flags alike.
func printFlags(p *format.Printer, flags uint32) {
	// Most routes have no flag to print, and text has no array to open.
	if flags&rtFlagBits == 0 && !p.IsJSON() {
		return
	}
	p.OpenArray(format.JSON, "flags", "")
	for _, fl := range rtFlagNames {
		if flags&fl.bit != 0 {
			p.String(format.Any, "", "%s ", fl.name)
		}
	}
	p.CloseArray(format.JSON, "")
}

// rtFlagBits are the flags printFlags names.
const rtFlagBits = unix.RTNH_F_DEAD | unix.RTNH_F_ONLINK | unix.RTNH_F_PERVASIVE | unix.RTNH_F_OFFLOAD |
	unix.RTNH_F_TRAP | unix.RTM_F_NOTIFY | unix.RTNH_F_LINKDOWN | unix.RTNH_F_UNRESOLVED |
	unix.RTM_F_OFFLOAD | unix.RTM_F_TRAP | unix.RTM_F_OFFLOAD_FAILED

var rtFlagNames = [...]struct {
	bit  uint32
	name string
}{
	{unix.RTNH_F_DEAD, "dead"},
	{unix.RTNH_F_ONLINK, "onlink"},
	{unix.RTNH_F_PERVASIVE, "pervasive"},
	{unix.RTNH_F_OFFLOAD, "offload"},
	{unix.RTNH_F_TRAP, "trap"},
	{unix.RTM_F_NOTIFY, "notify"},
	{unix.RTNH_F_LINKDOWN, "linkdown"},
	{unix.RTNH_F_UNRESOLVED, "unresolved"},
	{unix.RTM_F_OFFLOAD, "rt_offload"},
	{unix.RTM_F_TRAP, "rt_trap"},
	{unix.RTM_F_OFFLOAD_FAILED, "rt_offload_failed"},
}

// Routing cache flags (linux/in_route.h), in iproute2's print order.
var cacheFlagNames = [...]struct {
	bit  uint32
	name string
}{
	{0x80000000, "local"},
	{0x40000000, "reject"},
	{0x20000000, "mc"},
	{0x10000000, "brd"},
	{0x08000000, "dst-nat"},
	{0x00800000, "src-nat"},
	{0x00400000, "masq"},
	{0x00020000, "dst-direct"},
	{0x04000000, "src-direct"},
	{0x00040000, "redirected"},
	{0x01000000, "redirect"},
	{0x00200000, "fastroute"},
	{0x00010000, "notify"},
	{0x00080000, "proxy"},
}

// cacheFlags is print_cache_flags, for IPv4 cache entries (ip route get).
func (pr *printer) cacheFlags(flags uint32) {
	p := pr.p
	flags &^= 0xffff
	if p.IsJSON() {
		p.OpenArray(format.JSON, "cache", "")
	} else {
		p.Text(p.NewlineToken() + "    cache ")
		if flags == 0 {
			return
		}
		p.Text("<")
	}
	for _, fl := range cacheFlagNames {
		if flags&fl.bit == 0 {
			continue
		}
		flags &^= fl.bit
		switch {
		case p.IsJSON():
			p.String(format.JSON, "", "", fl.name)
		case flags != 0:
			p.Text(fl.name)
			p.Text(",")
		default:
			p.Text(fl.name)
			p.Text("> ")
		}
	}
	if flags != 0 {
		p.Hex(format.Any, "flags", "%x>", uint64(flags))
	}
	if p.IsJSON() {
		p.CloseArray(format.JSON, "")
	}
}

// cacheinfo prints struct rta_cacheinfo.
func (pr *printer) cacheinfo(b []byte) {
	if len(b) < 32 {
		return
	}
	u := func(off int) uint32 { return binary.NativeEndian.Uint32(b[off:]) }
	clntref, lastuse, expires, errno := u(0), u(4), int32(u(8)), u(12)
	used, id, ts, tsage := u(16), u(20), u(24), u(28)
	p := pr.p
	if expires != 0 {
		p.Int(format.Any, "expires", "expires %dsec ", int64(expires/UserHZ))
	}
	if errno != 0 {
		p.Uint(format.Any, "error", "error %u ", uint64(errno))
	}
	if pr.stats > 0 {
		if clntref != 0 {
			p.Uint(format.Any, "users", "users %u ", uint64(clntref))
		}
		if used != 0 {
			p.Uint(format.Any, "used", "used %u ", uint64(used))
		}
		if lastuse != 0 {
			p.Uint(format.Any, "age", "age %usec ", uint64(lastuse/UserHZ))
		}
	}
	if id != 0 {
		pr.hex0x("ipid", "ipid 0x%04x ", uint64(id))
	}
	if ts != 0 || tsage != 0 {
		pr.hex0x("ts", "ts 0x%x", uint64(ts))
		p.Uint(format.Any, "tsage", "tsage %usec ", uint64(tsage))
	}
}

// hex0x is print_0xhex: "0x…" as a JSON string, textFormat in text.
func (pr *printer) hex0x(key, textFormat string, v uint64) {
	if pr.p.IsJSON() {
		pr.p.String(format.JSON, key, "", "0x"+strconv.FormatUint(v, 16))
		return
	}
	pr.p.Uint(format.Text, "", textFormat, v)
}

var metricNames = [route.RTAXMax + 1]string{
	unix.RTAX_MTU: "mtu", unix.RTAX_WINDOW: "window", unix.RTAX_RTT: "rtt",
	unix.RTAX_RTTVAR: "rttvar", unix.RTAX_SSTHRESH: "ssthresh", unix.RTAX_CWND: "cwnd",
	unix.RTAX_ADVMSS: "advmss", unix.RTAX_REORDERING: "reordering",
	unix.RTAX_HOPLIMIT: "hoplimit", unix.RTAX_INITCWND: "initcwnd",
	unix.RTAX_FEATURES: "features", unix.RTAX_RTO_MIN: "rto_min",
	unix.RTAX_INITRWND: "initrwnd", unix.RTAX_QUICKACK: "quickack",
	unix.RTAX_CC_ALGO: "congctl", unix.RTAX_FASTOPEN_NO_COOKIE: "fastopen_no_cookie",
}

// metrics is print_rta_metrics.
func (pr *printer) metrics(b []byte) {
	p := pr.p
	m := route.DecodeMetrics(b)
	p.OpenArray(format.JSON, "metrics", "")
	p.OpenObject("")
	var lock uint32
	if m.Present&(1<<unix.RTAX_LOCK) != 0 {
		lock = route.NativeUint32(m.Vals[unix.RTAX_LOCK])
	}
	for i := 2; i <= route.RTAXMax; i++ {
		if m.Present&(1<<uint(i)) == 0 && lock&(1<<uint(i)) == 0 {
			continue
		}
		var val uint32
		if m.Present&(1<<uint(i)) != 0 && i != unix.RTAX_CC_ALGO {
			val = route.NativeUint32(m.Vals[i])
		}
		if i == unix.RTAX_HOPLIMIT && int32(val) == -1 {
			continue
		}
		if !p.IsJSON() {
			p.Text(metricNames[i])
			p.Text(" ")
			if lock&(1<<uint(i)) != 0 {
				p.Text("lock ")
			}
		}
		switch i {
		case unix.RTAX_FEATURES:
			pr.features(val)
		case unix.RTAX_RTT, unix.RTAX_RTTVAR, unix.RTAX_RTO_MIN:
			if i == unix.RTAX_RTT {
				val /= 8
			} else if i == unix.RTAX_RTTVAR {
				val /= 4
			}
			switch {
			case p.IsJSON():
				p.Uint(format.JSON, metricNames[i], "", uint64(val))
			case val >= 1000:
				pr.buf = strconv.AppendFloat(pr.buf[:0], float64(val)/1e3, 'g', 6, 64)
				pr.buf = append(pr.buf, "s "...)
				p.Text(scratchString(pr.buf))
			default:
				p.Uint(format.Text, "", "%ums ", uint64(val))
			}
		case unix.RTAX_CC_ALGO:
			p.String(format.Any, "congestion", "%s ", cString(m.Vals[i]))
		default:
			p.Uint(format.Any, metricNames[i], "%u ", uint64(val))
		}
	}
	p.CloseObject()
	p.CloseArray(format.JSON, "")
}

// The string aliases b (no copy): callers hand it to the printer, which
// writes it out before the message's buffer is reused.
func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			b = b[:i]
			break
		}
	}
	return scratchString(b)
}

// features is print_rtax_features.
func (pr *printer) features(v uint32) {
	all := v
	if v&unix.RTAX_FEATURE_ECN != 0 {
		pr.p.Null(format.Any, "ecn", "ecn ", "")
		v &^= unix.RTAX_FEATURE_ECN
	}
	if v != 0 {
		pr.hex0x("features", "0x%x ", uint64(all))
	}
}

func (pr *printer) pref(v uint8) {
	switch v {
	case route.PrefLow:
		pr.p.String(format.Any, "pref", "pref %s", "low")
	case route.PrefMedium:
		pr.p.String(format.Any, "pref", "pref %s", "medium")
	case route.PrefHigh:
		pr.p.String(format.Any, "pref", "pref %s", "high")
	default:
		pr.p.Uint(format.Any, "pref", "%u", uint64(v))
	}
}

// multipath is print_rta_multipath.
func (pr *printer) multipath(r *route.Message) {
	p := pr.p
	fam := int(r.Header.Family)
	mcache := r.Header.Flags&route.RTMFCloned != 0 && r.Header.Type == unix.RTN_MULTICAST
	first := true
	p.OpenArray(format.JSON, "nexthops", "")
	for it := route.NewNextHops(r.Attr(unix.RTA_MULTIPATH)); it.Next(); {
		nh := it.Hop()
		p.OpenObject("")
		switch {
		case !mcache:
			p.Text(p.NewlineToken())
			p.Text("\tnexthop ")
		case first:
			p.Text("Oifs: ")
			first = false
		default:
			p.Text(" ")
		}
		if nh.Has(route.RTAEncap) {
			pr.encap(nh.Attrs[route.RTAEncapType], nh.Attrs[route.RTAEncap], nh.Has(route.RTAEncapType))
		}
		if nh.Has(unix.RTA_NEWDST) {
			pr.newdst(fam, nh.Attrs[unix.RTA_NEWDST])
		}
		if nh.Has(unix.RTA_GATEWAY) {
			pr.gateway(fam, nh.Attrs[unix.RTA_GATEWAY])
		}
		if nh.Has(unix.RTA_VIA) {
			pr.via(nh.Attrs[unix.RTA_VIA])
		}
		if nh.Has(unix.RTA_FLOW) {
			pr.flow(route.NativeUint32(nh.Attrs[unix.RTA_FLOW]))
		}
		name := pr.links.Name(uint32(nh.Ifindex))
		if mcache {
			p.String(format.Any, "dev", "%s", name)
			if nh.Hops != 1 {
				p.Int(format.Any, "ttl", "(ttl>%d)", int64(nh.Hops))
			}
			p.Text(" ")
		} else {
			p.String(format.Any, "dev", "dev %s ", name)
			if fam != unix.AF_MPLS {
				p.Int(format.Any, "weight", "weight %d ", int64(nh.Hops)+1)
			}
		}
		printFlags(p, uint32(nh.Flags))
		p.CloseObject()
	}
	p.CloseArray(format.JSON, "")
}
