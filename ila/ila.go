// Package ila is the kernel's Identifier-Locator Addressing mappings over
// generic netlink (family "ila").
//
// Requests are encoded as iproute2 6.1's ip ila encodes them (derived
// from its source: this kernel has no ila family to capture them from).
package ila

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// FamilyName is the generic netlink family of ILA.
const FamilyName = "ila"

// Version is ILA_GENL_VERSION.
const Version = 1

// Commands (ILA_CMD_*).
const (
	CmdAdd   = 1
	CmdDel   = 2
	CmdGet   = 3
	CmdFlush = 4
)

// Attributes (ILA_ATTR_*).
const (
	AttrLocator      = 1 // u64
	AttrIdentifier   = 2 // u64
	AttrLocatorMatch = 3 // u64
	AttrIfIndex      = 4 // s32
	AttrDir          = 5 // u32
	AttrPad          = 6
	AttrCsumMode     = 7 // u8
	AttrIdentType    = 8 // u8
	AttrHookType     = 9 // u8
	attrMax          = AttrHookType
)

// Checksum modes (ILA_CSUM_*) and their words.
var CsumModes = []struct {
	Name string
	Mode uint8
}{
	{"adj-transport", 0},
	{"neutral-map", 1},
	{"neutral-map-auto", 3},
	{"no-action", 2},
}

// CsumModeName is ila_csum_mode2name.
func CsumModeName(m uint8) string {
	for _, c := range CsumModes {
		if c.Mode == m {
			return c.Name
		}
	}
	return "unknown"
}

// Identifier types (ILA_ATYPE_*) that can be configured, and their words.
var IdentTypes = []struct {
	Name string
	Type uint8
}{
	{"luid", 1},
	{"use-format", 32},
}

// IdentTypeName is ila_ident_type2name.
func IdentTypeName(t uint8) string {
	switch t {
	case 0:
		return "iid"
	case 1:
		return "luid"
	case 2:
		return "virt-v4"
	case 3:
		return "virt-uni-v6"
	case 4:
		return "virt-multi-v6"
	case 5:
		return "nonlocal-addr"
	case 32:
		return "use-format"
	}
	return "unknown"
}

// Mapping is one ILA mapping, or the selector of a request: a field
// whose Has bit is unset is left out.
type Mapping struct {
	// LocatorMatch and Locator are 64-bit locators as they are on the
	// wire (network order words in a native u64).
	LocatorMatch    uint64
	HasLocatorMatch bool
	Locator         uint64
	HasLocator      bool
	IfIndex         int32
	HasIfIndex      bool
	CsumMode        uint8
	HasCsumMode     bool
	IdentType       uint8
	HasIdentType    bool
}

// Request returns the body of cmd (CmdAdd, CmdDel) for m, in iproute2's
// order: locator match, locator, device, checksum mode, identifier type.
func Request(cmd uint8, m Mapping) []byte {
	b := genl.Header(cmd, Version)
	if m.HasLocatorMatch {
		b = genl.AppendAttr(b, AttrLocatorMatch, binary.NativeEndian.AppendUint64(nil, m.LocatorMatch))
	}
	if m.HasLocator {
		b = genl.AppendAttr(b, AttrLocator, binary.NativeEndian.AppendUint64(nil, m.Locator))
	}
	if m.HasIfIndex {
		b = genl.AppendAttr(b, AttrIfIndex, binary.NativeEndian.AppendUint32(nil, uint32(m.IfIndex)))
	}
	if m.HasCsumMode {
		b = genl.AppendAttr(b, AttrCsumMode, []byte{m.CsumMode})
	}
	if m.HasIdentType {
		b = genl.AppendAttr(b, AttrIdentType, []byte{m.IdentType})
	}
	return b
}

// DumpRequest is the body of the mapping dump (CmdGet, NLM_F_DUMP).
func DumpRequest() []byte { return genl.Header(CmdGet, Version) }

// Parse decodes a mapping message body; ok is false when it is shorter
// than a genlmsghdr. The last of a repeated attribute counts.
func Parse(body []byte) (m Mapping, ok bool) {
	_, attrs, ok := genl.Split(body)
	if !ok {
		return m, false
	}
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		var v [8]byte
		copy(v[:], a.Data())
		u64 := binary.NativeEndian.Uint64(v[:])
		switch a.Type() {
		case AttrLocatorMatch:
			m.LocatorMatch, m.HasLocatorMatch = u64, true
		case AttrLocator:
			m.Locator, m.HasLocator = u64, true
		case AttrIfIndex:
			m.IfIndex, m.HasIfIndex = int32(binary.NativeEndian.Uint32(v[:])), true
		case AttrCsumMode:
			m.CsumMode, m.HasCsumMode = v[0], true
		case AttrIdentType:
			m.IdentType, m.HasIdentType = v[0], true
		}
	}
	return m, true
}

// List lists the ILA mappings.
func List(ctx context.Context, c *genl.Conn) ([]Mapping, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return nil, err
	}
	var list []Mapping
	err = c.DumpContext(ctx, netlink.HeaderType(f.ID), DumpRequest(), func(reply netlink.Message) error {
		if m, ok := Parse(reply.Data); ok {
			list = append(list, m)
		}
		return nil
	})
	return list, err
}

// Add adds mapping m.
func Add(ctx context.Context, c *genl.Conn, m Mapping) error { return exec(ctx, c, Request(CmdAdd, m)) }

// Delete deletes the mapping m selects.
func Delete(ctx context.Context, c *genl.Conn, m Mapping) error {
	return exec(ctx, c, Request(CmdDel, m))
}

func exec(ctx context.Context, c *genl.Conn, body []byte) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(f.ID), 0, body)
}
