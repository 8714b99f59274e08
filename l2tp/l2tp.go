// Package l2tp is the kernel's L2TPv3 tunnels and sessions over generic
// netlink (family "l2tp").
//
// Requests are encoded as iproute2 6.1's ip l2tp encodes them (derived
// from its source: this kernel has no l2tp family to capture them from).
package l2tp

import (
	"context"
	"encoding/binary"
	"errors"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FamilyName is the generic netlink family of L2TP (L2TP_GENL_NAME).
const FamilyName = "l2tp"

// Version is L2TP_GENL_VERSION.
const Version = 1

// Commands (L2TP_CMD_*).
const (
	CmdTunnelCreate  = 1
	CmdTunnelDelete  = 2
	CmdTunnelModify  = 3
	CmdTunnelGet     = 4
	CmdSessionCreate = 5
	CmdSessionDelete = 6
	CmdSessionModify = 7
	CmdSessionGet    = 8
)

// Attributes (L2TP_ATTR_*).
const (
	AttrPWType         = 1  // u16
	AttrEncapType      = 2  // u16
	AttrL2SpecType     = 5  // u8
	AttrL2SpecLen      = 6  // u8
	AttrProtoVersion   = 7  // u8
	AttrIfName         = 8  // string
	AttrConnID         = 9  // u32
	AttrPeerConnID     = 10 // u32
	AttrSessionID      = 11 // u32
	AttrPeerSessionID  = 12 // u32
	AttrUDPCsum        = 13 // u8
	AttrCookie         = 15
	AttrPeerCookie     = 16
	AttrRecvSeq        = 18 // u8
	AttrSendSeq        = 19 // u8
	AttrRecvTimeout    = 22 // u64, ms
	AttrIPSaddr        = 24
	AttrIPDaddr        = 25
	AttrUDPSport       = 26 // u16
	AttrUDPDport       = 27 // u16
	AttrStats          = 30 // nested
	AttrIP6Saddr       = 31
	AttrIP6Daddr       = 32
	AttrUDPZeroCsum6TX = 33 // flag
	AttrUDPZeroCsum6RX = 34 // flag
	attrMax            = 35
)

// Values of the encapsulation, pseudowire and L2-specific header
// attributes.
const (
	EncapUDP      = 0
	EncapIP       = 1
	PWTypeEth     = 5
	L2SpecNone    = 0
	L2SpecDefault = 1
)

// Params are a tunnel's or session's settings, as ip l2tp reads them
// from its words and from the kernel's answers (iproute2's l2tp_parm).
type Params struct {
	TunnelID, PeerTunnelID   uint32
	SessionID, PeerSessionID uint32
	Encap                    uint16
	LocalUDPPort             uint16
	PeerUDPPort              uint16
	Cookie, PeerCookie       []byte
	// LocalFamily/Local and PeerFamily/Peer are the tunnel's addresses
	// (Local is the address's bytes: 4, 16 or, for `any`, none).
	LocalFamily, PeerFamily int
	Local, Peer             []byte
	PWType                  uint16
	UDP6CsumTX, UDP6CsumRX  bool
	UDPCsum                 bool
	RecvSeq, SendSeq        bool
	ReorderTimeout          int32
	IfName                  string
	HasIfName               bool
	L2SpecType, L2SpecLen   uint8
}

// Stats are a tunnel's or session's data counters.
type Stats struct {
	RxPackets, RxBytes, RxErrors, RxOOSPackets, RxOOSDiscards uint64
	TxPackets, TxBytes, TxErrors                              uint64
}

func u16(v uint16) []byte { return binary.NativeEndian.AppendUint16(nil, v) }
func u32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// TunnelCreateRequest is the body of CmdTunnelCreate for p: ids, protocol
// version 3, encapsulation, addresses, then for UDP the ports and
// checksum settings.
func TunnelCreateRequest(p Params) []byte {
	b := genl.Header(CmdTunnelCreate, Version)
	b = genl.AppendAttr(b, AttrConnID, u32(p.TunnelID))
	b = genl.AppendAttr(b, AttrPeerConnID, u32(p.PeerTunnelID))
	b = genl.AppendAttr(b, AttrProtoVersion, []byte{3})
	b = genl.AppendAttr(b, AttrEncapType, u16(p.Encap))
	local, peer := uint16(AttrIPSaddr), uint16(AttrIPDaddr)
	if p.LocalFamily == unix.AF_INET6 {
		local = AttrIP6Saddr
	}
	b = genl.AppendAttr(b, local, p.Local)
	if p.PeerFamily == unix.AF_INET6 {
		peer = AttrIP6Daddr
	}
	b = genl.AppendAttr(b, peer, p.Peer)
	if p.Encap == EncapUDP {
		b = genl.AppendAttr(b, AttrUDPSport, u16(p.LocalUDPPort))
		b = genl.AppendAttr(b, AttrUDPDport, u16(p.PeerUDPPort))
		if p.UDPCsum {
			b = genl.AppendAttr(b, AttrUDPCsum, []byte{1})
		}
		if !p.UDP6CsumTX {
			b = genl.AppendAttr(b, AttrUDPZeroCsum6TX, nil)
		}
		if !p.UDP6CsumRX {
			b = genl.AppendAttr(b, AttrUDPZeroCsum6RX, nil)
		}
	}
	return b
}

// TunnelDeleteRequest is the body of CmdTunnelDelete.
func TunnelDeleteRequest(tunnelID uint32) []byte {
	return genl.AppendAttr(genl.Header(CmdTunnelDelete, Version), AttrConnID, u32(tunnelID))
}

// SessionCreateRequest is the body of CmdSessionCreate for p.
func SessionCreateRequest(p Params) []byte {
	b := genl.Header(CmdSessionCreate, Version)
	b = genl.AppendAttr(b, AttrConnID, u32(p.TunnelID))
	b = genl.AppendAttr(b, AttrPeerConnID, u32(p.PeerTunnelID))
	b = genl.AppendAttr(b, AttrSessionID, u32(p.SessionID))
	b = genl.AppendAttr(b, AttrPeerSessionID, u32(p.PeerSessionID))
	b = genl.AppendAttr(b, AttrPWType, u16(p.PWType))
	b = genl.AppendAttr(b, AttrL2SpecType, []byte{p.L2SpecType})
	b = genl.AppendAttr(b, AttrL2SpecLen, []byte{p.L2SpecLen})
	if p.RecvSeq {
		b = genl.AppendAttr(b, AttrRecvSeq, []byte{1})
	}
	if p.SendSeq {
		b = genl.AppendAttr(b, AttrSendSeq, []byte{1})
	}
	if p.ReorderTimeout != 0 {
		b = genl.AppendAttr(b, AttrRecvTimeout, binary.NativeEndian.AppendUint64(nil, uint64(int64(p.ReorderTimeout))))
	}
	if len(p.Cookie) > 0 {
		b = genl.AppendAttr(b, AttrCookie, p.Cookie)
	}
	if len(p.PeerCookie) > 0 {
		b = genl.AppendAttr(b, AttrPeerCookie, p.PeerCookie)
	}
	if p.HasIfName {
		b = genl.AppendAttr(b, AttrIfName, append([]byte(p.IfName), 0))
	}
	return b
}

// SessionDeleteRequest is the body of CmdSessionDelete.
func SessionDeleteRequest(tunnelID, sessionID uint32) []byte {
	b := genl.AppendAttr(genl.Header(CmdSessionDelete, Version), AttrConnID, u32(tunnelID))
	return genl.AppendAttr(b, AttrSessionID, u32(sessionID))
}

// TunnelGetRequest is the body of the tunnel dump (NLM_F_DUMP), of one
// tunnel when tunnelID is not 0.
func TunnelGetRequest(tunnelID uint32) []byte {
	b := genl.Header(CmdTunnelGet, Version)
	if tunnelID != 0 {
		b = genl.AppendAttr(b, AttrConnID, u32(tunnelID))
	}
	return b
}

// SessionGetRequest is the body of the session dump (NLM_F_DUMP), of one
// session when both ids are not 0.
func SessionGetRequest(tunnelID, sessionID uint32) []byte {
	b := genl.Header(CmdSessionGet, Version)
	if tunnelID != 0 && sessionID != 0 {
		b = genl.AppendAttr(b, AttrConnID, u32(tunnelID))
		b = genl.AppendAttr(b, AttrSessionID, u32(sessionID))
	}
	return b
}

// ErrBadAddress is an address attribute of the wrong length for its
// family.
var ErrBadAddress = errors.New("bad l2tp address")

func get(b []byte, n int) uint64 {
	var v [8]byte
	copy(v[:], b)
	switch n {
	case 1:
		return uint64(v[0])
	case 2:
		return uint64(binary.NativeEndian.Uint16(v[:]))
	case 4:
		return uint64(binary.NativeEndian.Uint32(v[:]))
	}
	return binary.NativeEndian.Uint64(v[:])
}

// Apply decodes a tunnel or session message body onto p and s as
// iproute2's get_response does: what the message holds replaces what p
// held (from the command line or the previous message of a dump), the
// rest stays. A body shorter than a genlmsghdr, or an address of the
// wrong length, is an error.
func (p *Params) Apply(s *Stats, body []byte) error {
	_, attrs, ok := genl.Split(body)
	if !ok {
		return ErrBadAddress
	}
	var a [attrMax + 1][]byte
	for it := rtnl.NewAttrs(attrs); it.Next(); {
		if t := it.Type(); t != 0 && t <= attrMax {
			a[t] = it.Data()
		}
	}
	has := func(t int) bool { return a[t] != nil }
	if has(AttrPWType) {
		p.PWType = uint16(get(a[AttrPWType], 2))
	}
	if has(AttrEncapType) {
		p.Encap = uint16(get(a[AttrEncapType], 2))
	}
	if has(AttrConnID) {
		p.TunnelID = uint32(get(a[AttrConnID], 4))
	}
	if has(AttrPeerConnID) {
		p.PeerTunnelID = uint32(get(a[AttrPeerConnID], 4))
	}
	if has(AttrSessionID) {
		p.SessionID = uint32(get(a[AttrSessionID], 4))
	}
	if has(AttrPeerSessionID) {
		p.PeerSessionID = uint32(get(a[AttrPeerSessionID], 4))
	}
	if has(AttrL2SpecType) {
		p.L2SpecType = uint8(get(a[AttrL2SpecType], 1))
	}
	if has(AttrL2SpecLen) {
		p.L2SpecLen = uint8(get(a[AttrL2SpecLen], 1))
	}
	if has(AttrUDPCsum) {
		p.UDPCsum = get(a[AttrUDPCsum], 1) != 0
	}
	p.UDP6CsumTX = !has(AttrUDPZeroCsum6TX)
	p.UDP6CsumRX = !has(AttrUDPZeroCsum6RX)
	if has(AttrCookie) {
		p.Cookie = append([]byte{}, a[AttrCookie]...)
	}
	if has(AttrPeerCookie) {
		p.PeerCookie = append([]byte{}, a[AttrPeerCookie]...)
	}
	if has(AttrRecvSeq) {
		p.RecvSeq = get(a[AttrRecvSeq], 1) != 0
	}
	if has(AttrSendSeq) {
		p.SendSeq = get(a[AttrSendSeq], 1) != 0
	}
	if has(AttrRecvTimeout) {
		p.ReorderTimeout = int32(get(a[AttrRecvTimeout], 8))
	}
	addr := func(v4, v6 int, family *int, dst *[]byte) error {
		rta, f, n := a[v4], unix.AF_INET, 4
		if rta == nil {
			rta, f, n = a[v6], unix.AF_INET6, 16
		}
		*family = f
		if rta == nil {
			return nil
		}
		if len(rta) != n {
			return ErrBadAddress
		}
		*dst = append([]byte{}, rta...)
		return nil
	}
	if err := addr(AttrIPSaddr, AttrIP6Saddr, &p.LocalFamily, &p.Local); err != nil {
		return err
	}
	if err := addr(AttrIPDaddr, AttrIP6Daddr, &p.PeerFamily, &p.Peer); err != nil {
		return err
	}
	if has(AttrUDPSport) {
		p.LocalUDPPort = uint16(get(a[AttrUDPSport], 2))
	}
	if has(AttrUDPDport) {
		p.PeerUDPPort = uint16(get(a[AttrUDPDport], 2))
	}
	if has(AttrIfName) {
		name := a[AttrIfName]
		for i, c := range name {
			if c == 0 {
				name = name[:i]
				break
			}
		}
		p.IfName, p.HasIfName = string(name), true
	}
	if has(AttrStats) && s != nil {
		for it := rtnl.NewAttrs(a[AttrStats]); it.Next(); {
			v := get(it.Data(), 8)
			switch it.Type() {
			case 1:
				s.TxPackets = v
			case 2:
				s.TxBytes = v
			case 3:
				s.TxErrors = v
			case 4:
				s.RxPackets = v
			case 5:
				s.RxBytes = v
			case 6:
				s.RxOOSDiscards = v
			case 7:
				s.RxOOSPackets = v
			case 8:
				s.RxErrors = v
			}
		}
	}
	return nil
}

// Tunnels lists the tunnels.
func Tunnels(ctx context.Context, c *genl.Conn) ([]Params, error) {
	return list(ctx, c, TunnelGetRequest(0))
}

// Sessions lists the sessions.
func Sessions(ctx context.Context, c *genl.Conn) ([]Params, error) {
	return list(ctx, c, SessionGetRequest(0, 0))
}

func list(ctx context.Context, c *genl.Conn, req []byte) ([]Params, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return nil, err
	}
	var out []Params
	err = c.DumpContext(ctx, netlink.HeaderType(f.ID), req, func(m netlink.Message) error {
		var p Params
		if err := p.Apply(nil, m.Data); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// CreateTunnel creates the tunnel p describes.
func CreateTunnel(ctx context.Context, c *genl.Conn, p Params) error {
	return exec(ctx, c, TunnelCreateRequest(p))
}

// DeleteTunnel deletes tunnel tunnelID.
func DeleteTunnel(ctx context.Context, c *genl.Conn, tunnelID uint32) error {
	return exec(ctx, c, TunnelDeleteRequest(tunnelID))
}

// CreateSession creates the session p describes.
func CreateSession(ctx context.Context, c *genl.Conn, p Params) error {
	return exec(ctx, c, SessionCreateRequest(p))
}

// DeleteSession deletes session sessionID of tunnel tunnelID.
func DeleteSession(ctx context.Context, c *genl.Conn, tunnelID, sessionID uint32) error {
	return exec(ctx, c, SessionDeleteRequest(tunnelID, sessionID))
}

func exec(ctx context.Context, c *genl.Conn, body []byte) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(f.ID), 0, body)
}
