package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
)

// wwan: a data channel of a WWAN modem, by its link id. This kernel has
// no wwan.
var wwanKind = Kind{Name: "wwan", Parse: parseWWAN, Print: printWWAN, Help: wwanHelp}

const iflaWWANLinkID = 1 // IFLA_WWAN_LINK_ID, u32

// wwanHelp // is gip's own text naming every word of iproute2's; after "wwan: unknown
// command" only the lines before it are compared.
func wwanHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ip link add NAME ... type wwan linkid LINKID\n"+
		"Where: LINKID is 0-4294967295\n")
}

// parseWWAN: `linkid ID`, a u32.
func parseWWAN(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	for a.More() {
		w := a.Next()
		switch {
		case cmdline.Matches(w, "linkid"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			id, ok := cnum.Uint32(v, 0)
			if !ok {
				return cmdline.InvalidArg("linkid", v)
			}
			ae.Uint32(iflaWWANLinkID, id)
		default:
			return unknownKindWord(p, "wwan", w, wwanHelp, cmdline.Matches(w, "help"))
		}
	}
	return nil
}

func printWWAN(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if t.has(iflaWWANLinkID) {
		p.Uint(format.Any, "linkid", "linkid %u ", uint64(t.u32(iflaWWANLinkID)))
	}
	return nil
}
