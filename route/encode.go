package route

import (
	"encoding/binary"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// The request encoders below are shared by the typed operations (Add,
// Replace, Delete) and by the `ip route` grammar, so both send the same
// bytes for the same route: one path to the kernel.

// NewHeader is the struct rtmsg iproute2 starts a request with: main table,
// and for anything but RTM_DELROUTE protocol boot, scope universe and type
// unicast (a delete leaves them 0 and its scope nowhere, matching any).
func NewHeader(cmd uint16, family uint8) rtnl.RtMsg {
	h := rtnl.RtMsg{Family: family, Table: unix.RT_TABLE_MAIN, Scope: unix.RT_SCOPE_NOWHERE}
	if cmd != unix.RTM_DELROUTE {
		h.Protocol = unix.RTPROT_BOOT
		h.Scope = unix.RT_SCOPE_UNIVERSE
		h.Type = unix.RTN_UNICAST
	}
	return h
}

// SetTable puts table id in the header when it fits a byte, else in an
// RTA_TABLE attribute appended to ae with the header's table left
// unspecified, as iproute2 does.
func SetTable(h *rtnl.RtMsg, ae *rtnl.Encoder, id uint32) {
	if id < 256 {
		h.Table = uint8(id)
		return
	}
	h.Table = unix.RT_TABLE_UNSPEC
	ae.Uint32(unix.RTA_TABLE, id)
}

// Given says which of a request's header fields its author chose, for
// ApplyDefaults.
type Given struct {
	Table, Scope, Type bool
	// NextHop: a gateway, nexthops or a nexthop id was given, so a
	// unicast route keeps scope universe.
	NextHop bool
}

// ApplyDefaults fills in the header fields a request left open as
// iproute2's iproute_modify does once it has read every word: the family
// (inet), the local table for local, broadcast, nat and anycast routes,
// the scope by family and type (link for a unicast route without a next
// hop, nowhere for a delete), and unicast for an MPLS route.
func ApplyDefaults(h *rtnl.RtMsg, cmd uint16, g Given) {
	if h.Family == unix.AF_UNSPEC {
		h.Family = unix.AF_INET
	}
	if !g.Table {
		switch h.Type {
		case unix.RTN_LOCAL, unix.RTN_BROADCAST, unix.RTN_NAT, unix.RTN_ANYCAST:
			h.Table = unix.RT_TABLE_LOCAL
		}
	}
	if !g.Scope {
		switch {
		case h.Family == unix.AF_INET6 || h.Family == unix.AF_MPLS:
			h.Scope = unix.RT_SCOPE_UNIVERSE
		case h.Type == unix.RTN_LOCAL || h.Type == unix.RTN_NAT:
			h.Scope = unix.RT_SCOPE_HOST
		case h.Type == unix.RTN_BROADCAST || h.Type == unix.RTN_MULTICAST || h.Type == unix.RTN_ANYCAST:
			h.Scope = unix.RT_SCOPE_LINK
		case h.Type == unix.RTN_UNICAST || h.Type == unix.RTN_UNSPEC:
			if cmd == unix.RTM_DELROUTE {
				h.Scope = unix.RT_SCOPE_NOWHERE
			} else if !g.NextHop {
				h.Scope = unix.RT_SCOPE_LINK
			}
		}
	}
	if !g.Type && h.Family == unix.AF_MPLS {
		h.Type = unix.RTN_UNICAST
	}
}

// PutGateway appends a gateway to ae: RTA_GATEWAY when the address is of
// the route's family, else RTA_VIA (the address's family, then the
// address).
func PutGateway(ae *rtnl.Encoder, routeFamily uint8, family int, addr []byte) {
	if family == int(routeFamily) {
		ae.Bytes(unix.RTA_GATEWAY, addr)
		return
	}
	// struct rtvia: the family, then the address; at most 2+16 bytes
	// for the families cnum reads, so the array stays on the stack.
	var via [2 + 32]byte
	binary.NativeEndian.PutUint16(via[:], uint16(family))
	if len(addr) <= len(via)-2 {
		ae.Bytes(unix.RTA_VIA, via[:2+copy(via[2:], addr)])
		return
	}
	ae.Bytes(unix.RTA_VIA, append(via[:2:2], addr...))
}

// AppendNextHop appends one struct rtnexthop of RTA_MULTIPATH to b: the
// flags (RTNH_F_*), hops (the weight less one), the device index and the
// nexthop's encoded attributes.
func AppendNextHop(b []byte, flags, hops uint8, ifindex uint32, attrs []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(sizeofRtNexthop+len(attrs)))
	b = append(b, flags, hops)
	b = binary.NativeEndian.AppendUint32(b, ifindex)
	return append(b, attrs...)
}
