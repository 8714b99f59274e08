package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// bond_slave is a bond port's options (IFLA_INFO_SLAVE_DATA), set with `ip
// link set DEV type bond_slave …`. Parse-only: this kernel has no bonding,
// so the kernel refuses the request as it refuses iproute2's.
var bondSlaveKind = Kind{Name: "bond_slave", Parse: parseBondSlave,
	Help: func(w io.Writer) { usageHelp(w, func(p *Parser) error { return bondSlaveUsage(p, "") }) }}

func parseBondSlave(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	for a.More() {
		word := a.Next()
		switch {
		case cmdline.Matches(word, "queue_id"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 0, 1<<16-1)
			if !ok {
				return cmdline.InvalidArg("queue_id is invalid", v)
			}
			ae.Uint16(unix.IFLA_BOND_SLAVE_QUEUE_ID, uint16(n))
		case word == "prio":
			v, err := a.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Int(v, 0)
			if !ok {
				return cmdline.InvalidArg("prio is invalid", v)
			}
			ae.Uint32(unix.IFLA_BOND_SLAVE_PRIO, uint32(n))
		case cmdline.Matches(word, "help"):
			return bondSlaveUsage(p, "")
		default:
			return bondSlaveUsage(p, fmt.Sprintf("bond_slave: unknown option \"%s\"?\n", word))
		}
	}
	return nil
}

// bondSlaveUsage prints msg and the bond_slave options to stderr and fails.
func bondSlaveUsage(p *Parser, msg string) error {
	fmt.Fprintf(p.Stderr, "%sUsage: ... bond_slave [ queue_id ID ] [ prio PRIORITY ]\n", msg)
	return cmdline.Silent(cmdline.StatusFailed)
}
