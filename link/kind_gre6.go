package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
)

// ip6gre, ip6gretap and ip6erspan: GRE tunnels over IPv6 (IFLA_GRE_*),
// encoded as iproute2's link_gre6.c does. All three take the ERSPAN words
// and send IFLA_GRE_ERSPAN_VER (1 unless given). This kernel has none of
// them; see kind_iptnl.go for what the user sees.
var (
	ip6greKind = Kind{Name: "ip6gre", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseGRE6("ip6gre")(p, a, ae)
	}, Print: printGRE6, Help: func(w io.Writer) { gre6Help("ip6gre")(w) }}
	ip6gretapKind = Kind{Name: "ip6gretap", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseGRE6("ip6gretap")(p, a, ae)
	}, Print: printGRE6, Help: func(w io.Writer) { gre6Help("ip6gretap")(w) }}
	ip6erspanKind = Kind{Name: "ip6erspan", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseGRE6("ip6erspan")(p, a, ae)
	}, Print: printGRE6, Help: func(w io.Writer) { gre6Help("ip6erspan")(w) }}
)

// IFLA_GRE_* for IPv6 tunnels.
const (
	greEncapLimit = 11
	greFlowinfo   = 12
	greFlags      = 13
)

func gre6Help(kind string) func(io.Writer) {
	return func(w io.Writer) {
		fmt.Fprintf(w, "Usage: ... %s [ remote ADDR ] [ local ADDR ] [ [no][i|o]seq ]\n"+
			"\t[ [i|o]key KEY | no[i|o]key ] [ [no][i|o]csum ] [ hoplimit TTL ]\n"+
			"\t[ encaplimit ELIM ] [ tclass TCLASS ] [ flowlabel FLOWLABEL ] [ dscp inherit ]\n"+
			"\t[ dev PHYS_DEV ] [ fwmark MARK ] [ [no]allow-localremote ] [ external ]\n"+
			"\t[ noencap | encap { fou | gue | none } ] [ encap-sport PORT ] [ encap-dport PORT ]\n"+
			"\t[ [no]encap-csum ] [ [no]encap-csum6 ] [ [no]encap-remcsum ]\n"+
			"\t[ erspan_ver version ] [ erspan IDX ] [ erspan_dir { ingress | egress } ] [ erspan_hwid hwid ]\n\n"+
			"Where:\tADDR\t  := IPV6_ADDRESS\n"+
			"\tTTL\t  := { 0..255 } (default=%d)\n"+
			"\tKEY\t  := { DOTTED_QUAD | NUMBER }\n"+
			"\tELIM\t  := { none | 0..255 }(default=%d)\n"+
			"\tTCLASS\t  := { 0x0..0xff | inherit }\n"+
			"\tFLOWLABEL := { 0x0..0xfffff | inherit }\n"+
			"\tMARK\t  := { 0x0..0xffffffff | inherit }\n",
			kind, ip6tnlDefaultHopLimit, ip6tnlDefaultEncapLimit)
	}
}

func parseGRE6(kind string) func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	return func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		if err := existingTunnel(p); err != nil {
			return err
		}
		keys := newGREKeys()
		t := newIP6Tunnel(true)
		encap := tunnelEncap{flags: tunnelEncapCsum6}
		erspan := erspanOpts{ver: 1}
		metadata := false
		for a.More() {
			w := a.Next()
			took, err := takeWord(w, a, keys.parse, t.parser(p), encap.parse, erspan.parse)
			switch {
			case err != nil:
				return err
			case took:
			case w == "external":
				metadata = true
			default:
				gre6Help(kind)(p.Stderr)
				return cmdline.Silent(cmdline.StatusFailed)
			}
		}
		if metadata {
			ae.Bytes(greCollectMetadata, nil)
			return nil
		}
		keys.encode(ae)
		if t.saddr.IsValid() {
			ae.Bytes(greLocal, t.saddr.AsSlice())
		}
		if t.daddr.IsValid() {
			ae.Bytes(greRemote, t.daddr.AsSlice())
		}
		if t.link != 0 {
			ae.Uint32(greLink, t.link)
		}
		ae.Uint8(greTTL, t.hopLimit)
		ae.Uint8(greEncapLimit, t.encapLimit)
		ae.Bytes(greFlowinfo, t.flowinfoBytes())
		ae.Uint32(greFlags, t.flags)
		ae.Uint32(greFwmark, t.fwmark)
		erspan.encode(ae)
		encap.encode(ae, greEncapType)
		return nil
	}
}
