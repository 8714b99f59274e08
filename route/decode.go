package route

import (
	"encoding/binary"
	"errors"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Route attribute types and values x/sys/unix does not name.
const (
	rtaNHID   = 30
	rtaMax    = 30
	rtaxMax   = unix.RTAX_FASTOPEN_NO_COOKIE
	rtmFClone = unix.RTM_F_CLONED

	// RTA_PREF values (ICMPV6_ROUTER_PREF_*).
	prefLow    = 3
	prefMedium = 0
	prefHigh   = 1

	// Multicast routing families (RTNL_FAMILY_IPMR, RTNL_FAMILY_IP6MR).
	familyIPMR  = 128
	familyIP6MR = 129
)

// route is one decoded RTM_NEWROUTE/RTM_DELROUTE. Decoding reuses one
// route for a whole dump: only the attributes marked present are valid.
type route struct {
	msgType uint16
	hdr     rtnl.RtMsg
	table   uint32
	attrs   [rtaMax + 1][]byte // payload of each present attribute (last wins)
	present uint64             // bit n set: attribute n present
}

func (r *route) has(t int) bool { return r.present&(1<<uint(t)) != 0 }

// attr is attribute t's payload, nil when absent.
func (r *route) attr(t int) []byte {
	if !r.has(t) {
		return nil
	}
	return r.attrs[t]
}

// u32 reads a 32-bit attribute (0 when absent or short).
func (r *route) u32(t int) uint32 { return le32(r.attr(t)) }

func le32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.NativeEndian.Uint32(b)
}

var errShortRoute = errors.New("BUG: wrong nlmsg len")

// decodeRoute fills r from a route message body.
func decodeRoute(msgType uint16, b []byte, r *route) error {
	hdr, attrs, err := rtnl.ParseRtMsg(b)
	if err != nil {
		return errShortRoute
	}
	r.msgType, r.hdr, r.table, r.present = msgType, hdr, uint32(hdr.Table), 0
	// Views into the message, not copies: a route lives only as long as
	// its message, one Dump callback.
	a := rtnl.NewAttrs(attrs)
	for a.Next() {
		t := int(a.Type())
		if t > rtaMax {
			continue
		}
		r.attrs[t] = a.Data()
		r.present |= 1 << uint(t)
	}
	if r.has(unix.RTA_TABLE) {
		r.table = r.u32(unix.RTA_TABLE)
	}
	return a.Err()
}

// nexthop is one struct rtnexthop of RTA_MULTIPATH with its attributes.
type nexthop struct {
	flags   uint8
	hops    uint8
	ifindex int32
	attrs   [rtaMax + 1][]byte
	present uint64
}

func (n *nexthop) has(t int) bool { return n.present&(1<<uint(t)) != 0 }

const sizeofRtNexthop = 8

// eachNexthop walks RTA_MULTIPATH as iproute2 does, stopping at the first
// malformed entry.
func eachNexthop(b []byte, fn func(*nexthop)) {
	var nh nexthop
	for len(b) >= sizeofRtNexthop {
		l := int(binary.NativeEndian.Uint16(b))
		if l > len(b) || l < sizeofRtNexthop {
			return
		}
		nh = nexthop{flags: b[2], hops: b[3], ifindex: int32(binary.NativeEndian.Uint32(b[4:8]))}
		if l > sizeofRtNexthop {
			a := rtnl.NewAttrs(b[sizeofRtNexthop:l])
			for a.Next() {
				if t := int(a.Type()); t <= rtaMax {
					nh.attrs[t] = a.Data()
					nh.present |= 1 << uint(t)
				}
			}
		}
		fn(&nh)
		adv := (l + 3) &^ 3
		if adv > len(b) {
			return
		}
		b = b[adv:]
	}
}

// metrics are the RTA_METRICS values by RTAX_ number.
type metrics struct {
	vals    [rtaxMax + 1][]byte
	present uint32
}

func decodeMetrics(b []byte) metrics {
	var m metrics
	a := rtnl.NewAttrs(b)
	for a.Next() {
		if t := int(a.Type()); t <= rtaxMax {
			m.vals[t] = a.Data()
			m.present |= 1 << uint(t)
		}
	}
	return m
}
