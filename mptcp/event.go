package mptcp

import (
	"encoding/binary"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
)

// Event types (MPTCP_EVENT_*), the command of an event message.
const (
	EventCreated        = 1
	EventEstablished    = 2
	EventClosed         = 3
	EventAnnounced      = 6
	EventRemoved        = 7
	EventSubEstablished = 10
	EventSubClosed      = 11
	EventSubPriority    = 13
)

// EventName is the label ip mptcp monitor prints for event type t, and
// false for the types unknown to iproute2 6.1.
func EventName(t uint8) (string, bool) {
	if int(t) < len(eventNames) && eventNames[t] != "" {
		return eventNames[t], true
	}
	return "", false
}

// eventNames is indexed by event type: an array literal is data in the
// binary, where a map literal would be built at every start-up.
var eventNames = [...]string{
	EventCreated:        "CREATED",
	EventEstablished:    "ESTABLISHED",
	EventClosed:         "CLOSED",
	EventAnnounced:      "ANNOUNCED",
	EventRemoved:        "REMOVED",
	EventSubEstablished: "SF_ESTABLISHED",
	EventSubClosed:      "SF_CLOSED",
	EventSubPriority:    "SF_PRIO",
}

// Event attributes (MPTCP_ATTR_*).
const (
	EventAttrToken       = 1  // u32
	EventAttrFamily      = 2  // u16
	EventAttrLocID       = 3  // u8
	EventAttrRemID       = 4  // u8
	EventAttrSAddr4      = 5  // be32
	EventAttrSAddr6      = 6  // in6_addr
	EventAttrDAddr4      = 7  // be32
	EventAttrDAddr6      = 8  // in6_addr
	EventAttrSPort       = 9  // be16
	EventAttrDPort       = 10 // be16
	EventAttrBackup      = 11 // u8
	EventAttrError       = 12 // u8
	EventAttrFlags       = 13 // u16
	EventAttrTimeout     = 14 // u32
	EventAttrIfIdx       = 15 // s32
	EventAttrResetReason = 16 // u32
	EventAttrResetFlags  = 17 // u32
	EventAttrServerSide  = 18 // u8

	eventAttrMax = EventAttrServerSide
)

// Event is one path-manager event as the kernel sent it: its type and
// its attributes by number (Attrs[EventAttrToken], ...), each nil when
// absent. The attribute data alias the message unless Copy is called.
type Event struct {
	Type  uint8
	Attrs [eventAttrMax + 1][]byte
}

// ParseEvent decodes an event message's body; ok is false when it is
// shorter than a genlmsghdr. Attributes above those iproute2 6.1 knows
// are dropped; the last of a repeated attribute counts.
func ParseEvent(body []byte) (ev Event, ok bool) {
	cmd, attrs, ok := genl.Split(body)
	if !ok {
		return ev, false
	}
	ev.Type = cmd
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		if t := a.Type(); t <= eventAttrMax && t != 0 {
			ev.Attrs[t] = a.Data()
		}
	}
	return ev, true
}

// Copy returns ev with attribute data of its own.
func (ev Event) Copy() Event {
	for i, d := range ev.Attrs {
		if d != nil {
			ev.Attrs[i] = append([]byte{}, d...)
		}
	}
	return ev
}

// U8, U16, U32 and BE16 read attribute t as the C library reads it:
// from its first bytes, zero-padded when it is shorter.
func (ev *Event) U8(t int) uint8 { return uint8(ev.U32(t)) }

// U16 reads attribute t as a native-order u16.
func (ev *Event) U16(t int) uint16 { return uint16(ev.U32(t)) }

// U32 reads attribute t as a native-order u32.
func (ev *Event) U32(t int) uint32 {
	var b [4]byte
	copy(b[:], ev.Attrs[t])
	return binary.NativeEndian.Uint32(b[:])
}

// BE16 reads attribute t as a big-endian u16 (ports).
func (ev *Event) BE16(t int) uint16 {
	var b [2]byte
	copy(b[:], ev.Attrs[t])
	return binary.BigEndian.Uint16(b[:])
}
