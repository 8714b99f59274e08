package route

import (
	"encoding/binary"
	"errors"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Route attribute types and values x/sys/unix does not name.
const (
	// RTANHID is RTA_NH_ID: the nexthop object a route uses.
	RTANHID = 30
	rtaMax  = 30
	// RTAXMax is the highest RTAX_ metric gip decodes.
	RTAXMax = unix.RTAX_FASTOPEN_NO_COOKIE
	// RTMFCloned is RTM_F_CLONED: a route cache entry.
	RTMFCloned = unix.RTM_F_CLONED

	// RTA_PREF values (ICMPV6_ROUTER_PREF_*).
	PrefLow    = 3
	PrefMedium = 0
	PrefHigh   = 1

	// Multicast routing families (RTNL_FAMILY_IPMR, RTNL_FAMILY_IP6MR).
	FamilyIPMR  = 128
	FamilyIP6MR = 129
)

// Message is one decoded RTM_NEWROUTE/RTM_DELROUTE, the zero-copy form ip
// route show prints from: its attributes point into the message and are
// valid only as long as it is, and decoding reuses one Message for a whole
// dump (only the attributes marked present are valid). FromMessage makes an
// owned Route of it.
type Message struct {
	Type    uint16
	Header  rtnl.RtMsg
	Table   uint32
	attrs   [rtaMax + 1][]byte // payload of each present attribute (last wins)
	present uint64             // bit n set: attribute n present
}

// Has reports whether attribute t is present.
func (r *Message) Has(t int) bool { return r.present&(1<<uint(t)) != 0 }

// Attr is attribute t's payload, nil when absent.
func (r *Message) Attr(t int) []byte {
	if !r.Has(t) {
		return nil
	}
	return r.attrs[t]
}

// Uint32 reads a 32-bit attribute (0 when absent or short).
func (r *Message) Uint32(t int) uint32 { return NativeUint32(r.Attr(t)) }

// NativeUint32 reads a native-endian u32 payload (0 when shorter).
func NativeUint32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.NativeEndian.Uint32(b)
}

var errShortRoute = errors.New("BUG: wrong nlmsg len")

// DecodeMessage fills r from a route message body.
func DecodeMessage(msgType uint16, b []byte, r *Message) error {
	r.present = 0 // a message too short for its header leaves nothing present
	hdr, attrs, err := rtnl.ParseRtMsg(b)
	if err != nil {
		return errShortRoute
	}
	r.Type, r.Header, r.Table, r.present = msgType, hdr, uint32(hdr.Table), 0
	// Views into the message, not copies: a route lives only as long as
	// its message, one Dump callback. The walk is rtnl.Attrs's, written
	// out here: a dump decodes millions of attributes, and the iterator's
	// calls were a fifth of the time spent on a route.
	for b = attrs; len(b) > 0; {
		if len(b) < 4 {
			err = errInvalidAttr
			break
		}
		l := int(binary.NativeEndian.Uint16(b))
		t := int(binary.NativeEndian.Uint16(b[2:]) & attrTypeMask)
		if l == 0 {
			l = 4 // no length, no data: step over the header
		} else if l < 4 || l > len(b) {
			err = errInvalidAttr
			break
		}
		if t <= rtaMax {
			r.attrs[t] = b[4:l:l]
			r.present |= 1 << uint(t)
		}
		if l = (l + 3) &^ 3; l >= len(b) {
			break
		}
		b = b[l:]
	}
	if r.Has(unix.RTA_TABLE) {
		r.Table = r.Uint32(unix.RTA_TABLE)
	}
	return err
}

// attrTypeMask drops NLA_F_NESTED and NLA_F_NET_BYTEORDER from a type.
const attrTypeMask = 0x3fff

var errInvalidAttr = errors.New("netlink: invalid attribute; length too short or too large")

// NextHopMessage is one struct rtnexthop of RTA_MULTIPATH with its attributes.
type NextHopMessage struct {
	Flags   uint8
	Hops    uint8
	Ifindex int32
	Attrs   [rtaMax + 1][]byte
	present uint64
}

// Has reports whether attribute t of the nexthop is present.
func (n *NextHopMessage) Has(t int) bool { return n.present&(1<<uint(t)) != 0 }

const sizeofRtNexthop = 8

// NextHops walks RTA_MULTIPATH as iproute2 does, stopping at the first
// malformed entry:
//
//	for it := route.NewNextHops(b); it.Next(); {
//		nh := it.Hop()
//	}
//
// It is a value the caller keeps on its stack, not a callback: a func value
// makes the next hop it is passed escape, an allocation per multipath
// route of a dump.
type NextHops struct {
	b  []byte
	nh NextHopMessage
}

// NewNextHops starts a walk over an RTA_MULTIPATH payload.
func NewNextHops(b []byte) NextHops { return NextHops{b: b} }

// Next moves to the next entry; false at the end or at a malformed one.
func (it *NextHops) Next() bool {
	b := it.b
	if len(b) < sizeofRtNexthop {
		return false
	}
	l := int(binary.NativeEndian.Uint16(b))
	if l > len(b) || l < sizeofRtNexthop {
		it.b = nil
		return false
	}
	it.nh = NextHopMessage{Flags: b[2], Hops: b[3], Ifindex: int32(binary.NativeEndian.Uint32(b[4:8]))}
	if l > sizeofRtNexthop {
		a := rtnl.NewAttrs(b[sizeofRtNexthop:l])
		for a.Next() {
			if t := int(a.Type()); t <= rtaMax {
				it.nh.Attrs[t] = a.Data()
				it.nh.present |= 1 << uint(t)
			}
		}
	}
	if adv := (l + 3) &^ 3; adv <= len(b) {
		it.b = b[adv:]
	} else {
		it.b = nil
	}
	return true
}

// Hop is the entry Next moved to; its attributes alias the message, and it
// is overwritten by the next call of Next.
func (it *NextHops) Hop() *NextHopMessage { return &it.nh }

// EachNextHop calls fn with each entry of RTA_MULTIPATH (see NextHops).
func EachNextHop(b []byte, fn func(*NextHopMessage)) {
	for it := NewNextHops(b); it.Next(); {
		fn(it.Hop())
	}
}

// Metrics are the RTA_METRICS values by RTAX_ number.
type Metrics struct {
	Vals    [RTAXMax + 1][]byte
	Present uint32
}

// DecodeMetrics decodes an RTA_METRICS nest; the values alias b.
func DecodeMetrics(b []byte) Metrics {
	var m Metrics
	a := rtnl.NewAttrs(b)
	for a.Next() {
		if t := int(a.Type()); t <= RTAXMax {
			m.Vals[t] = a.Data()
			m.Present |= 1 << uint(t)
		}
	}
	return m
}
