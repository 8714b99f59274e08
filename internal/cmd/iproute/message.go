package iproute

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/nexthop"
	"github.com/gipnet/gip/route"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// MessagePrinter prints one route message at a time as iproute2's
// print_route does with its filter reset (every table): `ip -echo route`
// and `ip monitor` print through it.
type MessagePrinter struct {
	env *cli.Env
	f   filter
	pr  *printer
}

// NewMessagePrinter returns a route printer over env's output. devName,
// when not nil, names links (ip monitor's cache); oif, when not 0, prints
// only routes through that link, without their "dev" (ip monitor dev DEV).
func NewMessagePrinter(env *cli.Env, devName func(uint32) string, oif uint32) *MessagePrinter {
	m := &MessagePrinter{env: env}
	m.f.family = env.Opts.Family
	if oif != 0 {
		m.f.oif, m.f.oifMask = oif, ^uint32(0)
	}
	m.pr = newPrinter(env, &m.f)
	m.pr.links.Lookup = devName
	return m
}

// Print prints an RTM_NEWROUTE or RTM_DELROUTE message, or iproute2's
// complaint about a message that is neither or too short.
func (m *MessagePrinter) Print(h netlink.Header, body []byte) {
	t := uint16(h.Type)
	var r route.Message
	switch {
	case t != unix.RTM_NEWROUTE && t != unix.RTM_DELROUTE:
		m.env.Warnf("Not a route: %08x %08x %08x\n", h.Length, t, uint16(h.Flags))
	case len(body) < unix.SizeofRtMsg:
		m.env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-unix.SizeofRtMsg)
	default:
		if route.DecodeMessage(t, body, &r) == nil && m.f.match(&r) {
			m.pr.print(&r)
		}
	}
}

// TrackNexthop updates the nexthop objects -details shows for a route's
// nhid from a nexthop event, as ip monitor's print_cache_nexthop feeds
// iproute2's one nexthop cache: RTM_NEWNEXTHOP (re)places the entry,
// RTM_DELNEXTHOP drops it, so a later route names the group as the events
// last described it rather than as the kernel first answered.
func (m *MessagePrinter) TrackNexthop(typ uint16, body []byte) {
	if len(body) < nhmsgLen {
		return
	}
	// The entry outlives the event, whose buffer the next receive reuses.
	body = append([]byte(nil), body...)
	id, ok := uint32(0), false
	tb := encapAttrs(body[nhmsgLen:], nhaMax)
	if b := tb[nhaID]; len(b) >= 4 {
		id, ok = binary.NativeEndian.Uint32(b), true
	}
	if !ok {
		return
	}
	if typ != nexthop.RTMNewNexthop {
		delete(m.pr.nexthops, id)
		return
	}
	if m.pr.nexthops == nil {
		m.pr.nexthops = nexthopCache(m.env)
	}
	m.pr.nexthops[id] = &nhObject{
		family:   body[0],
		scope:    body[1],
		protocol: body[2],
		flags:    binary.NativeEndian.Uint32(body[4:]),
		tb:       tb,
	}
}

// Close releases the link lookup socket, if one was opened.
func (m *MessagePrinter) Close() { m.pr.links.Close() }
