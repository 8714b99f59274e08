package iplink

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/netns"
	"golang.org/x/sys/unix"
)

// MessagePrinter prints one link message at a time as iproute2's
// print_linkinfo does outside `ip link show` (no link mode, no queue
// length): `ip -echo link` and `ip monitor` print through it.
type MessagePrinter struct {
	pr    *Printer
	names *link.Names
	ids   *netns.IDNames
	// Index, when set, prints only the link with that index (ip monitor
	// dev DEV).
	Index int32
}

// NewMessagePrinter returns a printer over env's output that names links
// through names.
func NewMessagePrinter(env *cli.Env, names *link.Names) *MessagePrinter {
	m := &MessagePrinter{names: names}
	o := &env.Opts
	m.pr = NewPrinter(env.P, PrintOptions{Details: o.Details, Stats: o.Stats, Brief: o.Brief, Numeric: o.Numeric,
		Human: o.Human, IEC: o.IEC, NoQueueLen: true}, names, func() *netns.IDNames {
		if m.ids == nil {
			if sc, err := names.Side(); err == nil {
				m.ids = netns.NewIDNames(sc)
			}
		}
		return m.ids
	})
	m.pr.Warnf = env.Warnf
	return m
}

// Print prints an RTM_NEWLINK or RTM_DELLINK message; other types and
// messages that do not decode print nothing. Under -brief the line is left
// open, without its newline, as iproute2 leaves it.
func (m *MessagePrinter) Print(typ uint16, body []byte) {
	if typ != unix.RTM_NEWLINK && typ != unix.RTM_DELLINK {
		return
	}
	l, err := link.Decode(body)
	if err != nil {
		return
	}
	if m.Index != 0 && l.Index != m.Index {
		return
	}
	m.pr.PrintLink(l, typ == unix.RTM_DELLINK)
}
