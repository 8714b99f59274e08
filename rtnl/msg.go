package rtnl

import (
	"errors"

	"github.com/gipnet/gip/internal/endian"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The fixed headers that open rtnetlink messages. Attributes after them are
// encoded and decoded with netlink.AttributeEncoder/Decoder.

var ne endian.Native

var errShort = errors.New("netlink message too short")

// IfInfomsg is struct ifinfomsg (links).
type IfInfomsg struct {
	Family uint8
	Type   uint16
	Index  int32
	Flags  uint32
	Change uint32
}

// Append appends the header's wire form to b.
func (m IfInfomsg) Append(b []byte) []byte {
	b = append(b, m.Family, 0)
	b = ne.AppendUint16(b, m.Type)
	b = ne.AppendUint32(b, uint32(m.Index))
	b = ne.AppendUint32(b, m.Flags)
	return ne.AppendUint32(b, m.Change)
}

// ParseIfInfomsg splits a link message into its header and attributes.
func ParseIfInfomsg(b []byte) (IfInfomsg, []byte, error) {
	if len(b) < unix.SizeofIfInfomsg {
		return IfInfomsg{}, nil, errShort
	}
	return IfInfomsg{
		Family: b[0],
		Type:   ne.Uint16(b[2:4]),
		Index:  int32(ne.Uint32(b[4:8])),
		Flags:  ne.Uint32(b[8:12]),
		Change: ne.Uint32(b[12:16]),
	}, b[unix.SizeofIfInfomsg:], nil
}

// IfAddrmsg is struct ifaddrmsg (addresses).
type IfAddrmsg struct {
	Family    uint8
	Prefixlen uint8
	Flags     uint8
	Scope     uint8
	Index     uint32
}

// Append appends the header's wire form to b.
func (m IfAddrmsg) Append(b []byte) []byte {
	b = append(b, m.Family, m.Prefixlen, m.Flags, m.Scope)
	return ne.AppendUint32(b, m.Index)
}

// ParseIfAddrmsg splits an address message into its header and attributes.
func ParseIfAddrmsg(b []byte) (IfAddrmsg, []byte, error) {
	if len(b) < unix.SizeofIfAddrmsg {
		return IfAddrmsg{}, nil, errShort
	}
	return IfAddrmsg{Family: b[0], Prefixlen: b[1], Flags: b[2], Scope: b[3], Index: ne.Uint32(b[4:8])},
		b[unix.SizeofIfAddrmsg:], nil
}

// RtMsg is struct rtmsg (routes).
type RtMsg struct {
	Family   uint8
	DstLen   uint8
	SrcLen   uint8
	Tos      uint8
	Table    uint8
	Protocol uint8
	Scope    uint8
	Type     uint8
	Flags    uint32
}

// Append appends the header's wire form to b.
func (m RtMsg) Append(b []byte) []byte {
	b = append(b, m.Family, m.DstLen, m.SrcLen, m.Tos, m.Table, m.Protocol, m.Scope, m.Type)
	return ne.AppendUint32(b, m.Flags)
}

// ParseRtMsg splits a route message into its header and attributes.
func ParseRtMsg(b []byte) (RtMsg, []byte, error) {
	if len(b) < unix.SizeofRtMsg {
		return RtMsg{}, nil, errShort
	}
	return RtMsg{Family: b[0], DstLen: b[1], SrcLen: b[2], Tos: b[3], Table: b[4],
		Protocol: b[5], Scope: b[6], Type: b[7], Flags: ne.Uint32(b[8:12])}, b[unix.SizeofRtMsg:], nil
}

// Body returns a request body: the header bytes followed by the attributes
// fn encodes (fn may be nil).
func Body(header []byte, fn func(ae *netlink.AttributeEncoder) error) ([]byte, error) {
	if fn == nil {
		return header, nil
	}
	ae := netlink.NewAttributeEncoder()
	if err := fn(ae); err != nil {
		return nil, err
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(header, attrs...), nil
}

// Decoder returns an attribute decoder over b in native byte order.
func Decoder(b []byte) (*netlink.AttributeDecoder, error) {
	return netlink.NewAttributeDecoder(b)
}

// RTEXT_FILTER_* bits for IFLA_EXT_MASK (x/sys lacks some).
const (
	ExtFilterVF        = 1 << 0
	ExtFilterBrVLAN    = 1 << 1
	ExtFilterSkipStats = 1 << 3
)
