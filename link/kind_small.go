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

// The kinds with one or two plain options: dsa (its conduit), rmnet (a mux
// id), wwan (a link id). This kernel has none of them: a well-formed request
// gets the kernel's refusal. Each answers a word it does not know with
// "KIND: unknown command" and its usage, status 1, as iproute2's modules do.
var (
	dsaKind   = Kind{Name: "dsa", Parse: parseDSA, Print: printDSA, Help: dsaHelp}
	rmnetKind = Kind{Name: "rmnet", Parse: parseRmnet, Print: printRmnet, Help: rmnetHelp}
	wwanKind  = Kind{Name: "wwan", Parse: parseWWAN, Print: printWWAN, Help: wwanHelp}
)

const (
	iflaDSAMaster  = 1 // IFLA_DSA_MASTER: the conduit's ifindex, u32
	iflaRmnetMuxID = 1 // IFLA_RMNET_MUX_ID, u16
	iflaWWANLinkID = 1 // IFLA_WWAN_LINK_ID, u32
)

// The usage texts read as iproute2's: they follow "KIND: unknown command"
// on stderr, where the two tools' output is compared line for line.
func dsaHelp(w io.Writer) { fmt.Fprint(w, "Usage: ... dsa [ conduit DEVICE ]\n") }

func rmnetHelp(w io.Writer) { fmt.Fprint(w, "Usage: ... rmnet mux_id MUXID\n\nMUXID := 1-254\n") }

func wwanHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ... wwan linkid LINKID\n\nWhere: LINKID := 0-4294967295\n")
}

// unknownKindWord prints "KIND: unknown command" and the kind's usage (for
// help alone, just the usage) and fails with status 1.
func unknownKindWord(p *Parser, kind, word string, help func(io.Writer), isHelp bool) error {
	if !isHelp {
		fmt.Fprintf(p.Stderr, "%s: unknown command \"%s\"?\n", kind, word)
	}
	help(p.Stderr)
	return cmdline.Silent(cmdline.StatusFailed)
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
