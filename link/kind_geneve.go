package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// geneve's words become IFLA_GENEVE_* as iproute2's geneve_parse_opt
// encodes them (id, remote, label, ttl and tos always on add). This kernel
// has no geneve: a well-formed request gets "Unknown device type".
var geneveKind = Kind{Name: "geneve", Parse: parseGeneve, Help: geneveHelp}

func geneveHelp(w io.Writer) {
	fmt.Fprint(w, `Usage: ... geneve id VNI remote ADDR [ ttl TTL ] [ tos TOS ] [ df DF ]
	[ flowlabel LABEL ] [ dstport PORT ] [ [no]external ] [ [no]udpcsum ]
	[ [no]udp6zerocsumtx ] [ [no]udp6zerocsumrx ] [ innerprotoinherit ]

Where: VNI is 0-16777215, ADDR an IP_ADDRESS, TTL 1..255, auto or inherit,
TOS a NUMBER or inherit, DF unset, set or inherit, LABEL 0-1048575
`)
}

func parseGeneve(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	seen := seenAttrs{}
	once := seen.once
	var (
		vni, label                        uint32
		ttl, tos                          uint8
		dstport                           uint16
		metadata, innerProto              bool
		udpcsum, zeroCsum6Tx, zeroCsum6Rx uint8
		remote                            netip.Addr
	)
	setOp := p.MsgType == unix.RTM_NEWLINK && !p.Create
	flags := []struct {
		word string
		attr uint16
		dst  *uint8
		val  uint8
	}{
		{"udpcsum", unix.IFLA_GENEVE_UDP_CSUM, &udpcsum, 1},
		{"noudpcsum", unix.IFLA_GENEVE_UDP_CSUM, &udpcsum, 0},
		{"udp6zerocsumtx", unix.IFLA_GENEVE_UDP_ZERO_CSUM6_TX, &zeroCsum6Tx, 1},
		{"noudp6zerocsumtx", unix.IFLA_GENEVE_UDP_ZERO_CSUM6_TX, &zeroCsum6Tx, 0},
		{"udp6zerocsumrx", unix.IFLA_GENEVE_UDP_ZERO_CSUM6_RX, &zeroCsum6Rx, 1},
		{"noudp6zerocsumrx", unix.IFLA_GENEVE_UDP_ZERO_CSUM6_RX, &zeroCsum6Rx, 0},
	}
	for a.More() {
		w := a.Next()
		m := func(kw string) bool { return cmdline.Matches(w, kw) }
		value := func(attr uint16, key string) (string, error) {
			v, err := a.Value()
			if err != nil {
				return "", err
			}
			return v, once(attr, key, v)
		}
		switch {
		case m("id"), m("vni"):
			v, err := value(unix.IFLA_GENEVE_ID, "id")
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 0, 1<<32-1)
			if !ok || n >= 1<<24 {
				return cmdline.InvalidArg("invalid id", v)
			}
			vni = uint32(n)
		case m("remote"):
			v, err := value(unix.IFLA_GENEVE_REMOTE, "remote")
			if err != nil {
				return err
			}
			if remote, _, err = vxlanAddr(v, netip.Addr{}); err != nil {
				return err
			}
			if !remote.IsValid() || remote.IsMulticast() {
				return cmdline.InvalidArg("invalid remote address", v)
			}
		case m("ttl"), m("hoplimit"):
			v, err := value(unix.IFLA_GENEVE_TTL, "ttl")
			if err != nil {
				return err
			}
			switch v {
			case "inherit":
				ae.Uint8(unix.IFLA_GENEVE_TTL_INHERIT, 1)
			case "auto":
			default:
				n, ok := cnum.Uint(v, 0, 1<<32-1)
				if !ok {
					return cmdline.InvalidArg("invalid TTL", v)
				}
				if n > 255 {
					return cmdline.InvalidArg("TTL must be <= 255", v)
				}
				ttl = uint8(n)
			}
		case m("tos"), m("dsfield"):
			v, err := value(unix.IFLA_GENEVE_TOS, "tos")
			if err != nil {
				return err
			}
			if v == "inherit" {
				tos = 1
			} else {
				n, ok := dsfield(v)
				if !ok {
					return cmdline.InvalidArg("bad TOS value", v)
				}
				tos = uint8(n)
			}
		case m("df"):
			v, err := value(unix.IFLA_GENEVE_DF, "df")
			if err != nil {
				return err
			}
			df, ok := map[string]uint8{"unset": 0, "set": 1, "inherit": 2}[v]
			if !ok {
				return cmdline.InvalidArg("DF must be 'unset', 'set' or 'inherit'", v)
			}
			ae.Uint8(unix.IFLA_GENEVE_DF, df)
		case m("label"), m("flowlabel"):
			v, err := value(unix.IFLA_GENEVE_LABEL, "flowlabel")
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 0, 1<<32-1)
			if !ok || n&^0xfffff != 0 {
				return cmdline.InvalidArg("invalid flowlabel", v)
			}
			label = uint32(n)
		case m("dstport"):
			v, err := value(unix.IFLA_GENEVE_PORT, "dstport")
			if err != nil {
				return err
			}
			n, ok := cnum.Uint(v, 0, 1<<16-1)
			if !ok {
				return cmdline.InvalidArg("dstport", v)
			}
			dstport = uint16(n)
		case m("external"), m("noexternal"):
			if err := once(unix.IFLA_GENEVE_COLLECT_METADATA, w, w); err != nil {
				return err
			}
			metadata = m("external")
		case w == "innerprotoinherit":
			if err := once(unix.IFLA_GENEVE_INNER_PROTO_INHERIT, w, w); err != nil {
				return err
			}
			innerProto = true
		default:
			found := false
			for _, f := range flags {
				if m(f.word) {
					if err := once(f.attr, w, w); err != nil {
						return err
					}
					*f.dst, found = f.val, true
					break
				}
			}
			if found {
				continue
			}
			if m("help") {
				geneveHelp(p.Stderr)
				return cmdline.Silent(cmdline.StatusFailed)
			}
			fmt.Fprintf(p.Stderr, "geneve: unknown command \"%s\"?\n", w)
			geneveHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
	}
	if metadata && seen[unix.IFLA_GENEVE_ID] {
		return cmdline.Exit(cmdline.StatusFailed, "geneve: both 'external' and vni cannot be specified")
	}
	if !metadata {
		if !seen[unix.IFLA_GENEVE_ID] {
			return cmdline.Exit(cmdline.StatusFailed, "geneve: missing virtual network identifier")
		}
		if !setOp && !remote.IsValid() {
			return cmdline.Exit(cmdline.StatusFailed, "geneve: remote link partner not specified")
		}
	}
	ae.Uint32(unix.IFLA_GENEVE_ID, vni)
	if remote.IsValid() {
		putAddr(ae, unix.IFLA_GENEVE_REMOTE, unix.IFLA_GENEVE_REMOTE6, remote, false)
	}
	if !setOp || seen[unix.IFLA_GENEVE_LABEL] {
		ae.Bytes(unix.IFLA_GENEVE_LABEL, binary.BigEndian.AppendUint32(nil, label))
	}
	if !setOp || seen[unix.IFLA_GENEVE_TTL] {
		ae.Uint8(unix.IFLA_GENEVE_TTL, ttl)
	}
	if !setOp || seen[unix.IFLA_GENEVE_TOS] {
		ae.Uint8(unix.IFLA_GENEVE_TOS, tos)
	}
	if dstport != 0 {
		ae.Bytes(unix.IFLA_GENEVE_PORT, binary.BigEndian.AppendUint16(nil, dstport))
	}
	if metadata {
		ae.Bytes(unix.IFLA_GENEVE_COLLECT_METADATA, nil)
	}
	if innerProto {
		ae.Bytes(unix.IFLA_GENEVE_INNER_PROTO_INHERIT, nil)
	}
	for _, f := range []struct {
		attr uint16
		v    uint8
	}{
		{unix.IFLA_GENEVE_UDP_CSUM, udpcsum},
		{unix.IFLA_GENEVE_UDP_ZERO_CSUM6_TX, zeroCsum6Tx},
		{unix.IFLA_GENEVE_UDP_ZERO_CSUM6_RX, zeroCsum6Rx},
	} {
		if seen[f.attr] {
			ae.Uint8(f.attr, f.v)
		}
	}
	return nil
}
