package rtnlcompat

import (
	"net"
	"net/netip"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rule"
	"github.com/jsimonetti/rtnetlink/v2"
	"golang.org/x/sys/unix"
)

var (
	pfx = netip.MustParsePrefix
	ip4 = netip.MustParseAddr
	mac = func(s string) net.HardwareAddr { m, _ := net.ParseMAC(s); return m }
)

// normRoute is r as it comes back from a conversion round trip: the
// family filled in, a next hop's weight 0 as 1, a missing destination as
// the family's unspecified /0, IIF and NHID dropped.
func normRoute(r route.Route) route.Route {
	r.Family = routeFamily(&r)
	r.IIF, r.NHID = 0, 0
	if !r.Dst.IsValid() || r.Dst.Bits() == 0 {
		switch r.Family {
		case unix.AF_INET:
			r.Dst = netip.PrefixFrom(netip.IPv4Unspecified(), 0)
		case unix.AF_INET6:
			r.Dst = netip.PrefixFrom(netip.IPv6Unspecified(), 0)
		default:
			r.Dst = netip.Prefix{}
		}
	}
	if len(r.Multipath) == 0 {
		r.Multipath = nil
	}
	for i := range r.Multipath {
		if r.Multipath[i].Weight == 0 {
			r.Multipath[i].Weight = 1
		}
	}
	return r
}

func normNeighbor(n neigh.Neighbor) neigh.Neighbor {
	if n.Family == 0 {
		n.Family = familyOf(n.Addr)
	}
	n.Protocol = 0
	return n
}

func normRule(r rule.Rule) rule.Rule {
	if r.Family == 0 {
		if r.Family = prefixFamily(r.Src); r.Family == 0 {
			r.Family = prefixFamily(r.Dst)
		}
		if r.Family == 0 {
			r.Family = unix.AF_INET
		}
	}
	return r
}

func TestAddressRoundTrip(t *testing.T) {
	for _, a := range []addr.Address{
		{Index: 2, Prefix: pfx("10.99.0.1/24"), Broadcast: ip4("10.99.0.255"), Label: "v0:1", Scope: unix.RT_SCOPE_UNIVERSE,
			Flags: unix.IFA_F_NOPREFIXROUTE | unix.IFA_F_PERMANENT, Metric: 9, ValidLifetime: 100, PreferredLifetime: 50},
		{Index: 3, Prefix: pfx("10.0.0.1/32"), Peer: ip4("10.0.0.2")},
		{Index: 4, Prefix: pfx("2001:db8::1/64"), Flags: unix.IFA_F_NODAD, Anycast: ip4("2001:db8::")},
		{Index: 5, Prefix: pfx("2001:db8::1/128"), Peer: ip4("2001:db8::2"), Scope: unix.RT_SCOPE_LINK},
		{Index: 1, Prefix: pfx("127.0.0.1/8"), Scope: unix.RT_SCOPE_HOST, ValidLifetime: addr.Forever, PreferredLifetime: addr.Forever},
		{Index: 6, Prefix: pfx("::ffff:10.1.2.3/128")},
		{},
	} {
		m := AddressMessage(a)
		if got := AddressFromMessage(m); !reflect.DeepEqual(got, a) {
			t.Errorf("%v: round trip gives %+v", a.Prefix, got)
		}
		if !a.Prefix.IsValid() || a.Prefix.Addr().Is4In6() {
			continue // rtnetlink's MarshalBinary sends a mapped address as IPv4
		}
		// What rtnetlink sends is what gip reads (the lifetimes excepted:
		// rtnetlink sends no IFA_CACHEINFO).
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatalf("%v: %v", a.Prefix, err)
		}
		d, err := addr.Decode(b)
		if err != nil {
			t.Fatalf("%v: gip cannot decode rtnetlink's bytes: %v", a.Prefix, err)
		}
		want := a
		want.ValidLifetime, want.PreferredLifetime = 0, 0
		if got := ownedAddress(d); !reflect.DeepEqual(got, want) {
			t.Errorf("%v: rtnetlink's bytes read by gip: %+v, want %+v", a.Prefix, got, want)
		}
	}
	// The kernel's layout: IPv4 has both attributes, IPv6 without a peer
	// IFA_ADDRESS only.
	m := AddressMessage(addr.Address{Prefix: pfx("10.1.0.1/24")})
	if m.Family != unix.AF_INET || !m.Attributes.Local.Equal(net.IPv4(10, 1, 0, 1)) || !m.Attributes.Address.Equal(net.IPv4(10, 1, 0, 1)) {
		t.Errorf("IPv4 message %+v %+v", m, m.Attributes)
	}
	m = AddressMessage(addr.Address{Prefix: pfx("2001:db8::1/64")})
	if m.Family != unix.AF_INET6 || m.Attributes.Local != nil || m.Attributes.Address.String() != "2001:db8::1" {
		t.Errorf("IPv6 message %+v %+v", m, m.Attributes)
	}
	// net.IPv4's 16-byte form is IPv4.
	got := AddressFromMessage(&rtnetlink.AddressMessage{Family: unix.AF_INET, PrefixLength: 24,
		Attributes: &rtnetlink.AddressAttributes{Local: net.IPv4(10, 2, 0, 1), Address: net.IPv4(10, 2, 0, 1)}})
	if got.Prefix != pfx("10.2.0.1/24") || got.Peer.IsValid() {
		t.Errorf("net.IPv4 address read as %+v", got)
	}
	if got := AddressFromMessage(nil); !reflect.DeepEqual(got, addr.Address{}) {
		t.Errorf("nil message: %+v", got)
	}
}

// ownedAddress is addr's List conversion of a decoded message (addr does
// not export it).
func ownedAddress(a *addr.Addr) addr.Address {
	conv := func(b []byte) netip.Addr { ip, _ := netip.AddrFromSlice(b); return ip }
	local := conv(a.Local)
	out := addr.Address{Index: int(a.Index), Prefix: netip.PrefixFrom(local, int(a.Prefixlen)),
		Broadcast: conv(a.Broadcast), Anycast: conv(a.Anycast), Label: strings.Clone(a.Label),
		Scope: a.Scope, Flags: a.Flags, Metric: a.Metric}
	if peer := conv(a.Address); peer.IsValid() && peer != local {
		out.Peer = peer
	}
	if a.HasCacheInfo {
		out.ValidLifetime, out.PreferredLifetime = a.Valid, a.Preferred
	}
	return out
}

func TestRouteRoundTrip(t *testing.T) {
	for _, r := range []route.Route{
		{Family: unix.AF_INET, Dst: pfx("10.1.0.0/16"), Gateway: ip4("172.18.0.5"), OIF: 3, Table: unix.RT_TABLE_MAIN,
			Protocol: unix.RTPROT_STATIC, Scope: unix.RT_SCOPE_UNIVERSE, Type: unix.RTN_UNICAST, Priority: 50, Src: ip4("172.18.0.1")},
		{Dst: pfx("10.2.0.0/24"), OIF: 2, Table: 1000, Scope: unix.RT_SCOPE_LINK, Type: unix.RTN_UNICAST, MTU: 1400, TOS: 0x10},
		{Dst: pfx("10.3.0.0/16"), Type: unix.RTN_BLACKHOLE, Table: 7},
		{Family: unix.AF_INET, Dst: pfx("10.6.0.0/16"), Type: unix.RTN_UNICAST, Table: 254, Multipath: []route.NextHop{
			{Gateway: ip4("172.18.0.7"), OIF: 2, Weight: 2},
			{Gateway: ip4("172.18.0.8"), OIF: 3, Weight: 1, Flags: unix.RTNH_F_ONLINK},
			{OIF: 4},
		}},
		{Dst: pfx("2001:db8:1::/64"), Gateway: ip4("fe80::1"), OIF: 2, Table: 100000, Type: unix.RTN_UNICAST, Flags: unix.RTM_F_NOTIFY},
		{Gateway: ip4("10.0.0.1"), Type: unix.RTN_UNICAST},                                 // the default route
		{Family: unix.AF_INET6, Dst: pfx("::/0"), Type: unix.RTN_UNREACHABLE},              // its IPv6 twin
		{Dst: pfx("10.9.0.0/16"), OIF: 2, IIF: 5, NHID: 7, Type: unix.RTN_UNICAST},         // IIF and NHID do not carry over
		{Family: unix.AF_INET, Dst: pfx("0.0.0.0/8"), Type: unix.RTN_PROHIBIT, Table: 255}, // a zero address with a length
	} {
		m := RouteMessage(r)
		want := normRoute(r)
		if got := RouteFromMessage(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%v: round trip gives\n%+v, want\n%+v", r.Dst, got, want)
		}
		// rtnetlink's bytes, read by gip's decoder.
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatalf("%v: %v", r.Dst, err)
		}
		var dm route.Message
		if err := route.DecodeMessage(unix.RTM_NEWROUTE, b, &dm); err != nil {
			t.Fatalf("%v: gip cannot decode rtnetlink's bytes: %v", r.Dst, err)
		}
		if got := normRoute(route.FromMessage(&dm)); !reflect.DeepEqual(got, want) {
			t.Errorf("%v: rtnetlink's bytes read by gip:\n%+v, want\n%+v", r.Dst, got, want)
		}
	}
	// A table over 255 goes in RTA_TABLE with RT_TABLE_COMPAT in the header.
	m := RouteMessage(route.Route{Dst: pfx("10.2.0.0/24"), Table: 1000})
	if m.Table != unix.RT_TABLE_COMPAT || m.Attributes.Table != 1000 {
		t.Errorf("table 1000: header %d, RTA_TABLE %d", m.Table, m.Attributes.Table)
	}
	m = RouteMessage(route.Route{Dst: pfx("10.2.0.0/24"), Table: 100})
	if m.Table != 100 || m.Attributes.Table != 100 {
		t.Errorf("table 100: header %d, RTA_TABLE %d", m.Table, m.Attributes.Table)
	}
	if m.Attributes.Dst.String() != "10.2.0.0" || m.DstLength != 24 || m.Family != unix.AF_INET {
		t.Errorf("10.2.0.0/24: %+v", m)
	}
	// The header's table stands when RTA_TABLE is absent.
	if r := RouteFromMessage(&rtnetlink.RouteMessage{Family: unix.AF_INET, Table: 7}); r.Table != 7 {
		t.Errorf("header table 7 read as %d", r.Table)
	}
	if r := RouteFromMessage(nil); !reflect.DeepEqual(r, route.Route{}) {
		t.Errorf("nil message: %+v", r)
	}
}

func TestNeighborRoundTrip(t *testing.T) {
	for _, n := range []neigh.Neighbor{
		{Family: unix.AF_INET, Index: 3, Addr: ip4("10.1.0.9"), LLAddr: mac("02:00:00:00:00:19"), State: unix.NUD_REACHABLE},
		{Index: 3, Addr: ip4("2001:db8::9"), LLAddr: mac("02:00:00:00:00:29"), State: unix.NUD_PERMANENT, Flags: unix.NTF_ROUTER},
		{Index: 2, Addr: ip4("10.1.0.7"), State: unix.NUD_FAILED},
		{Index: 2, Addr: ip4("10.1.0.8"), Flags: unix.NTF_PROXY, Protocol: 4}, // Protocol does not carry over
	} {
		m := NeighborMessage(n)
		want := normNeighbor(n)
		if got := NeighborFromMessage(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%v: round trip gives %+v, want %+v", n.Addr, got, want)
		}
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var dm neigh.Message
		if !neigh.DecodeMessage(b, &dm) {
			t.Fatalf("%v: gip cannot decode rtnetlink's bytes", n.Addr)
		}
		got := neigh.FromMessage(&dm)
		if len(got.LLAddr) == 0 && want.LLAddr == nil {
			got.LLAddr = nil // rtnetlink sends an empty NDA_LLADDR
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%v: rtnetlink's bytes read by gip: %+v, want %+v", n.Addr, got, want)
		}
	}
	if n := NeighborFromMessage(nil); !reflect.DeepEqual(n, neigh.Neighbor{}) {
		t.Errorf("nil message: %+v", n)
	}
}

func TestRuleRoundTrip(t *testing.T) {
	for _, r := range []rule.Rule{
		{Family: unix.AF_INET, Priority: 100, Src: pfx("10.3.0.0/16"), Table: 7, Action: unix.FR_ACT_TO_TBL},
		{Priority: 101, Dst: pfx("10.4.0.0/16"), IIF: "v0", Action: unix.FR_ACT_UNREACHABLE, Invert: true},
		{Family: unix.AF_INET6, Priority: 102, Src: pfx("2001:db8::/32"), Table: 100000, Action: unix.FR_ACT_TO_TBL, Protocol: unix.RTPROT_STATIC},
		{Priority: 5, FwMark: 0x10, FwMask: 0xff, OIF: "v1", TOS: 0x10, Table: 254, Action: unix.FR_ACT_TO_TBL},
		{FwMask: 3, Action: unix.FR_ACT_BLACKHOLE},
		{},
	} {
		m := RuleMessage(r)
		want := normRule(r)
		if got := RuleFromMessage(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: round trip gives %+v", r, got)
		}
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var dm rule.Message
		if !rule.DecodeMessage(b, &dm) {
			t.Fatalf("%+v: gip cannot decode rtnetlink's bytes", r)
		}
		if got := rule.FromMessage(&dm); !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: rtnetlink's bytes read by gip: %+v", r, got)
		}
	}
	m := RuleMessage(rule.Rule{Table: 100000})
	if m.Table != unix.RT_TABLE_COMPAT || m.Attributes.Table == nil || *m.Attributes.Table != 100000 {
		t.Errorf("table 100000: header %d, FRA_TABLE %v", m.Table, m.Attributes.Table)
	}
	if r := RuleFromMessage(nil); !reflect.DeepEqual(r, rule.Rule{}) {
		t.Errorf("nil message: %+v", r)
	}
}

// linkFields are the fields LinkMessage and LinkFromMessage carry, with
// the presence of the optional ones.
type linkFields struct {
	Family                      uint8
	Type                        uint16
	Index                       int32
	Flags                       uint32
	Name, Qdisc, Alias          string
	Address, Broadcast          string
	AltNames                    []string
	MTU, Link, Master, TxQLen   uint32
	Group, CarrierChanges       uint32
	OperState, LinkMode         uint8
	Kind, SlaveKind             string
	InfoData, SlaveData         []byte
	Stats64                     bool
	Counters                    []uint64
	HasMaster, HasTxQLen        bool
	HasGroup, HasCarrierChanges bool
	HasAlias, HasLinkMode       bool
}

func carried(l *link.Link) linkFields {
	f := linkFields{
		Family: l.Family, Type: l.Type, Index: l.Index, Flags: l.Flags, Name: l.Name, Qdisc: l.Qdisc, Alias: l.Alias,
		Address: l.Address.String(), Broadcast: l.Broadcast.String(), AltNames: l.AltNames,
		MTU: l.MTU, Link: l.Link, Master: l.Master, TxQLen: l.TxQLen, Group: l.Group, CarrierChanges: l.CarrierChanges,
		OperState: l.OperState, LinkMode: l.LinkMode, Kind: l.Kind, SlaveKind: l.SlaveKind,
		InfoData: l.InfoData, SlaveData: l.SlaveData, Stats64: l.Stats64, Counters: l.Counters(),
		HasMaster: l.Has(unix.IFLA_MASTER), HasTxQLen: l.Has(unix.IFLA_TXQLEN), HasGroup: l.Has(unix.IFLA_GROUP),
		HasCarrierChanges: l.Has(unix.IFLA_CARRIER_CHANGES), HasAlias: l.Has(unix.IFLA_IFALIAS), HasLinkMode: l.Has(unix.IFLA_LINKMODE),
	}
	if len(f.AltNames) == 0 {
		f.AltNames = nil
	}
	if len(f.Counters) == 0 {
		f.Counters = nil
	}
	return f
}

// TestLinkRoundTrip: every captured link, as gip decodes it, comes back
// from rtnetlink's message with the fields both keep; and a hand-made
// message keeps its fields through link.Link.
func TestLinkRoundTrip(t *testing.T) {
	msgs := readLengthPrefixed(t, filepath.Join("..", "link", "testdata", "show-links.bin"), unix.RTM_NEWLINK)
	msgs = append(msgs, readEvents(t, unix.RTM_NEWLINK)...)
	for i, c := range msgs {
		l, err := link.Decode(c.body)
		if err != nil {
			t.Fatal(err)
		}
		want := carried(l)
		back := LinkFromMessage(LinkMessage(*l))
		got := carried(&back)
		// A zero operstate, MTU, qdisc or IFLA_LINK reads as absent; the
		// values are what is compared.
		if !reflect.DeepEqual(got, want) {
			t.Errorf("link %d (%s): round trip gives\n%+v\nwant\n%+v", i, l.Name, got, want)
		}
	}
	alias, mode, master := "uplink", uint8(1), uint32(0)
	m := &rtnetlink.LinkMessage{Type: unix.ARPHRD_ETHER, Index: 7, Flags: unix.IFF_UP, Attributes: &rtnetlink.LinkAttributes{
		Name: "v0", Alias: &alias, AltNames: []string{"uplink0"}, Address: mac("02:00:00:00:00:10"),
		Broadcast: mac("ff:ff:ff:ff:ff:ff"), MTU: 1400, Type: 8, QueueDisc: "noqueue", OperationalState: rtnetlink.OperStateUp,
		LinkMode: &mode, Master: &master, TxQueueLen: ptr(uint32(1000)),
		Info:    &rtnetlink.LinkInfo{Kind: "veth", SlaveKind: "bridge", SlaveData: &rtnetlink.LinkData{Name: "bridge", Data: []byte{8, 0, 1, 0, 3, 0, 0, 0}, Slave: true}},
		Stats64: &rtnetlink.LinkStats64{RXPackets: 1, TXBytes: 4, RXOtherhostDropped: 25},
	}}
	l := LinkFromMessage(m)
	if l.Name != "v0" || l.Index != 7 || l.Alias != "uplink" || l.MTU != 1400 || l.Link != 8 || l.Qdisc != "noqueue" ||
		l.OperState != uint8(rtnetlink.OperStateUp) || l.LinkMode != 1 || !l.Has(unix.IFLA_MASTER) || l.Master != 0 || l.TxQLen != 1000 ||
		l.Kind != "veth" || l.SlaveKind != "bridge" || len(l.SlaveData) != 8 || l.Address.String() != "02:00:00:00:00:10" ||
		len(l.AltNames) != 1 || l.AltNames[0] != "uplink0" || l.Has(unix.IFLA_GROUP) {
		t.Errorf("LinkFromMessage: %+v", l)
	}
	if c := l.Counters(); len(c) != 25 || c[0] != 1 || c[3] != 4 || c[24] != 25 || !l.Stats64 {
		t.Errorf("counters %v", c)
	}
	back := LinkMessage(l)
	if back.Attributes.Info.SlaveData == nil || back.Attributes.Master == nil || *back.Attributes.Master != 0 ||
		back.Attributes.Stats64 == nil || *back.Attributes.Stats64 != *m.Attributes.Stats64 || *back.Attributes.Alias != alias {
		t.Errorf("LinkMessage of it: %+v", back.Attributes)
	}
	if l := LinkFromMessage(nil); l.Name != "" || l.Index != 0 {
		t.Errorf("nil message: %+v", l)
	}
}
