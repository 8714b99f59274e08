package ipneigh

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/mdlayher/netlink"
)

// MessagePrinter prints one neighbour message at a time as
// iproute2's print_neigh does with its filter reset (every state).
type MessagePrinter struct {
	f  neighFilter
	pr *neighPrinter
}

// NewMessagePrinter returns a neighbour printer over env's output;
// devName and index as for NewMessagePrinter.
func NewMessagePrinter(env *cli.Env, devName func(uint32) string, index uint32) *MessagePrinter {
	m := &MessagePrinter{f: neighFilter{state: ^uint32(0), index: index}}
	m.pr = newNeighPrinter(env, &m.f)
	m.pr.links.Lookup = devName
	return m
}

// Print prints an RTM_NEWNEIGH, RTM_DELNEIGH or RTM_GETNEIGH message.
func (m *MessagePrinter) Print(h netlink.Header, body []byte) {
	m.pr.print(uint16(h.Type), h.Flags, body)
}

// Close releases the link lookup socket, if one was opened.
func (m *MessagePrinter) Close() { m.pr.links.Close() }
