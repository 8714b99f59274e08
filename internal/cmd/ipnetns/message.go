package ipnetns

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/netns"
	"github.com/mdlayher/netlink"
)

// NSIDMessagePrinter prints one RTM_NEWNSID/RTM_DELNSID message at a time
// as iproute2's print_nsid does (`ip netns list-id` and `ip monitor nsid`),
// naming namespaces from /run/netns.
type NSIDMessagePrinter struct{ env *cli.Env }

// NewNSIDMessagePrinter returns a printer over env's output. With fill,
// the id→name cache is filled from /run/netns now (ip monitor does so
// before it listens); otherwise names are looked up as ids appear.
func NewNSIDMessagePrinter(env *cli.Env, fill bool) (*NSIDMessagePrinter, error) {
	if fill {
		side, err := sideConn(env)
		if err != nil {
			return nil, err
		}
		netns.NewIDNames(side).WithCache(&env.NSIDs).WithStderr(warnWriter{env}).Fill()
	}
	return &NSIDMessagePrinter{env: env}, nil
}

// Print prints one message; other types print nothing, and a broken one
// iproute2's complaint on stderr.
func (m *NSIDMessagePrinter) Print(h netlink.Header, body []byte) {
	side, err := sideConn(m.env)
	if err != nil {
		return
	}
	_ = printNSID(m.env, side, netlink.Message{Header: h, Data: body})
}
