package link

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// bareudp: a UDP tunnel for one ethertype (IFLA_BAREUDP_*), encoded as
// iproute2's bareudp_parse_opt does; dstport and ethertype are required,
// and no word may be given twice. This kernel has no bareudp: a
// well-formed request gets "Unknown device type".
var bareudpKind = Kind{Name: "bareudp", Parse: parseBareUDP, Print: printBareUDP, Help: bareudpHelp}

// bareudpHelp is iproute2's text, which follows "unknown command" on
// stderr and so must read the same.
func bareudpHelp(w io.Writer) {
	fmt.Fprint(w, `Usage: ... bareudp dstport PORT
		ethertype PROTO
		[ srcportmin PORT ]
		[ [no]multiproto ]

Where:	PORT  := UDP_PORT
	PROTO := ETHERTYPE

Note: ETHERTYPE can be given as number or as protocol name ("ipv4", "ipv6",
      "mpls_uc", etc.).
`)
}

func parseBareUDP(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	seen := seenAttrs{}
	once := seen.once
	var dstport, ethertype, srcportmin uint16
	multiproto := false
	port := func(v string) (uint16, bool) {
		n, ok := cnum.Uint(v, 0, 1<<16-1)
		return uint16(n), ok
	}
	values := []struct {
		word string
		attr uint16
		read func(string) (uint16, bool)
		dst  *uint16
	}{
		{"dstport", unix.IFLA_BAREUDP_PORT, port, &dstport},
		{"ethertype", unix.IFLA_BAREUDP_ETHERTYPE, llProto, &ethertype},
		{"srcportmin", unix.IFLA_BAREUDP_SRCPORT_MIN, port, &srcportmin},
	}
	for a.More() {
		w := a.Next()
		m := func(kw string) bool { return cmdline.Matches(w, kw) }
		took := false
		for _, o := range values {
			if !m(o.word) {
				continue
			}
			v, err := a.Value()
			if err != nil {
				return err
			}
			// iproute2 checks for a second value before the value.
			if err := once(o.attr, o.word, v); err != nil {
				return err
			}
			n, ok := o.read(v)
			if !ok {
				return cmdline.InvalidArg(o.word, v)
			}
			*o.dst, took = n, true
			break
		}
		if took {
			continue
		}
		switch {
		case m("multiproto"), m("nomultiproto"):
			if err := once(unix.IFLA_BAREUDP_MULTIPROTO_MODE, w, w); err != nil {
				return err
			}
			multiproto = m("multiproto")
		case m("help"):
			bareudpHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		default:
			fmt.Fprintf(p.Stderr, "bareudp: unknown command \"%s\"?\n", w)
			bareudpHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
	}
	if !seen[unix.IFLA_BAREUDP_PORT] {
		return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"dstport\" is required")
	}
	if !seen[unix.IFLA_BAREUDP_ETHERTYPE] {
		return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"ethertype\" is required")
	}
	be16 := func(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
	ae.Bytes(unix.IFLA_BAREUDP_PORT, be16(dstport))
	ae.Bytes(unix.IFLA_BAREUDP_ETHERTYPE, be16(ethertype))
	if seen[unix.IFLA_BAREUDP_SRCPORT_MIN] {
		ae.Uint16(unix.IFLA_BAREUDP_SRCPORT_MIN, srcportmin)
	}
	if multiproto {
		ae.Bytes(unix.IFLA_BAREUDP_MULTIPROTO_MODE, nil)
	}
	return nil
}
