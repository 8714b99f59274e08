package addr

import (
	"context"
	"encoding/binary"
	"errors"
	"net/netip"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Forever is the lifetime of an address that does not expire
// (INFINITY_LIFE_TIME), printed as "forever".
const Forever = 0xffffffff

// Address is one interface address, as List returns it and Add and Delete
// take it. It owns its memory.
type Address struct {
	// Index is the ifindex of the link the address is on.
	Index int
	// Prefix is the address (IFA_LOCAL) and its prefix length.
	Prefix netip.Prefix
	// Peer is the other end of a point-to-point link (IFA_ADDRESS when
	// it differs from the local address); the prefix length is then the
	// peer's. The zero Addr: none.
	Peer netip.Addr
	// Broadcast and Anycast are IFA_BROADCAST and IFA_ANYCAST.
	Broadcast, Anycast netip.Addr
	// Label is the IPv4 address label (IFA_LABEL), "eth0:1" for example.
	Label string
	// Scope is the address scope (RT_SCOPE_*). Add with scope 0 (global)
	// uses iproute2's default: host for 127.0.0.0/8.
	Scope uint8
	// Flags are the IFA_F_* flags (IFA_F_NODAD, IFA_F_NOPREFIXROUTE…).
	Flags uint32
	// Metric is the priority of the prefix route (IFA_RT_PRIORITY).
	Metric uint32
	// ValidLifetime and PreferredLifetime are in seconds (Forever: no
	// end). Add sends them only when ValidLifetime is not 0; List fills
	// them from the kernel's cache info.
	ValidLifetime, PreferredLifetime uint32
}

// Family is the address family, unix.AF_INET or unix.AF_INET6 (0 for no
// address).
func (a *Address) Family() int {
	switch addr := a.Prefix.Addr(); {
	case addr.Is4():
		return unix.AF_INET
	case addr.Is6():
		return unix.AF_INET6
	}
	return unix.AF_UNSPEC
}

// Filter selects the addresses List returns; its zero value selects all.
type Filter struct {
	// Index, when not 0, selects the addresses of that link.
	Index int
	// Family, when not 0, selects unix.AF_INET or unix.AF_INET6.
	Family int
}

// List returns the addresses of c's namespace that f selects, in the
// kernel's order, each owning its memory.
func List(ctx context.Context, c *rtnl.Conn, f Filter) ([]Address, error) {
	var out []Address
	var a Addr
	err := c.DumpContext(ctx, unix.RTM_GETADDR, rtnl.IfAddrmsg{Family: uint8(f.Family)}.Append(nil), func(m netlink.Message) error {
		if m.Header.Type != unix.RTM_NEWADDR {
			return nil
		}
		if err := decodeInto(&a, m.Data); err != nil {
			return err
		}
		if (f.Index != 0 && int(a.Index) != f.Index) || (f.Family != 0 && int(a.Family) != f.Family) {
			return nil
		}
		out = append(out, a.owned())
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// owned converts a decoded message (which may alias its buffer) into an
// Address that owns its memory.
func (a *Addr) owned() Address {
	addr := func(b []byte) netip.Addr {
		ip, _ := netip.AddrFromSlice(b)
		return ip
	}
	local := addr(a.Local)
	out := Address{Index: int(a.Index), Prefix: netip.PrefixFrom(local, int(a.Prefixlen)),
		Broadcast: addr(a.Broadcast), Anycast: addr(a.Anycast), Label: strings.Clone(a.Label),
		Scope: a.Scope, Flags: a.Flags, Metric: a.Metric}
	if peer := addr(a.Address); peer.IsValid() && peer != local {
		out.Peer = peer
	}
	if a.HasCacheInfo {
		out.ValidLifetime, out.PreferredLifetime = a.Valid, a.Preferred
	}
	return out
}

// Add adds a (RTM_NEWADDR with NLM_F_CREATE and NLM_F_EXCL: an address the
// link has is EEXIST), with the request `ip address add` sends.
func Add(ctx context.Context, c *rtnl.Conn, a Address) error {
	body, err := encode(unix.RTM_NEWADDR, &a)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, unix.RTM_NEWADDR, rtnl.Create|rtnl.Excl, body)
}

// Replace adds a or changes the address the link has (`ip address
// replace`).
func Replace(ctx context.Context, c *rtnl.Conn, a Address) error {
	body, err := encode(unix.RTM_NEWADDR, &a)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, unix.RTM_NEWADDR, rtnl.Create|rtnl.Replace, body)
}

// Delete removes the address a.Prefix (with a.Peer, a.Label) from link
// a.Index (RTM_DELADDR). An Address from List may be passed as it is.
func Delete(ctx context.Context, c *rtnl.Conn, a Address) error {
	body, err := encode(unix.RTM_DELADDR, &a)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, unix.RTM_DELADDR, 0, body)
}

// Flush removes the addresses of family (0: all) from the link called
// dev, as `ip address flush dev DEV` does: rounds of list and delete
// until none is left (deleting a primary IPv4 address may take its
// secondaries with it).
func Flush(ctx context.Context, c *rtnl.Conn, dev string, family int) error {
	l, err := link.Get(ctx, c, dev)
	if err != nil {
		return err
	}
	return FlushIndex(ctx, c, int(l.Index), family)
}

// FlushIndex is Flush for the link with ifindex index; index 0 flushes
// the addresses of every link. As iproute2 does, each round's deletions
// are queued while the dump is read and sent many to a datagram without
// acknowledgements (rtnl.Flusher); a deletion refused because the
// address is gone already (EADDRNOTAVAIL) is no error.
func FlushIndex(ctx context.Context, c *rtnl.Conn, index, family int) error {
	const maxRounds = 10 // iproute2's default -loops
	fl := c.NewFlusher(unix.RTM_DELADDR, rtnl.FlushBufferSize)
	req := rtnl.IfAddrmsg{Family: uint8(family), Index: uint32(index)}.Append(nil)
	gone := func(err error) error {
		if errors.Is(err, unix.EADDRNOTAVAIL) {
			return nil
		}
		return err
	}
	var a Addr
	for range maxRounds {
		queued := 0
		err := fl.DumpContext(ctx, unix.RTM_GETADDR, req, func(m netlink.Message) error {
			if m.Header.Type != unix.RTM_NEWADDR || decodeInto(&a, m.Data) != nil {
				return nil
			}
			if (index != 0 && int(a.Index) != index) || (family != 0 && int(a.Family) != family) {
				return nil
			}
			queued++
			return gone(fl.AddReply(m))
		})
		if err != nil {
			return err
		}
		if queued == 0 {
			return nil
		}
		if err := gone(fl.Send()); err != nil {
			return err
		}
	}
	return nil
}

// encode is EncodeRequest.
func encode(msgType uint16, a *Address) ([]byte, error) {
	local := a.Prefix.Addr()
	if a.Index <= 0 {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: \"dev\" argument is required.")
	}
	if a.Index > 1<<31-1 {
		return nil, &rtnl.Error{Errno: unix.ENODEV} // no ifindex is that large
	}
	hdr := rtnl.IfAddrmsg{Family: uint8(a.Family()), Prefixlen: uint8(max(a.Prefix.Bits(), 0)), Scope: a.Scope,
		Index: uint32(a.Index)}
	// The other addresses must be of the local address's family, as
	// get_prefix and get_addr check them after it.
	family := "inet"
	if local.Is6() {
		family = "inet6"
	}
	for _, o := range []struct {
		addr netip.Addr
		what string
	}{{a.Peer, "prefix"}, {a.Broadcast, "address"}, {a.Anycast, "address"}} {
		if local.IsValid() && o.addr.IsValid() && o.addr.Is4() != local.Is4() {
			return nil, cmdline.Exit(cmdline.StatusFailed, "Error: %s %s is expected rather than \"%s\".", family, o.what, o.addr)
		}
	}
	if a.Scope == 0 && msgType != unix.RTM_DELADDR && local.Is4() && local.As4()[0] == 127 {
		hdr.Scope = unix.RT_SCOPE_HOST
	}
	if a.Flags <= 0xff {
		hdr.Flags = uint8(a.Flags)
	}
	var cacheInfo []byte
	if (a.ValidLifetime != 0 || a.PreferredLifetime != 0) && msgType != unix.RTM_DELADDR {
		var err error
		if cacheInfo, err = CacheInfo(a.ValidLifetime, a.PreferredLifetime); err != nil {
			return nil, err
		}
	}
	if a.Flags&unix.IFA_F_MCAUTOJOIN != 0 && !local.IsMulticast() && msgType != unix.RTM_DELADDR {
		return nil, cmdline.Exit(cmdline.StatusFailed, "autojoin needs multicast address")
	}
	r := NewRequest()
	r.Header = hdr
	if local.IsValid() { // else the kernel refuses a request without an address
		r.Add(unix.IFA_LOCAL, local.AsSlice())
		if a.Peer.IsValid() {
			r.Add(unix.IFA_ADDRESS, a.Peer.AsSlice())
		}
		if a.Broadcast.IsValid() {
			r.Add(unix.IFA_BROADCAST, a.Broadcast.AsSlice())
		}
		if a.Anycast.IsValid() {
			r.Add(unix.IFA_ANYCAST, a.Anycast.AsSlice())
		}
		if a.Label != "" && !r.Add(unix.IFA_LABEL, append([]byte(a.Label), 0)) {
			// iproute2 would send the address without its label;
			// a caller that asked for one gets the complaint.
			return nil, cmdline.Exit(cmdline.StatusFailed, "%s", r.Exceeded())
		}
		if a.Metric != 0 {
			r.Add(unix.IFA_RT_PRIORITY, binary.NativeEndian.AppendUint32(nil, a.Metric))
		}
		if a.Flags > 0xff {
			r.Add(unix.IFA_FLAGS, binary.NativeEndian.AppendUint32(nil, a.Flags))
		}
		if !a.Peer.IsValid() {
			r.Add(unix.IFA_ADDRESS, local.AsSlice())
		}
		if cacheInfo != nil {
			r.Add(unix.IFA_CACHEINFO, cacheInfo)
		}
	}
	return r.Body()
}

// EncodeRequest returns the body (ifaddrmsg and attributes) of the request
// of type msgType (unix.RTM_NEWADDR for Add and Replace, unix.RTM_DELADDR
// for Delete) for a: the bytes `ip address add|delete` sends for the
// words in this order:
//
//	PREFIX [peer PEER] [broadcast BRD] [anycast ANY] [label LABEL]
//	    [scope SCOPE] [metric METRIC] [FLAG...] dev DEV
//	    [valid_lft VALID preferred_lft PREFERRED]
//
// The checks are iproute2's, with its messages.
func EncodeRequest(msgType uint16, a Address) ([]byte, error) {
	return encode(msgType, &a)
}

// CacheInfo checks the lifetimes valid and preferred (seconds, Forever for
// none) as iproute2 does and encodes them as IFA_CACHEINFO's struct
// ifa_cacheinfo. `ip address add` and Add both encode through it.
func CacheInfo(valid, preferred uint32) ([]byte, error) {
	if valid == 0 {
		return nil, cmdline.Exit(cmdline.StatusFailed, "valid_lft is zero")
	}
	if valid < preferred {
		return nil, cmdline.Exit(cmdline.StatusFailed, "preferred_lft is greater than valid_lft")
	}
	ci := binary.NativeEndian.AppendUint32(nil, preferred)
	ci = binary.NativeEndian.AppendUint32(ci, valid)
	return append(ci, make([]byte, 8)...), nil // cstamp, tstamp: the kernel's
}
