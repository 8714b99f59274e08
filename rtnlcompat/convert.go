package rtnlcompat

import (
	"encoding/binary"
	"net"
	"net/netip"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rule"
	"github.com/jsimonetti/rtnetlink/v2"
	"golang.org/x/sys/unix"
)

// Conversions between gip's typed values and rtnetlink's messages, one
// pair per object: XMessage builds rtnetlink's message for a gip value,
// XFromMessage reads one back. Both copy: neither result shares memory with
// its argument. A field one side has and the other lacks is dropped; each
// doc comment names those.

// ipOf is a as rtnetlink's decoders hand addresses out: 4 bytes for IPv4,
// 16 for IPv6, nil for the zero Addr.
func ipOf(a netip.Addr) net.IP {
	if !a.IsValid() {
		return nil
	}
	return net.IP(a.AsSlice())
}

// addrOf reads an address of family from rtnetlink's net.IP. A 16-byte
// IPv4-mapped address (net.IPv4's form) is IPv4 when family is IPv4 or
// not given.
func addrOf(family int, ip net.IP) netip.Addr {
	a, ok := netip.AddrFromSlice(ip)
	if !ok {
		return netip.Addr{}
	}
	if family == unix.AF_INET || family == unix.AF_UNSPEC {
		a = a.Unmap()
	}
	return a
}

func familyOf(a netip.Addr) int {
	switch {
	case !a.IsValid():
		return unix.AF_UNSPEC
	case a.Is4():
		return unix.AF_INET
	}
	return unix.AF_INET6
}

func prefixFamily(p netip.Prefix) int {
	if !p.IsValid() {
		return unix.AF_UNSPEC
	}
	return familyOf(p.Addr())
}

// tableHeader is the header's byte for table id, as the kernel fills it in
// its own messages: the id itself when it fits, else RT_TABLE_COMPAT (the
// full id is in RTA_TABLE or FRA_TABLE).
func tableHeader(id uint32) uint8 {
	if id < 256 {
		return uint8(id)
	}
	return unix.RT_TABLE_COMPAT
}

// AddressMessage returns rtnetlink's message for a, laid out as the kernel
// sends addresses: IFA_LOCAL is the address and IFA_ADDRESS the peer (or
// the address again); an IPv6 address without a peer has IFA_ADDRESS only.
// The header's flags are a.Flags' low 8 bits, the attribute's all of them.
// The lifetimes go to Attributes.CacheInfo (whose Created and Updated stay
// 0), which rtnetlink's MarshalBinary does not send: Add with lifetimes
// is addr.Add's. Everything in addr.Address carries over (but rtnetlink's
// MarshalBinary sends an IPv4-mapped IPv6 address as IPv4).
func AddressMessage(a addr.Address) *rtnetlink.AddressMessage {
	local := a.Prefix.Addr()
	family := familyOf(local)
	m := &rtnetlink.AddressMessage{
		Family: uint8(family), Flags: uint8(a.Flags), Scope: a.Scope, Index: uint32(a.Index),
		Attributes: &rtnetlink.AddressAttributes{
			Broadcast: ipOf(a.Broadcast), Anycast: ipOf(a.Anycast), Label: a.Label,
			Flags: a.Flags, Priority: a.Metric,
			CacheInfo: rtnetlink.CacheInfo{Valid: a.ValidLifetime, Preferred: a.PreferredLifetime},
		},
	}
	if a.Prefix.IsValid() {
		m.PrefixLength = uint8(a.Prefix.Bits())
	}
	switch {
	case a.Peer.IsValid():
		m.Attributes.Local, m.Attributes.Address = ipOf(local), ipOf(a.Peer)
	case family == unix.AF_INET6:
		m.Attributes.Address = ipOf(local)
	default:
		m.Attributes.Local, m.Attributes.Address = ipOf(local), ipOf(local)
	}
	return m
}

// AddressFromMessage returns the addr.Address m describes: IFA_LOCAL (or,
// without it, IFA_ADDRESS) with the prefix length is the Prefix, an
// IFA_ADDRESS that differs from it is the Peer. Flags are the attribute's
// when not 0, else the header's. Not carried over: IFA_MULTICAST and the
// cache info's time stamps (Created, Updated).
func AddressFromMessage(m *rtnetlink.AddressMessage) addr.Address {
	if m == nil {
		return addr.Address{}
	}
	a := addr.Address{Index: int(m.Index), Scope: m.Scope, Flags: uint32(m.Flags)}
	at := m.Attributes
	if at == nil {
		return a
	}
	family := int(m.Family)
	local, address := addrOf(family, at.Local), addrOf(family, at.Address)
	if !local.IsValid() {
		local = address
	}
	if local.IsValid() {
		a.Prefix = netip.PrefixFrom(local, int(m.PrefixLength))
	}
	if address.IsValid() && address != local {
		a.Peer = address
	}
	a.Broadcast, a.Anycast = addrOf(family, at.Broadcast), addrOf(family, at.Anycast)
	a.Label, a.Metric = at.Label, at.Priority
	if at.Flags != 0 {
		a.Flags = at.Flags
	}
	a.ValidLifetime, a.PreferredLifetime = at.CacheInfo.Valid, at.CacheInfo.Preferred
	return a
}

// routeFamily is r's family, or when 0 the family of its first address
// (Dst, Gateway, Src, a next hop's gateway), as route.Add picks it.
func routeFamily(r *route.Route) int {
	if r.Family != 0 {
		return r.Family
	}
	for _, a := range []netip.Addr{r.Dst.Addr(), r.Gateway, r.Src} {
		if f := familyOf(a); f != 0 {
			return f
		}
	}
	for _, nh := range r.Multipath {
		if f := familyOf(nh.Gateway); f != 0 {
			return f
		}
	}
	return 0
}

// RouteMessage returns rtnetlink's message for r, field for field: no
// default is filled in (route.Add fills in ip route add's: protocol boot,
// type unicast...), except that Family 0 becomes the family of r's first
// address. A table over 255 is in Attributes.Table (RTA_TABLE) with
// RT_TABLE_COMPAT in the header, as the kernel sends it; a smaller one is
// in both. The destination is sent when its length is not 0, as route.Add
// sends it. Multipath next hops keep their flags, device and gateway, and
// their weight as rtnexthop's hops (weight less one). MTU is
// Metrics.MTU. Not carried over: IIF and NHID, which rtnetlink's message
// has no field for; a gateway of the other family (RTA_VIA for route.Add)
// is put in Gateway, which rtnetlink sends as RTA_GATEWAY.
func RouteMessage(r route.Route) *rtnetlink.RouteMessage {
	m := &rtnetlink.RouteMessage{
		Family: uint8(routeFamily(&r)), Tos: r.TOS, Table: tableHeader(r.Table), Protocol: r.Protocol,
		Scope: r.Scope, Type: r.Type, Flags: r.Flags,
		Attributes: rtnetlink.RouteAttributes{
			Src: ipOf(r.Src), Gateway: ipOf(r.Gateway), OutIface: uint32(r.OIF),
			Priority: r.Priority, Table: r.Table,
		},
	}
	if r.Dst.IsValid() {
		m.DstLength = uint8(r.Dst.Bits())
		if r.Dst.Bits() > 0 {
			m.Attributes.Dst = ipOf(r.Dst.Addr())
		}
	}
	if r.MTU != 0 {
		m.Attributes.Metrics = &rtnetlink.RouteMetrics{MTU: r.MTU}
	}
	for _, nh := range r.Multipath {
		hops := uint8(0)
		if nh.Weight > 1 {
			hops = uint8(nh.Weight - 1)
		}
		h := rtnetlink.NextHop{
			Hop:     rtnetlink.RTNextHop{Length: unix.SizeofRtNexthop, Flags: nh.Flags, Hops: hops, IfIndex: uint32(nh.OIF)},
			Gateway: ipOf(nh.Gateway),
		}
		if h.Gateway != nil {
			h.Hop.Length += uint16(unix.NLA_HDRLEN + (len(h.Gateway)+unix.NLA_ALIGNTO-1)&^(unix.NLA_ALIGNTO-1))
		}
		m.Attributes.Multipath = append(m.Attributes.Multipath, h)
	}
	return m
}

// RouteFromMessage returns the route.Route m describes. The table is
// Attributes.Table (RTA_TABLE) when not 0, else the header's; a missing
// destination is the unspecified address with the header's length (the
// default route is 0.0.0.0/0 or ::/0), as route.List reads it. A next
// hop's weight is its hops plus one. Not carried over: SrcLength, Mark,
// Pref, Expires, the metrics other than MTU, and MPLS next hops.
func RouteFromMessage(m *rtnetlink.RouteMessage) route.Route {
	if m == nil {
		return route.Route{}
	}
	family := int(m.Family)
	a := &m.Attributes
	r := route.Route{
		Family: family, Table: uint32(m.Table), Protocol: m.Protocol, Scope: m.Scope, Type: m.Type,
		TOS: m.Tos, Flags: m.Flags, Src: addrOf(family, a.Src), Gateway: addrOf(family, a.Gateway),
		OIF: int(a.OutIface), Priority: a.Priority,
	}
	if a.Table != 0 {
		r.Table = a.Table
	}
	if dst := addrOf(family, a.Dst); dst.IsValid() {
		r.Dst = netip.PrefixFrom(dst, int(m.DstLength))
	} else if family == unix.AF_INET {
		r.Dst = netip.PrefixFrom(netip.IPv4Unspecified(), int(m.DstLength))
	} else if family == unix.AF_INET6 {
		r.Dst = netip.PrefixFrom(netip.IPv6Unspecified(), int(m.DstLength))
	}
	if a.Metrics != nil {
		r.MTU = a.Metrics.MTU
	}
	for _, nh := range a.Multipath {
		r.Multipath = append(r.Multipath, route.NextHop{
			Gateway: addrOf(family, nh.Gateway), OIF: int(nh.Hop.IfIndex), Weight: int(nh.Hop.Hops) + 1, Flags: nh.Hop.Flags,
		})
	}
	return r
}

// NeighborMessage returns rtnetlink's message for n (Family 0 becomes
// Addr's family). Not carried over: Protocol (NDA_PROTOCOL), which
// rtnetlink's message has no field for. Its Type, CacheInfo and IfIndex
// stay 0. Note that rtnetlink's MarshalBinary sends NDA_LLADDR even when
// LLAddress is empty, which the kernel refuses for a device with a
// hardware address: neigh.Add sends none.
func NeighborMessage(n neigh.Neighbor) *rtnetlink.NeighMessage {
	family := n.Family
	if family == 0 {
		family = familyOf(n.Addr)
	}
	m := &rtnetlink.NeighMessage{
		Family: uint16(family), Index: uint32(n.Index), State: n.State, Flags: n.Flags,
		Attributes: &rtnetlink.NeighAttributes{Address: ipOf(n.Addr)},
	}
	if n.LLAddr != nil {
		m.Attributes.LLAddress = append(net.HardwareAddr{}, n.LLAddr...)
	}
	return m
}

// NeighborFromMessage returns the neigh.Neighbor m describes. Not carried
// over: the header's Type, CacheInfo and IfIndex (NDA_IFINDEX).
func NeighborFromMessage(m *rtnetlink.NeighMessage) neigh.Neighbor {
	if m == nil {
		return neigh.Neighbor{}
	}
	n := neigh.Neighbor{Family: int(m.Family), Index: int(m.Index), State: m.State, Flags: m.Flags}
	if a := m.Attributes; a != nil {
		n.Addr = addrOf(n.Family, a.Address)
		if a.LLAddress != nil {
			n.LLAddr = append(net.HardwareAddr{}, a.LLAddress...)
		}
	}
	return n
}

func ptr[T any](v T) *T { return &v }

// RuleMessage returns rtnetlink's message for r. Family 0 becomes Src's
// or Dst's family, else IPv4, as rule.Add picks it; no other default is
// filled in (rule.Add's action to-table and table main). Invert is
// FIB_RULE_INVERT in Flags. A table over 255 is in Attributes.Table with
// RT_TABLE_COMPAT in the header, as the kernel sends it; a smaller one is
// in both. FwMark is sent when it or FwMask is not 0, FwMask when it is
// not 0, Priority and Protocol when not 0, as rule.Add sends them.
// Everything in rule.Rule carries over.
func RuleMessage(r rule.Rule) *rtnetlink.RuleMessage {
	family := r.Family
	if family == 0 {
		if family = prefixFamily(r.Src); family == 0 {
			family = prefixFamily(r.Dst)
		}
	}
	if family == 0 {
		family = unix.AF_INET
	}
	m := &rtnetlink.RuleMessage{
		Family: uint8(family), TOS: r.TOS, Table: tableHeader(r.Table), Action: r.Action,
		Attributes: &rtnetlink.RuleAttributes{},
	}
	if r.Invert {
		m.Flags |= unix.FIB_RULE_INVERT
	}
	a := m.Attributes
	if r.Src.IsValid() {
		m.SrcLength = uint8(r.Src.Bits())
		a.Src = ptr(ipOf(r.Src.Addr()))
	}
	if r.Dst.IsValid() {
		m.DstLength = uint8(r.Dst.Bits())
		a.Dst = ptr(ipOf(r.Dst.Addr()))
	}
	if r.IIF != "" {
		a.IIFName = ptr(r.IIF)
	}
	if r.OIF != "" {
		a.OIFName = ptr(r.OIF)
	}
	if r.Priority != 0 {
		a.Priority = ptr(r.Priority)
	}
	if r.FwMark != 0 || r.FwMask != 0 {
		a.FwMark = ptr(r.FwMark)
	}
	if r.FwMask != 0 {
		a.FwMask = ptr(r.FwMask)
	}
	if r.Table != 0 {
		a.Table = ptr(r.Table)
	}
	if r.Protocol != 0 {
		a.Protocol = ptr(r.Protocol)
	}
	return m
}

// RuleFromMessage returns the rule.Rule m describes. The table is
// Attributes.Table (FRA_TABLE) when set, else the header's. Not carried
// over: Goto, the realms (FRA_FLOW), TunID, L3MDev, IPProto, the port and
// UID ranges, SuppressPrefixLen, SuppressIFGroup, and the flags other
// than FIB_RULE_INVERT.
func RuleFromMessage(m *rtnetlink.RuleMessage) rule.Rule {
	if m == nil {
		return rule.Rule{}
	}
	r := rule.Rule{
		Family: int(m.Family), TOS: m.TOS, Table: uint32(m.Table), Action: m.Action,
		Invert: m.Flags&unix.FIB_RULE_INVERT != 0,
	}
	a := m.Attributes
	if a == nil {
		return r
	}
	if a.Src != nil {
		if ip := addrOf(r.Family, *a.Src); ip.IsValid() {
			r.Src = netip.PrefixFrom(ip, int(m.SrcLength))
		}
	}
	if a.Dst != nil {
		if ip := addrOf(r.Family, *a.Dst); ip.IsValid() {
			r.Dst = netip.PrefixFrom(ip, int(m.DstLength))
		}
	}
	deref := func(p *uint32) uint32 {
		if p == nil {
			return 0
		}
		return *p
	}
	if a.IIFName != nil {
		r.IIF = *a.IIFName
	}
	if a.OIFName != nil {
		r.OIF = *a.OIFName
	}
	if a.Table != nil {
		r.Table = *a.Table
	}
	if a.Protocol != nil {
		r.Protocol = *a.Protocol
	}
	r.Priority, r.FwMark, r.FwMask = deref(a.Priority), deref(a.FwMark), deref(a.FwMask)
	return r
}

// appendAttr appends a netlink attribute; a payload too long for one is
// left out (the kernel never sends such).
func appendAttr(b []byte, typ uint16, payload []byte) []byte {
	n := unix.NLA_HDRLEN + len(payload)
	if n > 0xffff {
		return b
	}
	b = binary.NativeEndian.AppendUint16(b, uint16(n))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, payload...)
	for len(b)%unix.NLA_ALIGNTO != 0 {
		b = append(b, 0)
	}
	return b
}
