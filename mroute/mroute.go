// Package mroute reads the kernel's multicast routing cache: the routes
// of the RTNL_FAMILY_IPMR and RTNL_FAMILY_IP6MR families that `ip mroute`
// lists and `ip monitor mroute` shows.
package mroute

import (
	"context"
	"encoding/binary"
	"errors"
	"net/netip"
	"time"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The multicast routing families.
const (
	FamilyIPMR  = 128 // RTNL_FAMILY_IPMR, IPv4
	FamilyIP6MR = 129 // RTNL_FAMILY_IP6MR, IPv6
)

// Attributes and flags only multicast routes carry.
const (
	rtaMFCStats = 17 // RTA_MFC_STATS: struct rta_mfc_stats
	rtaExpires  = 23 // RTA_EXPIRES: clock ticks, u64

	// FlagOffload is RTNH_F_OFFLOAD in a route's flags.
	FlagOffload = 8
	// FlagUnresolved is RTNH_F_UNRESOLVED: the route waits for its
	// daemon.
	FlagUnresolved = 0x20
)

// DumpRequest is rtnl_routedump_req's body for family (FamilyIPMR or
// FamilyIP6MR), with the table asked for when it is not 0.
func DumpRequest(family int, table uint32) []byte {
	b := rtnl.RtMsg{Family: uint8(family)}.Append(nil)
	if table != 0 {
		b = binary.NativeEndian.AppendUint16(b, 8)
		b = binary.NativeEndian.AppendUint16(b, unix.RTA_TABLE)
		b = binary.NativeEndian.AppendUint32(b, table)
	}
	return b
}

// ErrShort is a message shorter than struct rtmsg.
var ErrShort = errors.New("route message shorter than its header")

// ErrNotMulticast is a route message whose type is not RTN_MULTICAST.
var ErrNotMulticast = errors.New("not a multicast route")

// View is a decoded multicast route message. It is the zero-copy form:
// its byte slices alias the message and are valid only as long as the
// message's buffer (during a dump's callback). Route is the owned form.
type View struct {
	Header     rtnl.RtMsg // struct rtmsg
	Table      uint32     // RTA_TABLE, else the header's
	Iif        uint32     // 0: unresolved
	Src, Dst   []byte     // RTA_SRC (source) and RTA_DST (group), nil when absent
	Multipath  []byte     // RTA_MULTIPATH's payload: the outgoing interfaces
	HasStats   bool       // RTA_MFC_STATS was there
	Stats      [3]uint64  // packets, bytes, packets that came in on the wrong interface
	HasExpires bool       // RTA_EXPIRES was there
	Expires    uint64     // clock ticks of a hundredth of a second
}

// DecodeView decodes a route message of a multicast family: ErrShort for
// one too short, ErrNotMulticast for a route of another type. Short
// attributes count as zeros.
func DecodeView(body []byte) (View, error) {
	rt, attrs, err := rtnl.ParseRtMsg(body)
	if err != nil {
		return View{}, ErrShort
	}
	if rt.Type != unix.RTN_MULTICAST {
		return View{Header: rt}, ErrNotMulticast
	}
	v := View{Header: rt, Table: uint32(rt.Table)}
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		d := a.Data()
		switch a.Type() {
		case unix.RTA_TABLE:
			if len(d) >= 4 {
				v.Table = binary.NativeEndian.Uint32(d)
			}
		case unix.RTA_IIF:
			if len(d) >= 4 {
				v.Iif = binary.NativeEndian.Uint32(d)
			}
		case unix.RTA_SRC:
			v.Src = d
		case unix.RTA_DST:
			v.Dst = d
		case unix.RTA_MULTIPATH:
			v.Multipath = d
		case rtaMFCStats:
			v.HasStats = true
			v.Stats = [3]uint64{}
			for i := range v.Stats {
				if len(d) >= 8*(i+1) {
					v.Stats[i] = binary.NativeEndian.Uint64(d[8*i:])
				}
			}
		case rtaExpires:
			v.HasExpires, v.Expires = true, 0
			if len(d) >= 8 {
				v.Expires = binary.NativeEndian.Uint64(d)
			}
		}
	}
	return v, nil
}

// Oif is one outgoing interface of a multicast route.
type Oif struct {
	Dev int // the device's index
	TTL int // the TTL threshold (struct rtnexthop's hops)
}

// NextOif reads the first outgoing interface of an RTA_MULTIPATH payload
// and returns the rest, as iproute2 walks it; ok is false at the end (or
// at a malformed entry). With last set, the entry is the final one (its
// length reaches past what is left, or is zero): print it, then stop.
func NextOif(b []byte) (o Oif, rest []byte, last, ok bool) {
	if len(b) < 8 {
		return Oif{}, nil, true, false
	}
	l := int(binary.NativeEndian.Uint16(b))
	if l > len(b) {
		return Oif{}, nil, true, false
	}
	o = Oif{Dev: int(binary.NativeEndian.Uint32(b[4:])), TTL: int(b[3])}
	step := (l + 3) &^ 3
	if step == 0 || step > len(b) {
		return o, nil, true, true
	}
	return o, b[step:], false, true
}

// Route is one multicast route (a cache entry). It owns its memory.
type Route struct {
	Family     int        // FamilyIPMR or FamilyIP6MR
	Table      uint32     // the multicast routing table
	Source     netip.Addr // the invalid Addr when absent
	Group      netip.Addr // the invalid Addr when absent
	Iif        int        // 0: unresolved
	Oifs       []Oif      // where packets go
	Unresolved bool       // waiting for the routing daemon
	Offload    bool       // forwarded in hardware
	// Packets, Bytes and WrongIf are the route's counters.
	Packets, Bytes, WrongIf uint64
	// Expires is the route's age counter, 0 when the kernel sent none.
	Expires time.Duration
}

// Route copies v out into an owned Route.
func (v *View) Route() Route {
	r := Route{Family: int(v.Header.Family), Table: v.Table, Iif: int(v.Iif),
		Unresolved: v.Header.Flags&FlagUnresolved != 0, Offload: v.Header.Flags&FlagOffload != 0,
		Packets: v.Stats[0], Bytes: v.Stats[1], WrongIf: v.Stats[2],
		Expires: time.Duration(v.Expires) * 10 * time.Millisecond}
	if a, ok := netip.AddrFromSlice(v.Src); ok {
		r.Source = a
	}
	if a, ok := netip.AddrFromSlice(v.Dst); ok {
		r.Group = a
	}
	for b := v.Multipath; ; {
		o, rest, last, ok := NextOif(b)
		if !ok {
			break
		}
		r.Oifs = append(r.Oifs, o)
		if last {
			break
		}
		b = rest
	}
	return r
}

// List returns the multicast routes of family (FamilyIPMR or
// FamilyIP6MR) in every table.
func List(ctx context.Context, c *rtnl.Conn, family int) ([]Route, error) {
	var list []Route
	err := c.DumpContext(ctx, unix.RTM_GETROUTE, DumpRequest(family, 0), func(m netlink.Message) error {
		if m.Header.Type != unix.RTM_NEWROUTE {
			return nil
		}
		v, err := DecodeView(m.Data)
		if err != nil || int(v.Header.Family) != family {
			return err
		}
		list = append(list, v.Route())
		return nil
	})
	return list, err
}
