// Package rtnlcompat lets programs written against
// github.com/jsimonetti/rtnetlink/v2's message types (LinkMessage with its
// link drivers such as driver.Veth, AddressMessage, RouteMessage,
// NeighMessage, RuleMessage) send them through gip's connection, *rtnl.Conn.
// They then get what rtnl gives: a socket opened in any namespace without
// switching the caller's thread (rtnl.DialNetNS), the kernel's
// extended-acknowledgement text in an *rtnl.Error that unwraps to the errno,
// contexts that interrupt a blocked wait, and dumps streamed one message at
// a time instead of gathered into a slice.
//
//	c, err := rtnl.DialNetNS("blue")
//	...
//	veth := &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{
//		Name: "host0",
//		Info: &rtnetlink.LinkInfo{Kind: "veth", Data: &driver.Veth{
//			PeerInfo: &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{Name: "ceth0"}},
//		}},
//	}}
//	err = rtnlcompat.Execute(ctx, c, unix.RTM_NEWLINK, rtnl.Create|rtnl.Excl, veth)
//	if errors.Is(err, unix.EEXIST) { ... }
//
//	for l, err := range rtnlcompat.Links(ctx, c) { ... l.Attributes.Name ... }
//
// gip's typed values convert to and from rtnetlink's messages:
// LinkMessage and LinkFromMessage (link.Link), AddressMessage and
// AddressFromMessage (addr.Address), RouteMessage and RouteFromMessage
// (route.Route, multipath and tables over 255 included), NeighborMessage
// and NeighborFromMessage (neigh.Neighbor), RuleMessage and
// RuleFromMessage (rule.Rule). Each doc comment names the fields that do
// not carry over. So a route can be built as gip's value and sent as
// rtnetlink's message, or a message from rtnetlink read as gip's value:
//
//	r := route.Route{Dst: netip.MustParsePrefix("10.50.0.0/16"), Gateway: gw, Table: 1000, Type: unix.RTN_UNICAST}
//	err = rtnlcompat.Execute(ctx, c, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Excl, rtnlcompat.RouteMessage(r))
//
// The request bytes are rtnetlink's own (its MarshalBinary): they differ
// from what iproute2 sends for the same command (attribute order, a NUL
// after kind names), which is why gip's command line does not use this
// package, nor rtnetlink's decoders, whose allocations it cannot afford in
// its dumps. Messages decoded here own their memory.
package rtnlcompat

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/gipnet/gip/rtnl"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Execute sends m as a request of type typ (unix.RTM_NEWLINK,
// unix.RTM_DELADDR, ...) with flags (rtnl.Create, rtnl.Excl, rtnl.Replace,
// rtnl.Append, or none) and waits for the kernel's acknowledgement. The
// request and acknowledgement flags are added. A refusal is an
// *rtnl.Error: errors.Is(err, unix.EEXIST) works on it and its Msg is the
// kernel's reason. An error from m's MarshalBinary (a link driver's
// Verify, say) is returned as it is, and nothing is sent.
func Execute(ctx context.Context, c *rtnl.Conn, typ netlink.HeaderType, flags netlink.HeaderFlags, m rtnetlink.Message) error {
	body, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, typ, flags, body)
}

// Query sends m as a request of type typ (a GET: unix.RTM_GETLINK with an
// index or a name, unix.RTM_GETROUTE with a destination) and returns the
// kernel's single reply, decoded.
func Query(ctx context.Context, c *rtnl.Conn, typ netlink.HeaderType, flags netlink.HeaderFlags, m rtnetlink.Message) (rtnetlink.Message, error) {
	body, err := m.MarshalBinary()
	if err != nil {
		return nil, err
	}
	reply, err := c.QueryContext(ctx, typ, flags, body)
	if err != nil {
		return nil, err
	}
	return Decode(reply.Header.Type, reply.Data)
}

// ErrUnknownType is returned by Decode for a message type that is not a
// link, address, route, neighbour or rule message.
var ErrUnknownType = errors.New("rtnlcompat: not a link, address, route, neighbour or rule message")

// Decode decodes the body of one rtnetlink message of type typ (its
// header's type: RTM_NEWLINK, RTM_DELROUTE, ...) into the matching
// rtnetlink message: *rtnetlink.LinkMessage, *rtnetlink.AddressMessage,
// *rtnetlink.RouteMessage, *rtnetlink.NeighMessage or
// *rtnetlink.RuleMessage. body is copied first: the result owns its
// memory even when body is a dump's receive buffer.
func Decode(typ netlink.HeaderType, body []byte) (rtnetlink.Message, error) {
	var m rtnetlink.Message
	switch typ {
	case unix.RTM_NEWLINK, unix.RTM_DELLINK, unix.RTM_GETLINK:
		m = &rtnetlink.LinkMessage{}
	case unix.RTM_NEWADDR, unix.RTM_DELADDR, unix.RTM_GETADDR:
		m = &rtnetlink.AddressMessage{}
	case unix.RTM_NEWROUTE, unix.RTM_DELROUTE, unix.RTM_GETROUTE:
		m = &rtnetlink.RouteMessage{}
	case unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH, unix.RTM_GETNEIGH:
		m = &rtnetlink.NeighMessage{}
	case unix.RTM_NEWRULE, unix.RTM_DELRULE, unix.RTM_GETRULE:
		m = &rtnetlink.RuleMessage{}
	default:
		return nil, fmt.Errorf("%w: type %d", ErrUnknownType, typ)
	}
	if err := m.UnmarshalBinary(append([]byte(nil), body...)); err != nil {
		return nil, err
	}
	return m, nil
}

// Dump sends m as a dump request of type typ (RTM_GETLINK, RTM_GETADDR,
// RTM_GETROUTE, RTM_GETNEIGH, RTM_GETRULE; m's header fields are the
// request's, such as the address family) and yields the replies decoded,
// as they arrive. The error, if any, is the last pair: m's marshalling
// error, the kernel's refusal (*rtnl.Error), a reply rtnetlink cannot
// decode, ctx's error, or rtnl.ErrDumpInterrupted after every message of
// a dump the kernel flagged as inconsistent. Breaking out of the loop
// reads and drops the rest of the dump, so c stays usable; the loop body
// must not use c.
func Dump(ctx context.Context, c *rtnl.Conn, typ netlink.HeaderType, m rtnetlink.Message) iter.Seq2[rtnetlink.Message, error] {
	return func(yield func(rtnetlink.Message, error) bool) {
		body, err := m.MarshalBinary()
		if err != nil {
			yield(nil, err)
			return
		}
		for nm, err := range c.Messages(ctx, typ, body) {
			if err != nil {
				yield(nil, err)
				return
			}
			dm, err := Decode(nm.Header.Type, nm.Data)
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(dm, nil) {
				return
			}
		}
	}
}

// typed narrows a dump of rtnetlink messages to one message type.
func typed[T rtnetlink.Message](msgs iter.Seq2[rtnetlink.Message, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		for m, err := range msgs {
			if err != nil {
				yield(zero, err)
				return
			}
			t, ok := m.(T)
			if !ok {
				yield(zero, fmt.Errorf("%w: %T in the dump", ErrUnknownType, m))
				return
			}
			if !yield(t, nil) {
				return
			}
		}
	}
}

// Links dumps the links of c's namespace, decoded (RTM_GETLINK).
func Links(ctx context.Context, c *rtnl.Conn) iter.Seq2[*rtnetlink.LinkMessage, error] {
	return typed[*rtnetlink.LinkMessage](Dump(ctx, c, unix.RTM_GETLINK, &rtnetlink.LinkMessage{}))
}

// Addresses dumps the addresses of family (unix.AF_INET, unix.AF_INET6,
// or unix.AF_UNSPEC for both), decoded (RTM_GETADDR).
func Addresses(ctx context.Context, c *rtnl.Conn, family uint8) iter.Seq2[*rtnetlink.AddressMessage, error] {
	return typed[*rtnetlink.AddressMessage](Dump(ctx, c, unix.RTM_GETADDR, &rtnetlink.AddressMessage{Family: family}))
}

// Routes dumps the routes of family, of every table, decoded
// (RTM_GETROUTE).
func Routes(ctx context.Context, c *rtnl.Conn, family uint8) iter.Seq2[*rtnetlink.RouteMessage, error] {
	return typed[*rtnetlink.RouteMessage](Dump(ctx, c, unix.RTM_GETROUTE, &rtnetlink.RouteMessage{Family: family}))
}

// Neighbours dumps the neighbour entries of family, decoded
// (RTM_GETNEIGH).
func Neighbours(ctx context.Context, c *rtnl.Conn, family uint16) iter.Seq2[*rtnetlink.NeighMessage, error] {
	return typed[*rtnetlink.NeighMessage](Dump(ctx, c, unix.RTM_GETNEIGH, &rtnetlink.NeighMessage{Family: family}))
}

// Rules dumps the policy-routing rules of family, decoded (RTM_GETRULE).
func Rules(ctx context.Context, c *rtnl.Conn, family uint8) iter.Seq2[*rtnetlink.RuleMessage, error] {
	return typed[*rtnetlink.RuleMessage](Dump(ctx, c, unix.RTM_GETRULE, &rtnetlink.RuleMessage{Family: family}))
}
