// Package rule is the routing policy database (ip rule) over rtnetlink:
// owned Rule values with List, Add and Delete, the zero-copy Message
// decoder ip rule show prints from, and the header encoder ip rule add|del
// uses.
package rule

import (
	"encoding/binary"
	"unsafe"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// HeaderLen is the size of struct fib_rule_hdr: family, dst_len,
// src_len, tos, table, two reserved bytes, action and a u32 of flags.
const HeaderLen = 12

// Header builds a struct fib_rule_hdr.
func Header(family, dstLen, srcLen, tos, table, action uint8, flags uint32) []byte {
	b := make([]byte, HeaderLen)
	b[0], b[1], b[2], b[3], b[4], b[7] = family, dstLen, srcLen, tos, table, action
	binary.NativeEndian.PutUint32(b[8:], flags)
	return b
}

// Message is a decoded rule message, the zero-copy form ip rule show
// prints from: its slices point into the message and are valid only as
// long as it is. FromMessage makes an owned Rule of it.
type Message struct {
	Family, DstLen, SrcLen, TOS, Action      uint8
	Flags                                    uint32
	Table                                    uint32
	Priority                                 uint32
	HasPriority                              bool
	Src, Dst, Gateway                        []byte
	IIF, OIF                                 string // views of the message, like the slices
	HasIIF, HasOIF                           bool
	Goto                                     uint32
	HasGoto                                  bool
	FwMark, FwMask                           uint32
	HasFwMark, HasFwMask                     bool
	Flow                                     uint32
	HasFlow                                  bool
	TunID                                    uint64
	HasTunID                                 bool
	SuppressPrefixLen, SuppressIfGroup       uint32
	HasSuppressPrefixLen, HasSuppressIfGroup bool
	L3MDev                                   uint8
	HasL3MDev                                bool
	UIDRange                                 []byte // struct fib_rule_uid_range
	Protocol                                 uint8
	HasProtocol                              bool
	IPProto                                  uint8
	HasIPProto                               bool
	SPortRange, DPortRange                   []byte // struct fib_rule_port_range
}

// DecodeMessage decodes a rule message body into e, false when it is
// shorter than its header. This is the zero-copy form: e's slices alias
// b, valid only as long as b is (one dump callback).
func DecodeMessage(b []byte, e *Message) bool {
	if len(b) < HeaderLen {
		return false
	}
	*e = Message{
		Family: b[0], DstLen: b[1], SrcLen: b[2], TOS: b[3], Table: uint32(b[4]),
		Action: b[7], Flags: binary.NativeEndian.Uint32(b[8:]),
	}
	u32 := func(a *rtnl.Attrs) uint32 {
		if len(a.Data()) < 4 {
			return 0
		}
		return a.Uint32()
	}
	a := rtnl.NewAttrs(b[HeaderLen:])
	for a.Next() {
		d := a.Data()
		switch a.Type() {
		case unix.FRA_DST:
			e.Dst = d
		case unix.FRA_SRC:
			e.Src = d
		case unix.FRA_IIFNAME:
			e.IIF, e.HasIIF = cString(d), true
		case unix.FRA_OIFNAME:
			e.OIF, e.HasOIF = cString(d), true
		case unix.FRA_GOTO:
			e.Goto, e.HasGoto = u32(&a), true
		case unix.FRA_PRIORITY:
			e.Priority, e.HasPriority = u32(&a), true
		case unix.FRA_FWMARK:
			e.FwMark, e.HasFwMark = u32(&a), true
		case unix.FRA_FWMASK:
			e.FwMask, e.HasFwMask = u32(&a), true
		case unix.FRA_FLOW:
			e.Flow, e.HasFlow = u32(&a), true
		case unix.FRA_TUN_ID:
			if len(d) >= 8 {
				e.TunID, e.HasTunID = binary.BigEndian.Uint64(d), true
			}
		case unix.FRA_SUPPRESS_IFGROUP:
			e.SuppressIfGroup, e.HasSuppressIfGroup = u32(&a), true
		case unix.FRA_SUPPRESS_PREFIXLEN:
			e.SuppressPrefixLen, e.HasSuppressPrefixLen = u32(&a), true
		case unix.FRA_TABLE:
			e.Table = u32(&a)
		case unix.FRA_L3MDEV:
			if len(d) >= 1 {
				e.L3MDev, e.HasL3MDev = d[0], true
			}
		case unix.FRA_UID_RANGE:
			if len(d) >= 8 {
				e.UIDRange = d
			}
		case unix.FRA_PROTOCOL:
			if len(d) >= 1 {
				e.Protocol, e.HasProtocol = d[0], true
			}
		case unix.FRA_IP_PROTO:
			if len(d) >= 1 {
				e.IPProto, e.HasIPProto = d[0], true
			}
		case unix.FRA_SPORT_RANGE:
			if len(d) >= 4 {
				e.SPortRange = d
			}
		case unix.FRA_DPORT_RANGE:
			if len(d) >= 4 {
				e.DPortRange = d
			}
		case unix.RTA_GATEWAY:
			e.Gateway = d
		}
	}
	return true
}

// cString is a NUL-terminated attribute's text, a view of b (no copy):
// Message aliases its message, device names included.
func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			b = b[:i]
			break
		}
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
