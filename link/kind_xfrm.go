package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// xfrm interfaces take a lower device and an if_id (IFLA_XFRM_*), or
// `external`, as iproute2's xfrm_parse_opt encodes them: each if_id is
// sent as it is read, the device after them. This kernel has no xfrm
// interfaces: a well-formed request gets "Unknown device type".
var xfrmKind = Kind{Name: "xfrm", Parse: parseXFRM, Print: printXFRM, Help: xfrmHelp}

func xfrmHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ... xfrm dev [ PHYS_DEV ] [ if_id IF-ID ]\n"+
		"\t\t[ external ]\n\n"+
		"Where: IF-ID := { 0x1..0xffffffff }\n")
}

func parseXFRM(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	var link, ifID uint32
	metadata := false
	for a.More() {
		w := a.Next()
		switch {
		case cmdline.Matches(w, "dev"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			if link = uint32(p.Index(v)); link == 0 {
				return cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v)
			}
		case cmdline.Matches(w, "if_id"):
			v, err := a.Value()
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 0, 1<<32-1)
			if !ok || n == 0 {
				return cmdline.InvalidArg("if_id value is invalid", v)
			}
			ifID = uint32(n)
			ae.Uint32(unix.IFLA_XFRM_IF_ID, ifID)
		case w == "external":
			metadata = true
		default:
			xfrmHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
	}
	if metadata {
		if ifID != 0 || link != 0 {
			return cmdline.Exit(cmdline.StatusFailed, "xfrmi: both 'external' and if_id/link cannot be specified")
		}
		ae.Bytes(unix.IFLA_XFRM_COLLECT_METADATA, nil)
		return nil
	}
	if ifID == 0 {
		return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"IF_ID\" is required")
	}
	if link != 0 {
		ae.Uint32(unix.IFLA_XFRM_LINK, link)
	}
	return nil
}
