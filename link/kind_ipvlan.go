package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// ipvlan and ipvtap: `mode l2|l3|l3s` and one of the flags bridge, private,
// vepa (IFLA_IPVLAN_MODE, IFLA_IPVLAN_FLAGS, both u16; the flags are always
// sent). This kernel has neither.
var (
	ipvlanKind = Kind{Name: "ipvlan", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseIPVlan("ipvlan")(p, a, ae)
	}, Help: func(w io.Writer) { ipvlanHelp("ipvlan")(w) }}
	ipvtapKind = Kind{Name: "ipvtap", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseIPVlan("ipvtap")(p, a, ae)
	}, Help: func(w io.Writer) { ipvlanHelp("ipvtap")(w) }}
)

const (
	ipvlanFPrivate = 0x01 // IPVLAN_F_PRIVATE
	ipvlanFVEPA    = 0x02 // IPVLAN_F_VEPA
)

func ipvlanHelp(kind string) func(io.Writer) {
	return func(w io.Writer) {
		fmt.Fprintf(w, "Usage: ... %s [ mode MODE ] [ FLAGS ]\n\nMODE: l3 | l3s | l2\nFLAGS: bridge | private | vepa\n(if nothing is specified, the first values are the defaults: l3, bridge).\n", kind)
	}
}

func parseIPVlan(kind string) func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	return func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		var flags uint16
		flagGiven := false
		for a.More() {
			w := a.Next()
			m := func(kw string) bool { return cmdline.Matches(w, kw) }
			switch {
			case m("mode"):
				v, err := a.Value()
				if err != nil {
					return err
				}
				mode := map[string]uint16{"l2": 0, "l3": 1, "l3s": 2}
				md, ok := mode[v]
				if !ok {
					return cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"")
				}
				ae.Uint16(unix.IFLA_IPVLAN_MODE, md)
			case m("private") && !flagGiven:
				flags |= ipvlanFPrivate
				flagGiven = true
			case m("vepa") && !flagGiven:
				flags |= ipvlanFVEPA
				flagGiven = true
			case m("bridge") && !flagGiven:
				flagGiven = true
			case m("help"):
				ipvlanHelp(kind)(p.Stderr)
				return cmdline.Silent(cmdline.StatusFailed)
			default:
				fmt.Fprintf(p.Stderr, "%s: unknown option \"%s\"?\n", kind, w)
				ipvlanHelp(kind)(p.Stderr)
				return cmdline.Silent(cmdline.StatusFailed)
			}
		}
		ae.Uint16(unix.IFLA_IPVLAN_FLAGS, flags)
		return nil
	}
}
