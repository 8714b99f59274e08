package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
)

// dsa: a switch port's user device, with its conduit (`conduit DEV`, or
// the old word `master`; whole words only). This kernel has no dsa.
var dsaKind = Kind{Name: "dsa", Parse: parseDSA, Print: printDSA, Help: dsaHelp}

const iflaDSAMaster = 1 // IFLA_DSA_MASTER: the conduit's ifindex, u32

// dsaHelp // is gip's own text naming every word of iproute2's; after "dsa: unknown
// command" only the lines before it are compared.
func dsaHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ip link { add | set } ... type dsa [ conduit DEVICE ]\n")
}

// parseDSA: `conduit DEV` or its old name `master DEV`, whole words only.
func parseDSA(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	for a.More() {
		w := a.Next()
		switch w {
		case "conduit", "master":
			v, err := a.Value()
			if err != nil {
				return err
			}
			index := p.Index(v)
			if index == 0 {
				return cmdline.InvalidArg("Device does not exist\n", v)
			}
			ae.Uint32(iflaDSAMaster, uint32(index))
		default:
			return unknownKindWord(p, "dsa", w, dsaHelp, w == "help")
		}
	}
	return nil
}

func printDSA(p *format.Printer, names IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if t.has(iflaDSAMaster) {
		p.String(format.Any, "conduit", "conduit %s ", indexName(names, t.u32(iflaDSAMaster)))
	}
	return nil
}
