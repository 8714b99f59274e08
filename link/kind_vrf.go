package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// vrf takes `table TABLEID` (IFLA_VRF_TABLE). This kernel has no VRF
// devices: a well-formed request gets the kernel's "Unknown device type".
// vrf_slave takes no words (iproute2 sends an empty IFLA_INFO_SLAVE_DATA).
var (
	vrfKind      = Kind{Name: "vrf", Parse: parseVRF, Help: vrfHelp}
	vrfSlaveKind = Kind{Name: "vrf_slave"}
)

func vrfHelp(w io.Writer) { fmt.Fprint(w, "Usage: ... vrf table TABLEID\n") }

func parseVRF(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	for a.More() {
		w := a.Next()
		switch {
		case cmdline.Matches(w, "table"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			id, ok := routeTable(v)
			if !ok {
				return cmdline.InvalidArg("invalid table ID\n", v)
			}
			ae.Uint32(unix.IFLA_VRF_TABLE, id)
		case cmdline.Matches(w, "help"):
			vrfHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		default:
			fmt.Fprintf(p.Stderr, "vrf: unknown option \"%s\"?\n", w)
			vrfHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
	}
	return nil
}

// routeTable is rtnl_rttable_a2n: a name from the rt_tables database, else
// a number up to RT_TABLE_MAX.
func routeTable(v string) (uint32, bool) {
	if id, ok := rtnames.Tables.ID(v); ok {
		return id, true
	}
	return cnum.Uint32(v, 0)
}
