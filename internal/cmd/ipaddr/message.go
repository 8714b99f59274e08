package ipaddr

import (
	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// MessagePrinter prints one address message at a time as iproute2's
// print_addrinfo does outside a listing, after "INDEX: DEV": `ip -echo
// address` and `ip monitor` print through it.
type MessagePrinter struct {
	ap addrPrinter
	// Index, when set, prints only the addresses of that link (ip monitor
	// dev DEV).
	Index uint32
}

// NewMessagePrinter returns a printer over env's output; devName names
// links.
func NewMessagePrinter(env *cli.Env, devName func(idx uint32) string) *MessagePrinter {
	return &MessagePrinter{ap: addrPrinter{p: env.P, brief: env.Opts.Brief, numeric: env.Opts.Numeric,
		resolve: env.Opts.Resolve, withDev: true, devName: devName}}
}

// Print prints an RTM_NEWADDR or RTM_DELADDR message; other types and
// messages that do not decode print nothing.
func (m *MessagePrinter) Print(typ uint16, body []byte) {
	if typ != unix.RTM_NEWADDR && typ != unix.RTM_DELADDR {
		return
	}
	a, err := addr.Decode(body)
	if err != nil {
		return
	}
	if m.Index != 0 && a.Index != m.Index {
		return
	}
	m.ap.print(a, typ == unix.RTM_DELADDR)
}
