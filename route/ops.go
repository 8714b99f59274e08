package route

import (
	"context"
	"net/netip"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Route is one route as a Go program sees it. It owns its memory.
type Route struct {
	// Family is unix.AF_INET or unix.AF_INET6; 0 when adding means Dst's
	// (or the gateway's) family.
	Family int
	// Dst is the destination; the zero Prefix is the default route.
	Dst netip.Prefix
	// Src is the preferred source address (RTA_PREFSRC); zero for none.
	Src netip.Addr
	// Gateway is the next hop of a single-path route; zero for none.
	Gateway netip.Addr
	// OIF is the output device's index; 0 for none.
	OIF int
	// IIF is the input device's index (listed routes only).
	IIF int
	// Table is the routing table; 0 when adding means main (local for
	// local, broadcast, nat and anycast routes), as ip route add's.
	Table uint32
	// Protocol is who installed the route (unix.RTPROT_*); 0 when adding
	// means boot, as ip route add's default.
	Protocol uint8
	// Scope is the route's scope (unix.RT_SCOPE_*); universe (0) when
	// adding lets the scope default as ip route add's does (link for a
	// unicast route without a next hop).
	Scope uint8
	// Type is the route type (unix.RTN_*); 0 when adding means unicast.
	Type uint8
	// TOS is the type of service the route matches.
	TOS uint8
	// Flags are the RTM_F_* and RTNH_F_* flags of the route.
	Flags uint32
	// Priority is the route's metric (RTA_PRIORITY); 0 is not sent.
	Priority uint32
	// MTU is the route's path MTU (RTAX_MTU); 0 is not sent.
	MTU uint32
	// Multipath are the next hops of a multipath route.
	Multipath []NextHop
	// NHID is the nexthop object the route uses (RTA_NH_ID); 0 for none.
	NHID uint32
}

// NextHop is one next hop of a multipath route.
type NextHop struct {
	// Gateway is the next hop's address; zero for none.
	Gateway netip.Addr
	// OIF is the output device's index; 0 for none.
	OIF int
	// Weight is the next hop's weight, 1 to 256; 0 when adding means 1.
	Weight int
	// Flags are the RTNH_F_* flags (unix.RTNH_F_ONLINK, …).
	Flags uint8
}

func addrOf(b []byte) netip.Addr {
	a, _ := netip.AddrFromSlice(b)
	return a
}

// FromMessage copies a decoded message into an owned Route.
func FromMessage(m *Message) Route {
	h := m.Header
	r := Route{
		Family: int(h.Family), Table: m.Table, Protocol: h.Protocol, Scope: h.Scope,
		Type: h.Type, TOS: h.Tos, Flags: h.Flags,
		Src: addrOf(m.Attr(unix.RTA_PREFSRC)), Gateway: addrOf(m.Attr(unix.RTA_GATEWAY)),
		OIF: int(m.Uint32(unix.RTA_OIF)), IIF: int(m.Uint32(unix.RTA_IIF)),
		Priority: m.Uint32(unix.RTA_PRIORITY), NHID: m.Uint32(RTANHID),
	}
	if v := m.Attr(unix.RTA_VIA); len(v) > 2 && !r.Gateway.IsValid() {
		r.Gateway = addrOf(v[2:]) // via FAMILY ADDRESS: an address of another family
	}
	if a := addrOf(m.Attr(unix.RTA_DST)); a.IsValid() {
		r.Dst = netip.PrefixFrom(a, int(h.DstLen))
	} else if h.Family == unix.AF_INET {
		r.Dst = netip.PrefixFrom(netip.IPv4Unspecified(), int(h.DstLen))
	} else if h.Family == unix.AF_INET6 {
		r.Dst = netip.PrefixFrom(netip.IPv6Unspecified(), int(h.DstLen))
	}
	if m.Has(unix.RTA_METRICS) {
		mx := DecodeMetrics(m.Attr(unix.RTA_METRICS))
		if mx.Present&(1<<unix.RTAX_MTU) != 0 {
			r.MTU = NativeUint32(mx.Vals[unix.RTAX_MTU])
		}
	}
	if m.Has(unix.RTA_MULTIPATH) {
		for it := NewNextHops(m.Attr(unix.RTA_MULTIPATH)); it.Next(); {
			nh := it.Hop()
			var gw netip.Addr
			if nh.Has(unix.RTA_GATEWAY) {
				gw = addrOf(nh.Attrs[unix.RTA_GATEWAY])
			}
			if v := nh.Attrs[unix.RTA_VIA]; nh.Has(unix.RTA_VIA) && len(v) > 2 && !gw.IsValid() {
				gw = addrOf(v[2:])
			}
			r.Multipath = append(r.Multipath, NextHop{Gateway: gw, OIF: int(nh.Ifindex), Weight: int(nh.Hops) + 1, Flags: nh.Flags})
		}
	}
	return r
}

// Filter selects what List asks the kernel for. The zero Filter is every
// route of the main table of every family, as ip route show lists.
type Filter struct {
	// Family is unix.AF_INET, unix.AF_INET6 or 0 for both.
	Family int
	// Table is the table listed: 0 is main, unix.RT_TABLE_UNSPEC cannot
	// be said, so AllTables lists every table.
	Table uint32
	// AllTables lists every table (ip route show table all).
	AllTables bool
	// Protocol, when not 0, lists only routes of that protocol.
	Protocol uint8
	// OIF, when not 0, lists only routes through that device.
	OIF int
}

// DumpRequest encodes an RTM_GETROUTE dump request as ip route show sends
// it: the family, the protocol, RTM_F_CLONED for the route cache, then
// RTA_TABLE and RTA_OIF when not 0.
func DumpRequest(family int, protocol uint8, cloned bool, table, oif uint32) ([]byte, error) {
	hdr := rtnl.RtMsg{Family: uint8(family), Protocol: protocol}
	if cloned {
		hdr.Flags |= unix.RTM_F_CLONED
	}
	return rtnl.Body(hdr.Append(nil), func(ae *netlink.AttributeEncoder) error {
		if table != 0 {
			ae.Uint32(unix.RTA_TABLE, table)
		}
		if oif != 0 {
			ae.Uint32(unix.RTA_OIF, oif)
		}
		return nil
	})
}

// Dump streams the route messages the request asks for to fn, decoded
// into one reused Message. This is the zero-copy form: the message and
// the Message alias the receive buffer and are valid only during the call.
func Dump(ctx context.Context, c *rtnl.Conn, req []byte, fn func(m netlink.Message, r *Message) error) error {
	var r Message
	return c.DumpContext(ctx, unix.RTM_GETROUTE, req, func(m netlink.Message) error {
		t := uint16(m.Header.Type)
		if t != unix.RTM_NEWROUTE && t != unix.RTM_DELROUTE {
			return nil
		}
		if DecodeMessage(t, m.Data, &r) != nil {
			return nil
		}
		return fn(m, &r)
	})
}

// List returns the routes f selects, as owned values (cache entries are
// left out, as ip route show leaves them).
func List(ctx context.Context, c *rtnl.Conn, f Filter) ([]Route, error) {
	table := f.Table
	if table == 0 && !f.AllTables {
		table = unix.RT_TABLE_MAIN
	}
	if f.AllTables {
		table = 0
	}
	req, err := DumpRequest(f.Family, f.Protocol, false, table, uint32(f.OIF))
	if err != nil {
		return nil, err
	}
	var out []Route
	err = Dump(ctx, c, req, func(_ netlink.Message, m *Message) error {
		switch {
		case m.Type != unix.RTM_NEWROUTE, m.Header.Flags&unix.RTM_F_CLONED != 0,
			f.Family != 0 && int(m.Header.Family) != f.Family,
			table != 0 && m.Table != table,
			f.Protocol != 0 && m.Header.Protocol != f.Protocol,
			f.OIF != 0 && int(m.Uint32(unix.RTA_OIF)) != f.OIF:
			return nil
		}
		out = append(out, FromMessage(m))
		return nil
	})
	return out, err
}

// Get asks the kernel which route it would use to reach dst (ip route get
// ADDRESS) and returns it as an owned value.
func Get(ctx context.Context, c *rtnl.Conn, dst netip.Addr) (Route, error) {
	fam := unix.AF_INET6
	if dst.Is4() {
		fam = unix.AF_INET
	}
	hdr := rtnl.RtMsg{Family: uint8(fam), DstLen: uint8(dst.BitLen())}
	body, err := rtnl.Body(hdr.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Bytes(unix.RTA_DST, dst.AsSlice())
		return nil
	})
	if err != nil {
		return Route{}, err
	}
	m, err := c.QueryContext(ctx, unix.RTM_GETROUTE, 0, body)
	if err != nil {
		return Route{}, err
	}
	var r Message
	if err := DecodeMessage(uint16(m.Header.Type), m.Data, &r); err != nil {
		return Route{}, err
	}
	return FromMessage(&r), nil
}

func familyOf(a netip.Addr) uint8 {
	switch {
	case !a.IsValid():
		return unix.AF_UNSPEC
	case a.Is4():
		return unix.AF_INET
	}
	return unix.AF_INET6
}

// Request encodes an RTM_NEWROUTE or RTM_DELROUTE body for r as ip route
// add|del lays out the words "[TYPE] DST tos TOS table TABLE proto PROTO
// scope SCOPE metric METRIC via GATEWAY src SRC nhid ID dev DEV mtu MTU
// nexthop …": after the header RTA_DST, RTA_TABLE (tables over 255),
// RTA_PRIORITY, RTA_GATEWAY, RTA_PREFSRC, RTA_NH_ID, RTA_OIF, RTA_METRICS
// and RTA_MULTIPATH, each when set, with the grammar's encoders and
// defaults.
func Request(cmd uint16, r Route) ([]byte, error) {
	var e rtnl.Encoder
	if err := AppendRequest(&e, cmd, r); err != nil {
		return nil, err
	}
	return e.Data(), nil
}

// AppendRequest is Request into e, after what e holds: a program that
// sends many routes resets and reuses one Encoder, and encodes each
// without allocating (a multipath route still allocates its nexthops).
func AppendRequest(e *rtnl.Encoder, cmd uint16, r Route) error {
	fam := uint8(r.Family)
	if fam == 0 {
		fam = familyOf(r.Dst.Addr())
	}
	if fam == 0 {
		fam = familyOf(r.Gateway)
	}
	h := NewHeader(cmd, fam)
	g := Given{Table: r.Table != 0, Scope: r.Scope != 0, Type: r.Type != 0,
		NextHop: r.Gateway.IsValid() || len(r.Multipath) > 0 || r.NHID != 0}
	if r.Type != 0 {
		h.Type = r.Type
	}
	if r.Protocol != 0 {
		h.Protocol = r.Protocol
	}
	if r.Scope != 0 {
		h.Scope = r.Scope
	}
	h.Tos = r.TOS
	off := e.Reserve(unix.SizeofRtMsg)
	if r.Dst.IsValid() {
		h.DstLen = uint8(r.Dst.Bits())
		if r.Dst.Bits() > 0 {
			putAddr(e, unix.RTA_DST, r.Dst.Addr())
		}
	}
	if r.Table != 0 {
		SetTable(&h, e, r.Table)
	}
	if r.Priority != 0 {
		e.Uint32(unix.RTA_PRIORITY, r.Priority)
	}
	if r.Gateway.IsValid() {
		putGateway(e, h.Family, r.Gateway)
	}
	if r.Src.IsValid() {
		putAddr(e, unix.RTA_PREFSRC, r.Src)
	}
	if r.NHID != 0 {
		e.Uint32(RTANHID, r.NHID)
	}
	if r.OIF != 0 {
		e.Uint32(unix.RTA_OIF, uint32(r.OIF))
	}
	if r.MTU != 0 {
		mx := e.Nest(unix.RTA_METRICS)
		e.Uint32(unix.RTAX_MTU, r.MTU)
		e.End(mx)
	}
	if len(r.Multipath) > 0 {
		var mp []byte
		for _, nh := range r.Multipath {
			var nae rtnl.Encoder
			if nh.Gateway.IsValid() {
				putGateway(&nae, h.Family, nh.Gateway)
			}
			hops := uint8(0)
			if nh.Weight > 1 {
				hops = uint8(nh.Weight - 1)
			}
			mp = AppendNextHop(mp, nh.Flags, hops, uint32(nh.OIF), nae.Data())
		}
		e.Bytes(unix.RTA_MULTIPATH, mp)
	}
	ApplyDefaults(&h, cmd, g)
	var hb [unix.SizeofRtMsg]byte
	e.Put(off, h.Append(hb[:0]))
	return e.Err()
}

// putAddr appends attribute typ with a's address bytes (4 or 16) from a
// stack array: AsSlice would copy them to the heap.
func putAddr(e *rtnl.Encoder, typ uint16, a netip.Addr) {
	if a.Is4() {
		b := a.As4()
		e.Bytes(typ, b[:])
		return
	}
	b := a.As16()
	e.Bytes(typ, b[:])
}

// putGateway is PutGateway for a netip.Addr, without copying it to the heap.
func putGateway(e *rtnl.Encoder, routeFamily uint8, a netip.Addr) {
	if a.Is4() {
		b := a.As4()
		PutGateway(e, routeFamily, unix.AF_INET, b[:])
		return
	}
	b := a.As16()
	PutGateway(e, routeFamily, unix.AF_INET6, b[:])
}

func modify(ctx context.Context, c *rtnl.Conn, cmd uint16, flags netlink.HeaderFlags, r Route) error {
	body, err := Request(cmd, r)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(cmd), flags, body)
}

// Add adds r (ip route add); the kernel refuses a route that exists.
func Add(ctx context.Context, c *rtnl.Conn, r Route) error {
	return modify(ctx, c, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Excl, r)
}

// Replace adds r or replaces the route it names (ip route replace).
func Replace(ctx context.Context, c *rtnl.Conn, r Route) error {
	return modify(ctx, c, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Replace, r)
}

// Delete deletes the route r names (ip route del): fields left zero match
// any route.
func Delete(ctx context.Context, c *rtnl.Conn, r Route) error {
	return modify(ctx, c, unix.RTM_DELROUTE, 0, r)
}
