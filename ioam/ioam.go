// Package ioam is IPv6 In-situ OAM's namespaces and schemas over generic
// netlink (family "IOAM6").
//
// Requests are encoded as iproute2 6.1's ip ioam encodes them.
package ioam

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// FamilyName is the generic netlink family of IOAM6.
const FamilyName = "IOAM6"

// Version is IOAM6_GENL_VERSION.
const Version = 1

// MaxSchemaData is IOAM6_MAX_SCHEMA_DATA_LEN, the longest schema data.
const MaxSchemaData = 255 * 4

// Commands (IOAM6_CMD_*).
const (
	CmdAddNamespace   = 1
	CmdDelNamespace   = 2
	CmdDumpNamespaces = 3
	CmdAddSchema      = 4
	CmdDelSchema      = 5
	CmdDumpSchemas    = 6
	CmdNSSetSchema    = 7
)

// Attributes (IOAM6_ATTR_*).
const (
	AttrNSID       = 1 // u16
	AttrNSData     = 2 // u32
	AttrNSDataWide = 3 // u64
	AttrSCID       = 4 // u32
	AttrSCData     = 5 // bytes
	AttrSCNone     = 6 // flag
	AttrPad        = 7

	attrMax = AttrPad
)

// Namespace is one IOAM namespace; Has* say which optional fields are
// set.
type Namespace struct {
	ID          uint16
	Data        uint32
	HasData     bool
	DataWide    uint64
	HasDataWide bool
	// Schema is the schema the namespace is bound to, when HasSchema.
	Schema    uint32
	HasSchema bool
}

// Schema is one IOAM schema.
type Schema struct {
	ID   uint32
	Data []byte
	// Namespace is the namespace bound to the schema, when HasNamespace.
	Namespace    uint16
	HasNamespace bool
}

func u16(v uint16) []byte { return binary.NativeEndian.AppendUint16(nil, v) }
func u32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// AddNamespaceRequest is the body of CmdAddNamespace: id, then data and
// wide data when set.
func AddNamespaceRequest(ns Namespace) []byte {
	b := genl.AppendAttr(genl.Header(CmdAddNamespace, Version), AttrNSID, u16(ns.ID))
	if ns.HasData {
		b = genl.AppendAttr(b, AttrNSData, u32(ns.Data))
	}
	if ns.HasDataWide {
		b = genl.AppendAttr(b, AttrNSDataWide, binary.NativeEndian.AppendUint64(nil, ns.DataWide))
	}
	return b
}

// DelNamespaceRequest is the body of CmdDelNamespace.
func DelNamespaceRequest(id uint16) []byte {
	return genl.AppendAttr(genl.Header(CmdDelNamespace, Version), AttrNSID, u16(id))
}

// SetSchemaRequest is the body of CmdNSSetSchema: bind namespace ns to
// schema sc, or unbind it when none.
func SetSchemaRequest(ns uint16, sc uint32, none bool) []byte {
	b := genl.AppendAttr(genl.Header(CmdNSSetSchema, Version), AttrNSID, u16(ns))
	if none {
		return genl.AppendAttr(b, AttrSCNone, nil)
	}
	return genl.AppendAttr(b, AttrSCID, u32(sc))
}

// AddSchemaRequest is the body of CmdAddSchema.
func AddSchemaRequest(s Schema) []byte {
	b := genl.AppendAttr(genl.Header(CmdAddSchema, Version), AttrSCID, u32(s.ID))
	return genl.AppendAttr(b, AttrSCData, s.Data)
}

// DelSchemaRequest is the body of CmdDelSchema.
func DelSchemaRequest(id uint32) []byte {
	return genl.AppendAttr(genl.Header(CmdDelSchema, Version), AttrSCID, u32(id))
}

// DumpRequest is the body of dump command cmd (CmdDumpNamespaces or
// CmdDumpSchemas, NLM_F_DUMP).
func DumpRequest(cmd uint8) []byte { return genl.Header(cmd, Version) }

// Message is a decoded IOAM6 message: its command and attributes by
// number (nil when absent; they alias the message).
type Message struct {
	Cmd   uint8
	Attrs [attrMax + 1][]byte
}

// Parse decodes an IOAM6 message body; ok is false when it is shorter
// than a genlmsghdr. The last of a repeated attribute counts.
func Parse(body []byte) (m Message, ok bool) {
	cmd, attrs, ok := genl.Split(body)
	if !ok {
		return m, false
	}
	m.Cmd = cmd
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		if t := a.Type(); t != 0 && t <= attrMax {
			m.Attrs[t] = a.Data()
		}
	}
	return m, true
}

func get(b []byte, n int) uint64 {
	var v [8]byte
	copy(v[:], b)
	switch n {
	case 2:
		return uint64(binary.NativeEndian.Uint16(v[:]))
	case 4:
		return uint64(binary.NativeEndian.Uint32(v[:]))
	}
	return binary.NativeEndian.Uint64(v[:])
}

// Namespace returns the namespace a CmdDumpNamespaces message holds.
func (m *Message) Namespace() Namespace {
	a := &m.Attrs
	return Namespace{
		ID:   uint16(get(a[AttrNSID], 2)),
		Data: uint32(get(a[AttrNSData], 4)), HasData: a[AttrNSData] != nil,
		DataWide: get(a[AttrNSDataWide], 8), HasDataWide: a[AttrNSDataWide] != nil,
		Schema: uint32(get(a[AttrSCID], 4)), HasSchema: a[AttrSCID] != nil,
	}
}

// Schema returns the schema a CmdDumpSchemas message holds (Data is a
// copy).
func (m *Message) Schema() Schema {
	a := &m.Attrs
	return Schema{
		ID:        uint32(get(a[AttrSCID], 4)),
		Data:      append([]byte{}, a[AttrSCData]...),
		Namespace: uint16(get(a[AttrNSID], 2)), HasNamespace: a[AttrNSID] != nil,
	}
}

// Namespaces lists the IOAM namespaces.
func Namespaces(ctx context.Context, c *genl.Conn) ([]Namespace, error) {
	var list []Namespace
	err := dump(ctx, c, CmdDumpNamespaces, func(m *Message) { list = append(list, m.Namespace()) })
	return list, err
}

// Schemas lists the IOAM schemas.
func Schemas(ctx context.Context, c *genl.Conn) ([]Schema, error) {
	var list []Schema
	err := dump(ctx, c, CmdDumpSchemas, func(m *Message) { list = append(list, m.Schema()) })
	return list, err
}

func dump(ctx context.Context, c *genl.Conn, cmd uint8, fn func(*Message)) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.DumpContext(ctx, netlink.HeaderType(f.ID), DumpRequest(cmd), func(reply netlink.Message) error {
		if m, ok := Parse(reply.Data); ok && m.Cmd == cmd {
			fn(&m)
		}
		return nil
	})
}

// AddNamespace adds namespace ns (its id, data and wide data).
func AddNamespace(ctx context.Context, c *genl.Conn, ns Namespace) error {
	return exec(ctx, c, AddNamespaceRequest(ns))
}

// DeleteNamespace deletes namespace id.
func DeleteNamespace(ctx context.Context, c *genl.Conn, id uint16) error {
	return exec(ctx, c, DelNamespaceRequest(id))
}

// SetSchema binds namespace ns to schema sc, or unbinds it when none.
func SetSchema(ctx context.Context, c *genl.Conn, ns uint16, sc uint32, none bool) error {
	return exec(ctx, c, SetSchemaRequest(ns, sc, none))
}

// AddSchema adds schema s.
func AddSchema(ctx context.Context, c *genl.Conn, s Schema) error {
	return exec(ctx, c, AddSchemaRequest(s))
}

// DeleteSchema deletes schema id.
func DeleteSchema(ctx context.Context, c *genl.Conn, id uint32) error {
	return exec(ctx, c, DelSchemaRequest(id))
}

func exec(ctx context.Context, c *genl.Conn, body []byte) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(f.ID), 0, body)
}
