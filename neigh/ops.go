package neigh

import (
	"context"
	"net"
	"net/netip"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Neighbor is one neighbour table entry (an ARP or NDP entry, or a proxy
// entry) as a Go program sees it. It owns its memory.
type Neighbor struct {
	// Family is unix.AF_INET or unix.AF_INET6 (0 when adding: Addr's).
	Family int
	// Index is the device's interface index.
	Index int
	// Addr is the protocol address.
	Addr netip.Addr
	// LLAddr is the link-layer address; nil for none.
	LLAddr net.HardwareAddr
	// State is the NUD_* state (unix.NUD_REACHABLE, …); when adding, 0
	// means permanent, as ip neigh add's default.
	State uint16
	// Flags are the NTF_* flags (unix.NTF_PROXY, unix.NTF_ROUTER, …).
	Flags uint8
	// Protocol is who added the entry (NDA_PROTOCOL); 0 for not said.
	Protocol uint8
}

// FromMessage copies a decoded message into an owned Neighbor.
func FromMessage(m *Message) Neighbor {
	n := Neighbor{Family: int(m.Family), Index: int(m.Index), State: m.State, Flags: m.Flags, Protocol: m.Protocol}
	if a, ok := netip.AddrFromSlice(m.Dst); ok {
		n.Addr = a
	}
	if m.HasLLAddr {
		n.LLAddr = append(net.HardwareAddr(nil), m.LLAddr...)
	}
	return n
}

// Filter selects what List asks the kernel for; the zero Filter is every
// entry of every family (the proxy table excepted).
type Filter struct {
	// Family is unix.AF_INET, unix.AF_INET6 or 0 for both.
	Family int
	// Index, when not 0, is the one device whose entries are listed.
	Index int
	// Master, when not 0, lists entries of the devices enslaved to it.
	Master int
	// Proxy lists the proxy table instead.
	Proxy bool
}

// DumpRequest encodes an RTM_GETNEIGH dump request as ip neigh show sends
// it: the family, NTF_PROXY for the proxy table, NDA_IFINDEX and NDA_MASTER
// when asked for.
func DumpRequest(family int, index, master uint32, hasMaster bool, flags uint8) ([]byte, error) {
	ae := netlink.NewAttributeEncoder()
	if index != 0 {
		ae.Uint32(unix.NDA_IFINDEX, index)
	}
	if hasMaster {
		ae.Uint32(unix.NDA_MASTER, master)
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(Header(uint8(family), 0, 0, flags), attrs...), nil
}

// Dump streams the neighbour messages the request asks for to fn. This is
// the zero-copy form: the message aliases the receive buffer and is valid
// only during the call.
func Dump(ctx context.Context, c *rtnl.Conn, req []byte, fn func(netlink.Message) error) error {
	return c.DumpContext(ctx, unix.RTM_GETNEIGH, req, fn)
}

// List returns the neighbour entries f selects, as owned values.
func List(ctx context.Context, c *rtnl.Conn, f Filter) ([]Neighbor, error) {
	var flags uint8
	if f.Proxy {
		flags = unix.NTF_PROXY
	}
	req, err := DumpRequest(f.Family, uint32(f.Index), uint32(f.Master), f.Master != 0, flags)
	if err != nil {
		return nil, err
	}
	var out []Neighbor
	var m Message
	err = Dump(ctx, c, req, func(msg netlink.Message) error {
		if msg.Header.Type != unix.RTM_NEWNEIGH || !DecodeMessage(msg.Data, &m) {
			return nil
		}
		if f.Family != 0 && int(m.Family) != f.Family {
			return nil
		}
		out = append(out, FromMessage(&m))
		return nil
	})
	return out, err
}

// Request encodes an RTM_NEWNEIGH or RTM_DELNEIGH body for n as ip neigh
// add|replace|del lays it out: the header, NDA_PROTOCOL (when set),
// NDA_DST, then NDA_LLADDR (when set). The grammar encodes its words with
// the same Header and attribute numbers.
func Request(n Neighbor) ([]byte, error) {
	fam := n.Family
	if fam == 0 {
		fam = AddrFamily(n.Addr)
	}
	state := n.State
	if state == 0 {
		state = unix.NUD_PERMANENT
	}
	ae := netlink.NewAttributeEncoder()
	if n.Protocol != 0 {
		ae.Uint8(AttrProtocol, n.Protocol)
	}
	ae.Bytes(unix.NDA_DST, n.Addr.AsSlice())
	if n.LLAddr != nil {
		ae.Bytes(unix.NDA_LLADDR, n.LLAddr)
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(Header(uint8(fam), int32(n.Index), state, n.Flags), attrs...), nil
}

// AddrFamily is the address family of a (unix.AF_INET for an IPv4 or
// IPv4-mapped address, unix.AF_INET6 otherwise; 0 for the zero Addr).
func AddrFamily(a netip.Addr) int {
	switch {
	case !a.IsValid():
		return 0
	case a.Is4():
		return unix.AF_INET
	}
	return unix.AF_INET6
}

func modify(ctx context.Context, c *rtnl.Conn, cmd uint16, flags netlink.HeaderFlags, n Neighbor) error {
	body, err := Request(n)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(cmd), flags, body)
}

// Add adds n (ip neigh add): the kernel refuses an entry that exists.
func Add(ctx context.Context, c *rtnl.Conn, n Neighbor) error {
	return modify(ctx, c, unix.RTM_NEWNEIGH, rtnl.Create|rtnl.Excl, n)
}

// Replace adds n or replaces the entry for its address and device (ip
// neigh replace).
func Replace(ctx context.Context, c *rtnl.Conn, n Neighbor) error {
	return modify(ctx, c, unix.RTM_NEWNEIGH, rtnl.Create|rtnl.Replace, n)
}

// Delete deletes the entry for n's address on n's device (ip neigh del);
// only Index, Addr and the proxy flag matter.
func Delete(ctx context.Context, c *rtnl.Conn, n Neighbor) error {
	return modify(ctx, c, unix.RTM_DELNEIGH, 0, n)
}
