// Package genl is the small part of generic netlink gip needs: a socket
// (an rtnl.Conn on NETLINK_GENERIC), the genlmsghdr every message starts
// with, and the controller's family lookup by name, cached per connection,
// with the family's multicast groups for monitors.
//
// The requests are the ones iproute2's libgenl sends (genl_resolve_family,
// genl_add_mcast_grp), byte for byte after the netlink header.
package genl

import (
	"context"
	"encoding/binary"
	"errors"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// HeaderLen is the size of struct genlmsghdr.
const HeaderLen = 4

// The controller family and what gip asks of it.
const (
	// IDCtrl is GENL_ID_CTRL, the controller's fixed message type.
	IDCtrl = 0x10
	// CmdNewFamily is CTRL_CMD_NEWFAMILY, the controller's answer.
	CmdNewFamily = 1
	// CmdGetFamily is CTRL_CMD_GETFAMILY.
	CmdGetFamily = 3

	attrFamilyID   = 1 // CTRL_ATTR_FAMILY_ID, u16
	attrFamilyName = 2 // CTRL_ATTR_FAMILY_NAME, string
	attrVersion    = 3 // CTRL_ATTR_VERSION, u32
	attrMcastGrps  = 7 // CTRL_ATTR_MCAST_GROUPS, nested
	grpAttrName    = 1 // CTRL_ATTR_MCAST_GRP_NAME
	grpAttrID      = 2 // CTRL_ATTR_MCAST_GRP_ID
)

// Header returns a genlmsghdr for command cmd of version version.
func Header(cmd, version uint8) []byte { return []byte{cmd, version, 0, 0} }

// Split returns the command of a generic netlink message body and its
// attributes; ok is false when the body is shorter than a genlmsghdr.
func Split(body []byte) (cmd uint8, attrs []byte, ok bool) {
	if len(body) < HeaderLen {
		return 0, nil, false
	}
	return body[0], body[HeaderLen:], true
}

// Family is a generic netlink family as the controller describes it.
type Family struct {
	// ID is the family's message type.
	ID uint16
	// Version is the family's version (CTRL_ATTR_VERSION).
	Version uint32
	// Groups maps the family's multicast group names to their ids.
	Groups map[string]uint32
}

// Conn is a generic netlink socket with a cache of the families it has
// looked up. It is not safe for concurrent use.
type Conn struct {
	*rtnl.Conn
	families map[string]Family
}

// Dial opens a generic netlink socket in the namespace open at nsFD (-1:
// the caller's), as rtnl.Dial does for rtnetlink.
func Dial(nsFD int) (*Conn, error) {
	c, err := rtnl.DialProto(nsFD, unix.NETLINK_GENERIC)
	if err != nil {
		return nil, err
	}
	return &Conn{Conn: c}, nil
}

// FamilyRequest is the body of iproute2's genl_resolve_family request:
// CTRL_CMD_GETFAMILY (version 0) with CTRL_ATTR_FAMILY_NAME, the name and
// its NUL. It is sent to IDCtrl without NLM_F_ACK.
func FamilyRequest(name string) []byte {
	b := Header(CmdGetFamily, 0)
	return appendAttr(b, attrFamilyName, append([]byte(name), 0))
}

// GroupsRequest is the body of iproute2's genl_add_mcast_grp request:
// CTRL_CMD_GETFAMILY with CTRL_ATTR_FAMILY_ID.
func GroupsRequest(id uint16) []byte {
	b := Header(CmdGetFamily, 0)
	return appendAttr(b, attrFamilyID, binary.NativeEndian.AppendUint16(nil, id))
}

// Family looks the family name up, once per connection. A family the
// kernel lacks is its *rtnl.Error (ENOENT).
func (c *Conn) Family(ctx context.Context, name string) (Family, error) {
	if f, ok := c.families[name]; ok {
		return f, nil
	}
	m, err := c.QueryContext(ctx, IDCtrl, 0, FamilyRequest(name))
	if err != nil {
		return Family{}, err
	}
	f, err := ParseFamily(m.Data)
	if err != nil {
		return Family{}, err
	}
	if uint16(m.Header.Type) != IDCtrl {
		return Family{}, ErrNotController
	}
	if c.families == nil {
		c.families = map[string]Family{}
	}
	c.families[name] = f
	return f, nil
}

// Group returns the id of the multicast group named group of the family
// with id id, asking the controller by id as genl_add_mcast_grp does. A
// family without such a group is unix.ENOENT.
func (c *Conn) Group(ctx context.Context, id uint16, group string) (uint32, error) {
	m, err := c.QueryContext(ctx, IDCtrl, 0, GroupsRequest(id))
	if err != nil {
		return 0, err
	}
	if uint16(m.Header.Type) != IDCtrl {
		return 0, unix.EINVAL
	}
	f, err := ParseFamily(m.Data)
	if err != nil && !errors.Is(err, ErrNoFamilyID) {
		return 0, unix.EINVAL
	}
	g, ok := f.Groups[group]
	if !ok {
		return 0, unix.ENOENT
	}
	return g, nil
}

// Errors of a controller answer that is not what was asked for, in
// libgenl's words.
var (
	ErrNotController = errors.New("Not a controller message")
	ErrNoFamilyID    = errors.New("Missing family id TLV")
	ErrShort         = errors.New("wrong controller message len")
	ErrUnknownCmd    = errors.New("Unknown controller command")
)

// ParseFamily decodes a CTRL_CMD_NEWFAMILY body.
func ParseFamily(body []byte) (Family, error) {
	var f Family
	cmd, attrs, ok := Split(body)
	if !ok {
		return f, ErrShort
	}
	if cmd != CmdNewFamily {
		return f, ErrUnknownCmd
	}
	haveID := false
	a := rtnl.NewAttrs(attrs)
	for a.Next() {
		switch a.Type() {
		case attrFamilyID:
			if d := a.Data(); len(d) >= 2 {
				f.ID, haveID = binary.NativeEndian.Uint16(d), true
			}
		case attrVersion:
			if d := a.Data(); len(d) >= 4 {
				f.Version = binary.NativeEndian.Uint32(d)
			}
		case attrMcastGrps:
			f.Groups = parseGroups(a.Data())
		}
	}
	if !haveID {
		return f, ErrNoFamilyID
	}
	return f, nil
}

func parseGroups(b []byte) map[string]uint32 {
	groups := map[string]uint32{}
	outer := rtnl.NewAttrs(b)
	for outer.Next() {
		var name string
		var id uint32
		haveName, haveID := false, false
		in := rtnl.NewAttrs(outer.Data())
		for in.Next() {
			switch in.Type() {
			case grpAttrName:
				name, haveName = string(in.CString()), true
			case grpAttrID:
				if d := in.Data(); len(d) >= 4 {
					id, haveID = binary.NativeEndian.Uint32(d), true
				}
			}
		}
		if _, dup := groups[name]; haveName && haveID && !dup {
			groups[name] = id
		}
	}
	return groups
}

// AppendAttr appends one netlink attribute (header, data, padding) to b.
func AppendAttr(b []byte, typ uint16, data []byte) []byte { return appendAttr(b, typ, data) }

func appendAttr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
