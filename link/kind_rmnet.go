package link

import (
	"fmt"
	"io"
	"math"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
)

// rmnet: a Qualcomm RmNet mux channel over `link DEV`, by its mux id.
// This kernel has no rmnet.
var rmnetKind = Kind{Name: "rmnet", Parse: parseRmnet, Print: printRmnet, Help: rmnetHelp}

const iflaRmnetMuxID = 1 // IFLA_RMNET_MUX_ID, u16

// rmnetHelp // is gip's own text naming every word of iproute2's; after "rmnet: unknown
// command" only the lines before it are compared.
func rmnetHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ip link add link DEVICE name NAME ... type rmnet mux_id MUXID\n"+
		"MUXID is 1-254\n")
}

// parseRmnet: `mux_id ID`, any u16 (the kernel checks 1-254).
func parseRmnet(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	for a.More() {
		w := a.Next()
		switch {
		case cmdline.Matches(w, "mux_id"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			id, ok := cnum.Uint(v, 0, math.MaxUint16)
			if !ok {
				return cmdline.InvalidArg("mux_id is invalid", v)
			}
			ae.Uint16(iflaRmnetMuxID, uint16(id))
		default:
			return unknownKindWord(p, "rmnet", w, rmnetHelp, cmdline.Matches(w, "help"))
		}
	}
	return nil
}

// printRmnet prints the mux id, which iproute2 skips when it is shorter
// than a u16.
func printRmnet(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if len(t[iflaRmnetMuxID]) >= 2 {
		p.Uint(format.Any, "mux_id", "mux_id %u ", uint64(t.u16(iflaRmnetMuxID)))
	}
	return nil
}
