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

// gtp: a GPRS tunnel device. `role sgsn|ggsn` is required; hsize defaults
// to 1024 (sent after the words); IFLA_GTP_CREATE_SOCKETS comes first, as
// iproute2 always asks the kernel to open the sockets. iproute2's parser
// passes over words it does not know, and so does gip. This kernel has no
// gtp module.
var gtpKind = Kind{Name: "gtp", Parse: parseGTP, Print: printGTP, Help: gtpHelp}

const (
	iflaGTPPDPHashsize   = 3 // IFLA_GTP_PDP_HASHSIZE, u32
	iflaGTPRole          = 4 // IFLA_GTP_ROLE, u32
	iflaGTPCreateSockets = 5 // IFLA_GTP_CREATE_SOCKETS, u8
	iflaGTPRestartCount  = 6 // IFLA_GTP_RESTART_COUNT, u8

	gtpRoleGGSN = 0 // GTP_ROLE_GGSN
	gtpRoleSGSN = 1 // GTP_ROLE_SGSN

	gtpDefaultHashsize = 1024
)

func gtpHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ... gtp role ROLE [ hsize HSIZE ] [ restart_count RESTART_COUNT ]\n\nWhere:\tROLE is sgsn or ggsn; HSIZE is 1-131071; RESTART_COUNT is 0-255\n")
}

func parseGTP(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	ae.Uint8(iflaGTPCreateSockets, 1)
	seen := seenAttrs{}
	for a.More() {
		switch w := a.Next(); w {
		case "role":
			v, err := a.Value()
			if err != nil {
				return err
			}
			if err := seen.once(iflaGTPRole, "role", v); err != nil {
				return err
			}
			switch v {
			case "sgsn":
				ae.Uint32(iflaGTPRole, gtpRoleSGSN)
			case "ggsn":
				ae.Uint32(iflaGTPRole, gtpRoleGGSN)
			default:
				return cmdline.InvalidArg("invalid role, use sgsn or ggsn", v)
			}
		case "hsize":
			v, err := a.Value()
			if err != nil {
				return err
			}
			if err := seen.once(iflaGTPPDPHashsize, "hsize", v); err != nil {
				return err
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok {
				return cmdline.InvalidArg("invalid PDP hash size", v)
			}
			if n >= 1<<17 {
				return cmdline.InvalidArg("PDP hash size too big", v)
			}
			ae.Uint32(iflaGTPPDPHashsize, n)
		case "restart_count":
			v, err := a.Value()
			if err != nil {
				return err
			}
			if err := seen.once(iflaGTPRestartCount, "restart_count", v); err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 10, math.MaxUint8)
			if !ok {
				return cmdline.InvalidArg("invalid restart_count", v)
			}
			ae.Uint8(iflaGTPRestartCount, uint8(n))
		case "help":
			gtpHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
	}
	if !seen[iflaGTPRole] {
		return cmdline.Exit(cmdline.StatusFailed, "gtp: role of the gtp device was not specified")
	}
	if !seen[iflaGTPPDPHashsize] {
		ae.Uint32(iflaGTPPDPHashsize, gtpDefaultHashsize)
	}
	return nil
}

func printGTP(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if t.has(iflaGTPRole) {
		role := "unknown"
		switch t.u32(iflaGTPRole) {
		case gtpRoleGGSN:
			role = "ggsn"
		case gtpRoleSGSN:
			role = "sgsn"
		}
		p.String(format.Any, "role", "role %s ", role)
	}
	if t.has(iflaGTPPDPHashsize) {
		p.Uint(format.Any, "hsize", "hsize %u ", uint64(t.u32(iflaGTPPDPHashsize)))
	}
	if t.has(iflaGTPRestartCount) {
		p.Uint(format.Any, "restart_count", "restart_count %u ", uint64(t.u8(iflaGTPRestartCount)))
	}
	return nil
}
