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

// ipoib: an IP-over-InfiniBand child of `link DEV`, with its partition key,
// mode and multicast flag (all u16, host order). This kernel has no ipoib.
var ipoibKind = Kind{Name: "ipoib", Parse: parseIPoIB, Print: printIPoIB, Help: ipoibHelp}

const (
	iflaIPoIBPkey   = 1 // IFLA_IPOIB_PKEY
	iflaIPoIBMode   = 2 // IFLA_IPOIB_MODE
	iflaIPoIBUmcast = 3 // IFLA_IPOIB_UMCAST

	ipoibModeDatagram  = 0 // IPOIB_MODE_DATAGRAM
	ipoibModeConnected = 1 // IPOIB_MODE_CONNECTED
)

// ipoibHelp // is gip's own text naming every word of iproute2's; after "ipoib: unknown
// command" only the lines before it are compared.
func ipoibHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ip link add link DEVICE name NAME ... type ipoib\n"+
		"\t[ pkey PKEY ] [ mode { datagram | connected } ] [ umcast { 0 | 1 } ]\n"+
		"PKEY is 0x8001-0xffff\n")
}

func parseIPoIB(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	u16 := func(attr uint16, msg string) error {
		v, err := a.Value()
		if err != nil {
			return err
		}
		n, ok := cnum.Uint(v, 0, math.MaxUint16)
		if !ok {
			return cmdline.InvalidArg(msg, v)
		}
		ae.Uint16(attr, uint16(n))
		return nil
	}
	for a.More() {
		w := a.Next()
		var err error
		switch {
		case cmdline.Matches(w, "pkey"):
			err = u16(iflaIPoIBPkey, "pkey is invalid")
		case cmdline.Matches(w, "mode"):
			v, verr := a.Value()
			if verr != nil {
				return verr
			}
			switch v {
			case "datagram":
				ae.Uint16(iflaIPoIBMode, ipoibModeDatagram)
			case "connected":
				ae.Uint16(iflaIPoIBMode, ipoibModeConnected)
			default:
				// iproute2's message lacks the space before "or".
				return cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"mode\" must be \"datagram\"or \"connected\"")
			}
		case cmdline.Matches(w, "umcast"):
			err = u16(iflaIPoIBUmcast, "umcast is invalid")
		case cmdline.Matches(w, "help"):
			ipoibHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		default:
			fmt.Fprintf(p.Stderr, "ipoib: unknown option \"%s\"?\n", w)
			ipoibHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// printIPoIB prints pkey, mode and umcast, each only when the ones before it
// are there, as iproute2 does. The pkey is C's "%#.4x" (0 has no "0x") and
// its JSON key is "key".
func printIPoIB(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if len(t[iflaIPoIBPkey]) < 2 {
		return nil
	}
	pkey := t.u16(iflaIPoIBPkey)
	s := fmt.Sprintf("%04x", pkey)
	if pkey != 0 {
		s = "0x" + s
	}
	p.String(format.JSON, "key", "", s)
	p.String(format.Text, "", "pkey %s ", s)
	if len(t[iflaIPoIBMode]) < 2 {
		return nil
	}
	mode := "unknown"
	switch t.u16(iflaIPoIBMode) {
	case ipoibModeDatagram:
		mode = "datagram"
	case ipoibModeConnected:
		mode = "connected"
	}
	p.String(format.Any, "mode", "mode %s ", mode)
	if len(t[iflaIPoIBUmcast]) < 2 {
		return nil
	}
	p.String(format.Any, "umcast", "umcast %s ", fmt.Sprintf("%04x", t.u16(iflaIPoIBUmcast)))
	return nil
}
