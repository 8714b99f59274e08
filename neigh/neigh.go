// Package neigh is the neighbour table (ARP and NDP entries, and proxy
// entries) over rtnetlink: owned Neighbor values with List, Add, Replace and
// Delete, the zero-copy Message decoder ip neigh show prints from, and the
// request encoders ip neigh add|del uses.
package neigh

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// HeaderLen is the size of struct Header: family, two pad fields, ifindex,
// state, flags and type.
const HeaderLen = 12

// Neighbour attributes and flags x/sys/unix does not name.
const (
	AttrProtocol = 12     // NDA_PROTOCOL: u8, who added the entry
	AttrFlagsExt = 15     // NDA_FLAGS_EXT: u32 flags beyond ndm_flags
	ExtManaged   = 1 << 0 // NTF_EXT_MANAGED, in NDA_FLAGS_EXT
)

// ParseState is nud_state_a2n: a state name (some abbreviable), or a number
// with at most one bit set below 0x100.
func ParseState(s string) (uint32, bool) {
	switch {
	case cmdline.Matches(s, "permanent"):
		return unix.NUD_PERMANENT, true
	case cmdline.Matches(s, "reachable"):
		return unix.NUD_REACHABLE, true
	case s == "noarp":
		return unix.NUD_NOARP, true
	case s == "none":
		return unix.NUD_NONE, true
	case s == "stale":
		return unix.NUD_STALE, true
	case s == "incomplete":
		return unix.NUD_INCOMPLETE, true
	case s == "delay":
		return unix.NUD_DELAY, true
	case s == "probe":
		return unix.NUD_PROBE, true
	case cmdline.Matches(s, "failed"):
		return unix.NUD_FAILED, true
	}
	v, ok := cnum.Uint32(s, 0)
	if !ok || v >= 0x100 || v&(v-1) != 0 {
		return 0, false
	}
	return v, true
}

// Header builds a struct Header.
func Header(family uint8, ifindex int32, state uint16, flags uint8) []byte {
	b := make([]byte, HeaderLen)
	b[0] = family
	binary.NativeEndian.PutUint32(b[4:], uint32(ifindex))
	binary.NativeEndian.PutUint16(b[8:], state)
	b[10] = flags
	return b
}

// Message is a decoded neighbour message, the zero-copy form ip neigh
// show prints from: its slices point into the message and are valid only
// as long as it is. FromMessage makes an owned Neighbor of it.
type Message struct {
	Family    uint8
	Index     uint32
	State     uint16
	Flags     uint8
	Dst       []byte
	LLAddr    []byte
	HasLLAddr bool
	CacheInfo []byte // struct nda_cacheinfo
	Probes    uint32
	HasProbes bool
	Protocol  uint8
	ExtFlags  uint32
}

// DecodeMessage decodes a neighbour message body into e, false when it is
// shorter than its header. This is the zero-copy form: e's slices alias
// b, valid only as long as b is (one dump callback).
func DecodeMessage(b []byte, e *Message) bool {
	if len(b) < HeaderLen {
		return false
	}
	*e = Message{
		Family: b[0],
		Index:  binary.NativeEndian.Uint32(b[4:]),
		State:  binary.NativeEndian.Uint16(b[8:]),
		Flags:  b[10],
	}
	a := rtnl.NewAttrs(b[HeaderLen:])
	for a.Next() {
		switch a.Type() {
		case unix.NDA_DST:
			e.Dst = a.Data()
		case unix.NDA_LLADDR:
			e.LLAddr, e.HasLLAddr = a.Data(), true
		case unix.NDA_CACHEINFO:
			if len(a.Data()) >= 16 {
				e.CacheInfo = a.Data()
			}
		case unix.NDA_PROBES:
			e.Probes, e.HasProbes = a.Uint32(), true
		case AttrProtocol:
			e.Protocol = a.Uint8()
		case AttrFlagsExt:
			e.ExtFlags = a.Uint32()
		}
	}
	return true
}

// AddrFamily is the address family of the entry's destination (bridge entries
// carry IPv4 or IPv6 addresses).
func (e *Message) AddrFamily() int {
	if e.Family == unix.AF_BRIDGE {
		if len(e.Dst) == 16 {
			return unix.AF_INET6
		}
		return unix.AF_INET
	}
	return int(e.Family)
}
