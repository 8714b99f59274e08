package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
)

// amt: Automatic Multicast Tunneling (IFLA_AMT_*), encoded as iproute2's
// amt_parse_opt does: each word's attribute as it is read, no word
// abbreviated. This kernel has no amt: a well-formed request gets
// "Unknown device type".
var amtKind = Kind{Name: "amt", Parse: parseAMT, Print: printAMT, Help: amtHelp}

// IFLA_AMT_* (linux/amt.h), which x/sys/unix lacks.
const (
	amtMode        = 1
	amtRelayPort   = 2
	amtGatewayPort = 3
	amtLink        = 4
	amtLocalIP     = 5
	amtRemoteIP    = 6
	amtDiscoveryIP = 7
	amtMaxTunnels  = 8
)

// amtHelp is iproute2's text, which follows "unknown command" on stderr
// and so must read the same.
func amtHelp(w io.Writer) {
	fmt.Fprint(w, `Usage: ... amt
               [ discovery IP_ADDRESS ]
               [ mode MODE ]
               [ local ADDR ]
               [ dev PHYS_DEV ]
               [ relay_port PORT ]
               [ gateway_port PORT ]
               [ max_tunnels NUMBER ]

Where: ADDR	:= { IP_ADDRESS }
       MODE	:= { gateway | relay }
`)
}

func parseAMT(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	seen := seenAttrs{}
	// discovery is the discovery address, whose family the local address
	// must then have.
	var discovery netip.Addr
	for a.More() {
		w := a.Next()
		switch w {
		case "mode", "relay_port", "gateway_port", "max_tunnels", "dev", "local", "discovery":
		case "help":
			amtHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		default:
			fmt.Fprintf(p.Stderr, "amt: unknown command \"%s\"?\n", w)
			amtHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
		v, err := a.Value()
		if err != nil {
			return err
		}
		switch w {
		case "mode":
			mode, ok := map[string]uint32{"gateway": 0, "relay": 1}[v]
			if !ok {
				amtHelp(p.Stderr)
				return cmdline.Silent(cmdline.StatusFailed)
			}
			ae.Uint32(amtMode, mode)
		case "relay_port", "gateway_port":
			n, ok := cnum.Uint(v, 0, 1<<16-1)
			if !ok {
				return cmdline.InvalidArg(w, v)
			}
			attr := uint16(amtRelayPort)
			if w == "gateway_port" {
				attr = amtGatewayPort
			}
			ae.Bytes(attr, binary.BigEndian.AppendUint16(nil, uint16(n)))
		case "max_tunnels":
			n, ok := cnum.Uint(v, 0, 1<<32-1)
			if !ok {
				return cmdline.InvalidArg(w, v)
			}
			ae.Uint32(amtMaxTunnels, uint32(n))
		case "dev":
			link := uint32(p.Index(v))
			if link == 0 {
				return cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v)
			}
			ae.Uint32(amtLink, link)
		default: // local, discovery
			attr, family := uint16(amtLocalIP), discovery
			if w == "discovery" {
				attr, family = amtDiscoveryIP, netip.Addr{}
			}
			if err := seen.once(attr, w, v); err != nil {
				return err
			}
			addr, noData, err := vxlanAddr(v, family)
			if err != nil {
				return err
			}
			if w == "discovery" {
				discovery = addr
			}
			switch {
			case noData:
				ae.Bytes(attr, nil)
			case addr.IsValid():
				ae.Bytes(attr, addr.AsSlice())
			}
		}
	}
	return nil
}
