package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// hsr: an HSR or PRP device over two ports (IFLA_HSR_*), encoded as
// iproute2's hsr_parse_opt does: each word's attribute as it is read.
// iproute2 means version and proto to be 0 or 1 but its check takes any
// byte, and so does gip. This kernel has no hsr: a well-formed request
// gets "Unknown device type".
var hsrKind = Kind{Name: "hsr", Parse: parseHSR, Print: printHSR, Help: hsrHelp}

// hsrHelp is gip's own text naming every word of iproute2's; after "what
// is" on stderr only the lines before it are compared.
func hsrHelp(w io.Writer) {
	fmt.Fprint(w, `Usage:	ip link add name NAME type hsr slave1 SLAVE1-IF slave2 SLAVE2-IF
		[ supervision ADDR-BYTE ] [ version VERSION ] [ proto PROTOCOL ]
Where:	NAME is the name of the new hsr device (e.g. hsr0);
	SLAVE1-IF, SLAVE2-IF are the two slave devices bound to the HSR device;
	ADDR-BYTE, 0-255, is the last byte of the multicast address used for
	HSR supervision frames (default = 0);
	VERSION, 0,1, is the protocol version to be used. (default = 0);
	PROTOCOL is 0 - HSR or 1 - PRP. (default = 0 - HSR)
`)
}

func parseHSR(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	byteWords := []struct {
		word, msg string
		attr      uint16
	}{
		{"supervision", "ADDR-BYTE is invalid", unix.IFLA_HSR_MULTICAST_SPEC},
		{"version", "version is invalid", unix.IFLA_HSR_VERSION},
		{"proto", "protocol is invalid", unix.IFLA_HSR_PROTOCOL},
	}
	ports := []struct {
		word string
		attr uint16
	}{{"slave1", unix.IFLA_HSR_SLAVE1}, {"slave2", unix.IFLA_HSR_SLAVE2}}
next:
	for a.More() {
		w := a.Next()
		for _, b := range byteWords {
			if cmdline.Matches(w, b.word) {
				v, err := a.Value()
				if err != nil {
					return err
				}
				n, ok := cnum.Uint(v, 0, 255)
				if !ok {
					return cmdline.InvalidArg(b.msg, v)
				}
				ae.Uint8(b.attr, uint8(n))
				continue next
			}
		}
		for _, port := range ports {
			if cmdline.Matches(w, port.word) {
				v, err := a.Value()
				if err != nil {
					return err
				}
				index := uint32(p.Index(v))
				if index == 0 {
					return cmdline.InvalidArg("No such interface", v)
				}
				ae.Uint32(port.attr, index)
				continue next
			}
		}
		if !cmdline.Matches(w, "help") {
			fmt.Fprintf(p.Stderr, "hsr: what is \"%s\"?\n", w)
		}
		hsrHelp(p.Stderr)
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}
