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

// ip6tnl: IPv4 or IPv6 over IPv6 (IFLA_IPTUN_*), encoded as iproute2's
// ip6tunnel_parse_opt does: every setting always, with the kernel's
// defaults (hop limit 64, encapsulation limit 4, udp6 checksums on) where
// none is given. This kernel has no ip6tnl; see kind_iptnl.go for what the
// user sees.
var ip6tnlKind = Kind{Name: "ip6tnl", Parse: parseIP6Tunnel, Print: printIP6Tunnel, Help: ip6tnlHelp}

// linux/ip6_tunnel.h: the flags (IFLA_IPTUN_FLAGS) and defaults.
const (
	ip6tnlIgnEncapLimit    = 0x1
	ip6tnlUseOrigTclass    = 0x2
	ip6tnlUseOrigFlowlabel = 0x4
	ip6tnlMIP6Dev          = 0x8
	ip6tnlRcvDSCPCopy      = 0x10
	ip6tnlUseOrigFwmark    = 0x20
	ip6tnlAllowLocalRemote = 0x40

	ip6tnlDefaultHopLimit   = 64
	ip6tnlDefaultEncapLimit = 4

	ip6FlowinfoTclass    = 0x0ff00000
	ip6FlowinfoFlowlabel = 0x000fffff
)

func ip6tnlHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: ... ip6tnl [ remote ADDR ] [ local ADDR ] [ encaplimit ELIM ]\n"+
		"\t[ hoplimit HLIM ] [ tclass TCLASS ] [ flowlabel FLOWLABEL ] [ dscp inherit ]\n"+
		"\t[ [no]allow-localremote ] [ dev PHYS_DEV ] [ fwmark MARK ] [ external ]\n"+
		"\t[ noencap | encap { fou | gue | none } ] [ encap-sport PORT ] [ encap-dport PORT ]\n"+
		"\t[ [no]encap-csum ] [ [no]encap-csum6 ] [ [no]encap-remcsum ]\n"+
		"\t[ mode { ip6ip6 | ipip6 | any } ]\n\n"+
		"Where:\tADDR\t  := IPV6_ADDRESS\n"+
		"\tELIM\t  := { none | 0..255 }(default=%d)\n"+
		"\tHLIM\t  := 0..255 (default=%d)\n"+
		"\tTCLASS    := { 0x0..0xff | inherit }\n"+
		"\tFLOWLABEL := { 0x0..0xfffff | inherit }\n"+
		"\tMARK\t  := { 0x0..0xffffffff | inherit }\n",
		ip6tnlDefaultEncapLimit, ip6tnlDefaultHopLimit)
}

// ip6Tunnel is what the IPv6 tunnels (ip6tnl, and the ip6gre family in
// kind_gre6.go) share: the endpoints, hop and encapsulation limits, the
// traffic class and flow label (flowinfo, in host order) and the
// ip6_tunnel flags they set.
type ip6Tunnel struct {
	// gre: the ip6gre grammar, where remote, local, ttl, hoplimit, hlim,
	// tos and tclass may be abbreviated and a bad encaplimit is an error.
	gre          bool
	saddr, daddr netip.Addr
	hopLimit     uint8
	encapLimit   uint8
	flowinfo     uint32
	flags        uint32
	link, fwmark uint32
}

func newIP6Tunnel(gre bool) ip6Tunnel {
	return ip6Tunnel{gre: gre, hopLimit: ip6tnlDefaultHopLimit, encapLimit: ip6tnlDefaultEncapLimit}
}

// parse takes w if it is one of the shared words (remote, local, dev,
// hoplimit, encaplimit, tclass, flowlabel, dscp, fwmark,
// [no]allow-localremote), reading its value from a; it reports whether it
// took it.
func (t *ip6Tunnel) parse(p *Parser, w string, a *cmdline.Args) (bool, error) {
	is := func(kw string) bool { return w == kw || t.gre && cmdline.Matches(w, kw) }
	remote, local := is("remote"), is("local")
	hlim := is("ttl") || is("hoplimit") || is("hlim")
	tclass := is("tos") || is("tclass") || w == "tc" || cmdline.Matches(w, "dsfield")
	switch {
	case remote, local, cmdline.Matches(w, "dev"), hlim, tclass, w == "encaplimit",
		w == "flowlabel", w == "fl", w == "dscp", w == "fwmark":
	case w == "allow-localremote":
		t.flags |= ip6tnlAllowLocalRemote
		return true, nil
	case w == "noallow-localremote":
		t.flags &^= ip6tnlAllowLocalRemote
		return true, nil
	default:
		return false, nil
	}
	v, err := a.Value()
	if err != nil {
		return true, err
	}
	switch {
	case remote, local:
		addr, err := tunnelAddr6(v)
		if err != nil {
			return true, err
		}
		if remote {
			t.daddr = addr
		} else {
			t.saddr = addr
		}
	case cmdline.Matches(w, "dev"):
		if t.link = uint32(p.Index(v)); t.link == 0 {
			return true, cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v)
		}
	case hlim:
		t.hopLimit = 0
		if v != "inherit" {
			n, ok := cnum.Uint(v, 0, 255)
			if !ok {
				return true, cmdline.InvalidArg("invalid HLIM\n", v)
			}
			t.hopLimit = uint8(n)
		}
	case w == "encaplimit":
		if v == "none" {
			t.flags |= ip6tnlIgnEncapLimit
			break
		}
		// ip6tnl never rejects a limit (its check can't fail): a bad one
		// leaves its variable unset, which iproute2 6.1 sends as 0.
		n, ok := cnum.Uint(v, 0, 255)
		if !ok && t.gre {
			return true, cmdline.InvalidArg("invalid ELIM", v)
		}
		t.encapLimit = uint8(n)
		t.flags &^= ip6tnlIgnEncapLimit
	case w == "flowlabel", w == "fl":
		t.flowinfo &^= ip6FlowinfoFlowlabel
		if v == "inherit" {
			t.flags |= ip6tnlUseOrigFlowlabel
			break
		}
		n, ok := cnum.Uint(v, 16, ip6FlowinfoFlowlabel)
		if !ok {
			return true, cmdline.InvalidArg("invalid Flowlabel", v)
		}
		t.flowinfo |= uint32(n)
		t.flags &^= ip6tnlUseOrigFlowlabel
	case w == "dscp":
		if v != "inherit" {
			return true, cmdline.InvalidArg("not inherit", v)
		}
		t.flags |= ip6tnlRcvDSCPCopy
	case w == "fwmark":
		if v == "inherit" {
			t.flags |= ip6tnlUseOrigFwmark
			t.fwmark = 0
			break
		}
		n, ok := cnum.Uint(v, 0, 1<<32-1)
		if !ok {
			return true, cmdline.InvalidArg("invalid fwmark\n", v)
		}
		t.fwmark = uint32(n)
		t.flags &^= ip6tnlUseOrigFwmark
	case tclass:
		t.flowinfo &^= ip6FlowinfoTclass
		if v == "inherit" {
			t.flags |= ip6tnlUseOrigTclass
			break
		}
		n, ok := dsfield(v)
		if !ok {
			return true, cmdline.InvalidArg("invalid TClass", v)
		}
		t.flowinfo |= uint32(n) << 20
		t.flags &^= ip6tnlUseOrigTclass
	}
	return true, nil
}

// parser is parse as a wordParser.
func (t *ip6Tunnel) parser(p *Parser) wordParser {
	return func(w string, a *cmdline.Args) (bool, error) { return t.parse(p, w, a) }
}

// flowinfoBytes is the flowinfo as the kernel takes it, in network order.
func (t *ip6Tunnel) flowinfoBytes() []byte {
	return binary.BigEndian.AppendUint32(nil, t.flowinfo)
}

func parseIP6Tunnel(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	if err := existingTunnel(p); err != nil {
		return err
	}
	t := newIP6Tunnel(false)
	encap := tunnelEncap{flags: tunnelEncapCsum6}
	var proto uint8
	metadata := false
	for a.More() {
		w := a.Next()
		if took, err := takeWord(w, a, t.parser(p), encap.parse); took {
			if err != nil {
				return err
			}
			continue
		}
		switch w {
		case "mode":
			v, err := a.Value()
			if err != nil {
				return err
			}
			switch v {
			case "ipv6/ipv6", "ip6ip6":
				proto = ipprotoIPv6
			case "ip/ipv6", "ipv4/ipv6", "ipip6", "ip4ip6":
				proto = ipprotoIPIP
			case "any/ipv6", "any":
				proto = 0
			default:
				return cmdline.InvalidArg("Cannot guess tunnel mode.", v)
			}
		case "external":
			metadata = true
		default:
			ip6tnlHelp(p.Stderr)
			return cmdline.Silent(cmdline.StatusFailed)
		}
	}
	ae.Uint8(iptunProto, proto)
	if metadata {
		ae.Bytes(iptunCollectMetadata, nil)
		return nil
	}
	if t.saddr.IsValid() {
		ae.Bytes(iptunLocal, t.saddr.AsSlice())
	}
	if t.daddr.IsValid() {
		ae.Bytes(iptunRemote, t.daddr.AsSlice())
	}
	ae.Uint8(iptunTtl, t.hopLimit)
	ae.Uint8(iptunEncapLimit, t.encapLimit)
	ae.Bytes(iptunFlowinfo, t.flowinfoBytes())
	ae.Uint32(iptunFlags, t.flags)
	ae.Uint32(iptunLink, t.link)
	ae.Uint32(iptunFwmark, t.fwmark)
	encap.encode(ae, iptunEncapType)
	return nil
}
