// Package mptcp is the in-kernel MPTCP path manager over generic netlink
// (family "mptcp_pm"): its endpoints (the local addresses it announces
// or makes subflows from), its limits, and its events.
//
// Requests are encoded as iproute2 6.1's ip mptcp encodes them, in one
// fixed attribute order, so the typed operations and the command line
// send the same bytes.
package mptcp

import (
	"context"
	"encoding/binary"
	"net/netip"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FamilyName is the generic netlink family of the path manager.
const FamilyName = "mptcp_pm"

// EventGroup is the multicast group of the path manager's events.
const EventGroup = "mptcp_pm_events"

// Version is MPTCP_PM_VER, the version every request carries.
const Version = 1

// Commands (MPTCP_PM_CMD_*).
const (
	CmdAddAddr    = 1
	CmdDelAddr    = 2
	CmdGetAddr    = 3
	CmdFlushAddrs = 4
	CmdSetLimits  = 5
	CmdGetLimits  = 6
	CmdSetFlags   = 7
)

// Top-level attributes (MPTCP_PM_ATTR_*).
const (
	AttrAddr        = 1 // nested endpoint
	AttrRcvAddAddrs = 2 // u32
	AttrSubflows    = 3 // u32
)

// Endpoint attributes (MPTCP_PM_ADDR_ATTR_*).
const (
	AddrAttrFamily = 1 // u16
	AddrAttrID     = 2 // u8
	AddrAttrAddr4  = 3
	AddrAttrAddr6  = 4
	AddrAttrPort   = 5 // u16
	AddrAttrFlags  = 6 // u32
	AddrAttrIfIdx  = 7 // s32
)

// Endpoint flags (MPTCP_PM_ADDR_FLAG_*).
const (
	FlagSignal   = 1 << 0
	FlagSubflow  = 1 << 1
	FlagBackup   = 1 << 2
	FlagFullmesh = 1 << 3
	FlagImplicit = 1 << 4
)

// FlagNames are the endpoint flags' words, in the order iproute2 prints
// them; "nobackup" and "nofullmesh" set nothing.
var FlagNames = []struct {
	Name string
	Flag uint32
}{
	{"signal", FlagSignal},
	{"subflow", FlagSubflow},
	{"backup", FlagBackup},
	{"fullmesh", FlagFullmesh},
	{"nobackup", 0},
	{"nofullmesh", 0},
}

// Endpoint is one path-manager endpoint, or the selector of a request: a
// field whose Has bit (or non-zero value) is unset is left out.
type Endpoint struct {
	// ID is the endpoint id; HasID says it was given (0 is an id).
	ID    uint8
	HasID bool
	// Flags are FlagSignal, FlagSubflow, ...
	Flags uint32
	// IfIndex is the device the endpoint is bound to, 0 for none.
	IfIndex int32
	// Port is the port a signal endpoint listens on, 0 for none.
	Port uint16
	// Family is the address family sent or received (AF_INET, AF_INET6;
	// AF_UNSPEC with an empty Addr for `default`/`any`).
	Family uint16
	// Addr is the address's bytes (4 or 16; what a request holds).
	Addr []byte
	// HasAddr says an address was given.
	HasAddr bool
}

// IP returns the endpoint's address as a netip.Addr (invalid when it has
// none or it is not 4 or 16 bytes).
func (e Endpoint) IP() netip.Addr {
	a, _ := netip.AddrFromSlice(e.Addr)
	return a
}

// EndpointFromAddr returns an endpoint with address a.
func EndpointFromAddr(a netip.Addr) Endpoint {
	e := Endpoint{HasAddr: true, Family: unix.AF_INET6, Addr: a.AsSlice()}
	if a.Is4() {
		e.Family = unix.AF_INET
	}
	return e
}

// Request returns the body of path-manager command cmd for endpoint e:
// the genlmsghdr and MPTCP_PM_ATTR_ADDR holding id, flags, device, port,
// family and address, in that order, as iproute2 sends them.
func Request(cmd uint8, e Endpoint) []byte {
	b := genl.Header(cmd, Version)
	nest := len(b)
	b = append(b, 0, 0, 0, 0)
	if e.HasID {
		b = genl.AppendAttr(b, AddrAttrID, []byte{e.ID})
	}
	if e.Flags != 0 {
		b = genl.AppendAttr(b, AddrAttrFlags, binary.NativeEndian.AppendUint32(nil, e.Flags))
	}
	if e.IfIndex != 0 {
		b = genl.AppendAttr(b, AddrAttrIfIdx, binary.NativeEndian.AppendUint32(nil, uint32(e.IfIndex)))
	}
	if e.Port != 0 {
		b = genl.AppendAttr(b, AddrAttrPort, binary.NativeEndian.AppendUint16(nil, e.Port))
	}
	if e.HasAddr {
		b = genl.AppendAttr(b, AddrAttrFamily, binary.NativeEndian.AppendUint16(nil, e.Family))
		typ := uint16(AddrAttrAddr6)
		if e.Family == unix.AF_INET {
			typ = AddrAttrAddr4
		}
		b = genl.AppendAttr(b, typ, e.Addr)
	}
	binary.NativeEndian.PutUint16(b[nest:], uint16(len(b)-nest))
	binary.NativeEndian.PutUint16(b[nest+2:], AttrAddr|rtnl.NLAFNested)
	return b
}

// DumpRequest is the body of the endpoint dump (CmdGetAddr, NLM_F_DUMP).
func DumpRequest() []byte { return genl.Header(CmdGetAddr, Version) }

// FlushRequest is the body of CmdFlushAddrs.
func FlushRequest() []byte { return genl.Header(CmdFlushAddrs, Version) }

// Limits are the path manager's limits; a nil field is not set (in a
// request) or was not reported.
type Limits struct {
	// AddAddrAccepted is how many ADD_ADDRs are accepted per connection
	// (MPTCP_PM_ATTR_RCV_ADD_ADDRS).
	AddAddrAccepted *uint32
	// Subflows is the largest number of subflows per connection.
	Subflows *uint32
}

// LimitsRequest returns the body of cmd (CmdSetLimits or CmdGetLimits)
// with the limits set in l, add_addr_accepted first as iproute2 sends it.
func LimitsRequest(cmd uint8, l Limits) []byte {
	b := genl.Header(cmd, Version)
	if l.AddAddrAccepted != nil {
		b = genl.AppendAttr(b, AttrRcvAddAddrs, binary.NativeEndian.AppendUint32(nil, *l.AddAddrAccepted))
	}
	if l.Subflows != nil {
		b = genl.AppendAttr(b, AttrSubflows, binary.NativeEndian.AppendUint32(nil, *l.Subflows))
	}
	return b
}

// ParseEndpoint decodes an endpoint message's body (genlmsghdr and
// attributes). ok is false when the body has no MPTCP_PM_ATTR_ADDR (the
// NLA_F_NESTED bit is ignored); as in iproute2, the last of a repeated
// attribute counts. Addr is a copy.
func ParseEndpoint(body []byte) (e Endpoint, ok bool) {
	_, attrs, hdr := genl.Split(body)
	if !hdr {
		return e, false
	}
	var nest []byte
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		if a.Type()&^rtnl.NLAFNested == AttrAddr {
			nest, ok = a.Data(), true
		}
	}
	if !ok {
		return e, false
	}
	var addr4, addr6 []byte
	var have4, have6 bool
	for a := rtnl.NewAttrs(nest); a.Next(); {
		d := a.Data()
		switch a.Type() {
		case AddrAttrFamily:
			if len(d) >= 1 {
				e.Family = uint16(d[0]) // iproute2 reads it as a u8
			}
		case AddrAttrID:
			if len(d) >= 1 {
				e.ID, e.HasID = d[0], true
			}
		case AddrAttrAddr4:
			addr4, have4 = d, true
		case AddrAttrAddr6:
			addr6, have6 = d, true
		case AddrAttrPort:
			if len(d) >= 2 {
				e.Port = binary.NativeEndian.Uint16(d)
			}
		case AddrAttrFlags:
			if len(d) >= 4 {
				e.Flags = binary.NativeEndian.Uint32(d)
			}
		case AddrAttrIfIdx:
			if len(d) >= 4 {
				e.IfIndex = int32(binary.NativeEndian.Uint32(d))
			}
		}
	}
	if e.Family == unix.AF_INET {
		e.Addr, e.HasAddr = append([]byte(nil), addr4...), have4
	} else {
		e.Addr, e.HasAddr = append([]byte(nil), addr6...), have6
	}
	return e, true
}

// ParseLimits decodes a limits message's body.
func ParseLimits(body []byte) (l Limits, ok bool) {
	_, attrs, hdr := genl.Split(body)
	if !hdr {
		return l, false
	}
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		d := a.Data()
		if len(d) < 4 {
			continue
		}
		v := binary.NativeEndian.Uint32(d)
		switch a.Type() {
		case AttrRcvAddAddrs:
			l.AddAddrAccepted = &v
		case AttrSubflows:
			l.Subflows = &v
		}
	}
	return l, true
}

// Endpoints lists the path manager's endpoints.
func Endpoints(ctx context.Context, c *genl.Conn) ([]Endpoint, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return nil, err
	}
	var list []Endpoint
	err = c.DumpContext(ctx, rtnlType(f.ID), DumpRequest(), func(m netlink.Message) error {
		if e, ok := ParseEndpoint(m.Data); ok && uint16(m.Header.Type) == f.ID {
			list = append(list, e)
		}
		return nil
	})
	return list, err
}

// GetEndpoint returns the endpoint with id id.
func GetEndpoint(ctx context.Context, c *genl.Conn, id uint8) (Endpoint, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return Endpoint{}, err
	}
	m, err := c.QueryContext(ctx, rtnlType(f.ID), 0, Request(CmdGetAddr, Endpoint{ID: id, HasID: true}))
	if err != nil {
		return Endpoint{}, err
	}
	e, ok := ParseEndpoint(m.Data)
	if !ok {
		return Endpoint{}, unix.EINVAL
	}
	return e, nil
}

// AddEndpoint adds endpoint e.
func AddEndpoint(ctx context.Context, c *genl.Conn, e Endpoint) error {
	return exec(ctx, c, Request(CmdAddAddr, e))
}

// DeleteEndpoint deletes the endpoint e selects (its id; id 0 with an
// address).
func DeleteEndpoint(ctx context.Context, c *genl.Conn, e Endpoint) error {
	return exec(ctx, c, Request(CmdDelAddr, e))
}

// SetEndpointFlags changes the backup and fullmesh flags of the endpoint
// e selects to e.Flags.
func SetEndpointFlags(ctx context.Context, c *genl.Conn, e Endpoint) error {
	return exec(ctx, c, Request(CmdSetFlags, e))
}

// FlushEndpoints deletes every endpoint.
func FlushEndpoints(ctx context.Context, c *genl.Conn) error {
	return exec(ctx, c, FlushRequest())
}

// GetLimits returns the path manager's limits.
func GetLimits(ctx context.Context, c *genl.Conn) (Limits, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return Limits{}, err
	}
	m, err := c.QueryContext(ctx, rtnlType(f.ID), 0, LimitsRequest(CmdGetLimits, Limits{}))
	if err != nil {
		return Limits{}, err
	}
	l, _ := ParseLimits(m.Data)
	return l, nil
}

// SetLimits sets the limits given in l.
func SetLimits(ctx context.Context, c *genl.Conn, l Limits) error {
	return exec(ctx, c, LimitsRequest(CmdSetLimits, l))
}

func exec(ctx context.Context, c *genl.Conn, body []byte) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, rtnlType(f.ID), 0, body)
}

func rtnlType(id uint16) netlink.HeaderType { return netlink.HeaderType(id) }
