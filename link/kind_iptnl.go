package link

import (
	"fmt"
	"io"
	"net/netip"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// ipip and sit: IPv4 tunnels (IFLA_IPTUN_*), encoded as iproute2's
// iptunnel_parse_opt does. This kernel has neither, so `add` ends in the
// kernel's "Unknown device type", and `set … type ipip|sit` (which first
// reads the tunnel's settings) in "Failed to get existing tunnel info.".
var (
	ipipKind = Kind{Name: "ipip", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseIPTunnel("ipip")(p, a, ae)
	}, Help: func(w io.Writer) { iptunHelp("ipip")(w) }}
	sitKind = Kind{Name: "sit", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseIPTunnel("sit")(p, a, ae)
	}, Help: func(w io.Writer) { iptunHelp("sit")(w) }}
)

// IFLA_IPTUN_* (linux/if_tunnel.h), which x/sys/unix lacks.
const (
	iptunLink              = 1  // IFLA_IPTUN_LINK
	iptunLocal             = 2  // IFLA_IPTUN_LOCAL
	iptunRemote            = 3  // IFLA_IPTUN_REMOTE
	iptunTtl               = 4  // IFLA_IPTUN_TTL
	iptunTos               = 5  // IFLA_IPTUN_TOS
	iptunEncapLimit        = 6  // IFLA_IPTUN_ENCAP_LIMIT
	iptunFlowinfo          = 7  // IFLA_IPTUN_FLOWINFO
	iptunFlags             = 8  // IFLA_IPTUN_FLAGS
	iptunProto             = 9  // IFLA_IPTUN_PROTO
	iptunPmtudisc          = 10 // IFLA_IPTUN_PMTUDISC
	iptun6RDPrefix         = 11 // IFLA_IPTUN_6RD_PREFIX
	iptun6RDRelayPrefix    = 12 // IFLA_IPTUN_6RD_RELAY_PREFIX
	iptun6RDPrefixlen      = 13 // IFLA_IPTUN_6RD_PREFIXLEN
	iptun6RDRelayPrefixlen = 14 // IFLA_IPTUN_6RD_RELAY_PREFIXLEN
	iptunEncapType         = 15 // IFLA_IPTUN_ENCAP_TYPE
	iptunCollectMetadata   = 19 // IFLA_IPTUN_COLLECT_METADATA
	iptunFwmark            = 20 // IFLA_IPTUN_FWMARK
)

// if_tunnel.h values.
const (
	sitISATAP          = 0x0001
	tunnelEncapNone    = 0
	tunnelEncapFOU     = 1
	tunnelEncapGUE     = 2
	tunnelEncapCsum    = 1 << 0
	tunnelEncapCsum6   = 1 << 1
	tunnelEncapRemcsum = 1 << 2
	ipprotoIPIP        = 4
	ipprotoIPv6        = 41
	ipprotoMPLS        = 137
)

func iptunHelp(kind string) func(io.Writer) {
	return func(w io.Writer) {
		modes := "ipip | mplsip | any"
		if kind == "sit" {
			modes = "ip6ip | ipip | mplsip | any } [ isatap"
		}
		fmt.Fprintf(w, "Usage: ... %s [ remote ADDR ] [ local ADDR ] [ ttl TTL ] [ tos TOS ]\n"+
			"\t[ [no]pmtudisc ] [ dev PHYS_DEV ] [ fwmark MARK ] [ external ]\n"+
			"\t[ 6rd-prefix ADDR ] [ 6rd-relay_prefix ADDR ] [ 6rd-reset ]\n"+
			"\t[ noencap | encap { fou | gue | none } ] [ encap-sport PORT ] [ encap-dport PORT ]\n"+
			"\t[ [no]encap-csum ] [ [no]encap-csum6 ] [ [no]encap-remcsum ] [ mode { %s } ]\n\n"+
			"Where:\tADDR is an IP_ADDRESS or any; TOS a NUMBER or inherit; TTL 1..255 or inherit;\n"+
			"\tMARK 0x0..0xffffffff\n", kind, modes)
	}
}

// tunnelAddr is get_addr(…, AF_INET): "any" (and "default", "all") is no
// address.
func tunnelAddr(v string) (netip.Addr, error) { return tunnelEndpoint(v, netip.IPv4Unspecified()) }

// tunnelEndpoint reads a tunnel's local or remote address of unspec's
// family; the unspecified address is none (the zero netip.Addr).
func tunnelEndpoint(v string, unspec netip.Addr) (netip.Addr, error) {
	a, _, err := vxlanAddr(v, unspec)
	if err != nil {
		return netip.Addr{}, err
	}
	if a.IsUnspecified() {
		return netip.Addr{}, nil
	}
	return a, nil
}

// existingTunnel is the check iproute2's tunnel parsers make on set: the
// device must already carry tunnel settings. None can here (the kernel has
// no IP tunnels); a device of another kind has none either.
func existingTunnel(p *Parser) error {
	if !p.Create {
		return cmdline.Exit(cmdline.StatusFailed, "Failed to get existing tunnel info.")
	}
	return nil
}

func parseIPTunnel(kind string) func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	return func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		if err := existingTunnel(p); err != nil {
			return err
		}
		var (
			saddr, daddr        netip.Addr
			prefix6rd, relay6rd netip.Prefix
			pmtudisc            uint8 = 1
			tos, ttl, proto     uint8
			iflags              uint16
			link, fwmark        uint32
			encap               tunnelEncap
			metadata            bool
		)
		for a.More() {
			w := a.Next()
			if took, err := encap.parse(w, a); took {
				if err != nil {
					return err
				}
				continue
			}
			var err error
			var v string
			needValue := func() bool {
				v, err = a.Value()
				return err == nil
			}
			switch {
			case w == "mode":
				if !needValue() {
					return err
				}
				switch {
				case kind == "sit" && (v == "ipv6/ipv4" || v == "ip6ip"):
					proto = ipprotoIPv6
				case v == "ipv4/ipv4" || v == "ipip" || v == "ip4ip4":
					proto = ipprotoIPIP
				case v == "mpls/ipv4" || v == "mplsip":
					proto = ipprotoMPLS
				case v == "any/ipv4" || v == "any":
					proto = 0
				default:
					return cmdline.InvalidArg("Cannot guess tunnel mode.", v)
				}
			case w == "remote", w == "local":
				if !needValue() {
					return err
				}
				addr, err := tunnelAddr(v)
				if err != nil {
					return err
				}
				if w == "remote" {
					daddr = addr
				} else {
					saddr = addr
				}
			case cmdline.Matches(w, "dev"):
				if !needValue() {
					return err
				}
				if link = uint32(p.Index(v)); link == 0 {
					return cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v)
				}
			case w == "ttl", w == "hoplimit", w == "hlim":
				if !needValue() {
					return err
				}
				ttl = 0
				if v != "inherit" {
					n, ok := cnum.Uint(v, 0, 255)
					if !ok {
						return cmdline.InvalidArg("invalid TTL\n", v)
					}
					ttl = uint8(n)
				}
			case w == "tos", w == "tclass", w == "tc", cmdline.Matches(w, "dsfield"):
				if !needValue() {
					return err
				}
				tos = 1
				if v != "inherit" {
					n, ok := dsfield(v)
					if !ok {
						return cmdline.InvalidArg("bad TOS value", v)
					}
					tos = uint8(n)
				}
			case w == "nopmtudisc":
				pmtudisc = 0
			case w == "pmtudisc":
				pmtudisc = 1
			case kind == "sit" && w == "isatap":
				iflags |= sitISATAP
			case w == "external":
				metadata = true
			case w == "6rd-prefix", w == "6rd-relay_prefix":
				if !needValue() {
					return err
				}
				six := w == "6rd-prefix"
				// get_prefix exits before iproute2's own "invalid
				// 6rd_prefix" could be printed.
				pfx, err := tunnelPrefix(v, six)
				if err != nil {
					return err
				}
				if six {
					prefix6rd = pfx
				} else {
					relay6rd = pfx
				}
			case w == "6rd-reset":
				prefix6rd = netip.MustParsePrefix("2002::/16")
				relay6rd = netip.Prefix{}
			case w == "fwmark":
				if !needValue() {
					return err
				}
				n, ok := cnum.Uint(v, 0, 1<<32-1)
				if !ok {
					return cmdline.InvalidArg("invalid fwmark\n", v)
				}
				fwmark = uint32(n)
			default:
				iptunHelp(kind)(p.Stderr)
				return cmdline.Silent(cmdline.StatusFailed)
			}
		}
		if ttl != 0 && pmtudisc == 0 {
			return cmdline.Fatal(cmdline.StatusUsage, "ttl != 0 and nopmtudisc are incompatible")
		}
		ae.Uint8(iptunProto, proto)
		if metadata {
			ae.Bytes(iptunCollectMetadata, nil)
			return nil
		}
		if saddr.IsValid() {
			ae.Bytes(iptunLocal, saddr.AsSlice())
		}
		if daddr.IsValid() {
			ae.Bytes(iptunRemote, daddr.AsSlice())
		}
		ae.Uint8(iptunPmtudisc, pmtudisc)
		ae.Uint8(iptunTos, tos)
		ae.Uint8(iptunTtl, ttl)
		ae.Uint32(iptunLink, link)
		ae.Uint32(iptunFwmark, fwmark)
		encap.encode(ae, iptunEncapType)
		if kind == "sit" {
			ae.Uint16(iptunFlags, iflags)
			if prefix6rd.IsValid() {
				ae.Bytes(iptun6RDPrefix, prefix6rd.Addr().AsSlice())
				ae.Uint16(iptun6RDPrefixlen, uint16(prefix6rd.Bits()))
			}
			if relay6rd.IsValid() {
				ae.Bytes(iptun6RDRelayPrefix, relay6rd.Addr().AsSlice())
				ae.Uint16(iptun6RDRelayPrefixlen, uint16(relay6rd.Bits()))
			}
		}
		return nil
	}
}

// tunnelPrefix is get_prefix for an IPv6 (six) or IPv4 prefix: an address
// without a length is a host prefix, and default/any/all the zero prefix.
// iproute2 keeps the address as given.
func tunnelPrefix(v string, six bool) (netip.Prefix, error) {
	family := unix.AF_INET
	if six {
		family = unix.AF_INET6
	}
	p, err := cnum.GetPrefix(v, family)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(p.IP(), p.BitLen), nil
}
