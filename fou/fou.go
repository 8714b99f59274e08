// Package fou is the kernel's foo-over-UDP and GUE receive ports over
// generic netlink (family "fou").
//
// Requests are encoded as iproute2 6.1's ip fou encodes them (derived
// from its source: this kernel has no fou family to capture them from).
package fou

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FamilyName is the generic netlink family of fou.
const FamilyName = "fou"

// Version is FOU_GENL_VERSION.
const Version = 1

// Commands (FOU_CMD_*).
const (
	CmdAdd = 1
	CmdDel = 2
	CmdGet = 3
)

// Attributes (FOU_ATTR_*).
const (
	AttrPort             = 1 // be16
	AttrAF               = 2 // u8
	AttrIPProto          = 3 // u8
	AttrType             = 4 // u8
	AttrRemcsumNoPartial = 5 // flag
	AttrLocalV4          = 6
	AttrLocalV6          = 7
	AttrPeerV4           = 8
	AttrPeerV6           = 9
	AttrPeerPort         = 10 // be16
	AttrIfIndex          = 11 // s32
	attrMax              = AttrIfIndex
)

// Encapsulation types (FOU_ENCAP_*).
const (
	EncapDirect = 1
	EncapGUE    = 2
)

// Port is one fou receive port, or the selector of a request.
type Port struct {
	// Port is the UDP port (host order).
	Port uint16
	// Type is EncapDirect or EncapGUE.
	Type uint8
	// Family is AF_INET or AF_INET6.
	Family uint8
	// IPProto is the protocol carried (direct encapsulation), when
	// HasIPProto.
	IPProto    uint8
	HasIPProto bool
	// Local and Peer are the bound addresses (4 or 16 bytes; nil for
	// none); PeerPort is the peer's port (host order, 0 for none).
	Local, Peer []byte
	PeerPort    uint16
	// IfIndex is the device the port is bound to, 0 for none.
	IfIndex int32
}

// Request returns the body of cmd (CmdAdd, CmdDel) for p, in iproute2's
// order: port, type, family, ipproto, local, peer, peer port (only with
// a peer), device.
func Request(cmd uint8, p Port) []byte {
	b := genl.Header(cmd, Version)
	b = genl.AppendAttr(b, AttrPort, binary.BigEndian.AppendUint16(nil, p.Port))
	b = genl.AppendAttr(b, AttrType, []byte{p.Type})
	b = genl.AppendAttr(b, AttrAF, []byte{p.Family})
	if p.HasIPProto {
		b = genl.AppendAttr(b, AttrIPProto, []byte{p.IPProto})
	}
	local, peer := uint16(AttrLocalV6), uint16(AttrPeerV6)
	if p.Family == unix.AF_INET {
		local, peer = AttrLocalV4, AttrPeerV4
	}
	if p.Local != nil {
		b = genl.AppendAttr(b, local, p.Local)
	}
	if p.Peer != nil {
		b = genl.AppendAttr(b, peer, p.Peer)
		if p.PeerPort != 0 {
			b = genl.AppendAttr(b, AttrPeerPort, binary.BigEndian.AppendUint16(nil, p.PeerPort))
		}
	}
	if p.IfIndex != 0 {
		b = genl.AppendAttr(b, AttrIfIndex, binary.NativeEndian.AppendUint32(nil, uint32(p.IfIndex)))
	}
	return b
}

// DumpRequest is the body of the port dump (CmdGet, NLM_F_DUMP).
func DumpRequest() []byte { return genl.Header(CmdGet, Version) }

// Message is a decoded fou message: its attributes by number (nil when
// absent; they alias the message).
type Message struct {
	Attrs [attrMax + 1][]byte
}

// Parse decodes a fou message body; ok is false when it is shorter than
// a genlmsghdr. The last of a repeated attribute counts.
func Parse(body []byte) (m Message, ok bool) {
	_, attrs, ok := genl.Split(body)
	if !ok {
		return m, false
	}
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		if t := a.Type(); t != 0 && t <= attrMax {
			m.Attrs[t] = a.Data()
		}
	}
	return m, true
}

func first(b []byte, n int) []byte {
	v := make([]byte, n)
	copy(v, b)
	return v
}

// Port returns the port m describes (addresses copied; the family is
// AF_INET when m has none).
func (m *Message) Port() Port {
	a := &m.Attrs
	p := Port{Family: unix.AF_INET}
	p.Port = binary.BigEndian.Uint16(first(a[AttrPort], 2))
	p.Type = first(a[AttrType], 1)[0]
	if a[AttrAF] != nil {
		p.Family = first(a[AttrAF], 1)[0]
	}
	if a[AttrIPProto] != nil {
		p.IPProto, p.HasIPProto = first(a[AttrIPProto], 1)[0], true
	}
	local, peer, n := AttrLocalV6, AttrPeerV6, 16
	if p.Family == unix.AF_INET {
		local, peer, n = AttrLocalV4, AttrPeerV4, 4
	}
	if a[local] != nil {
		p.Local = first(a[local], n)
	}
	if a[peer] != nil {
		p.Peer = first(a[peer], n)
	}
	p.PeerPort = binary.BigEndian.Uint16(first(a[AttrPeerPort], 2))
	p.IfIndex = int32(binary.NativeEndian.Uint32(first(a[AttrIfIndex], 4)))
	return p
}

// List lists the fou ports.
func List(ctx context.Context, c *genl.Conn) ([]Port, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return nil, err
	}
	var list []Port
	err = c.DumpContext(ctx, netlink.HeaderType(f.ID), DumpRequest(), func(reply netlink.Message) error {
		if m, ok := Parse(reply.Data); ok {
			list = append(list, m.Port())
		}
		return nil
	})
	return list, err
}

// Add adds port p.
func Add(ctx context.Context, c *genl.Conn, p Port) error { return exec(ctx, c, Request(CmdAdd, p)) }

// Delete deletes the port p selects.
func Delete(ctx context.Context, c *genl.Conn, p Port) error { return exec(ctx, c, Request(CmdDel, p)) }

func exec(ctx context.Context, c *genl.Conn, body []byte) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(f.ID), 0, body)
}
