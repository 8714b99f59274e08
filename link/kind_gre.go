package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// gre, gretap and erspan: GRE tunnels over IPv4 (IFLA_GRE_*), encoded as
// iproute2's gre_parse_opt does. This kernel has none of them; see
// kind_iptnl.go for what the user sees.
var (
	greKind    = Kind{Name: "gre", Parse: parseGRE("gre"), Help: greHelp("gre")}
	gretapKind = Kind{Name: "gretap", Parse: parseGRE("gretap"), Help: greHelp("gretap")}
	erspanKind = Kind{Name: "erspan", Parse: parseGRE("erspan"), Help: greHelp("erspan")}
)

// IFLA_GRE_* (linux/if_tunnel.h) and the GRE flags, which are big-endian
// on the wire.
const (
	greLink            = 1
	greIFlags          = 2
	greOFlags          = 3
	greIKey            = 4
	greOKey            = 5
	greLocal           = 6
	greRemote          = 7
	greTTL             = 8
	greTOS             = 9
	grePMTUDisc        = 10
	greEncapType       = 14
	greCollectMetadata = 18
	greIgnoreDF        = 19
	greFwmark          = 20
	greErspanIndex     = 21
	greErspanVer       = 22
	greErspanDir       = 23
	greErspanHWID      = 24

	greCsumFlag = 0x8000
	greKeyFlag  = 0x2000
	greSeqFlag  = 0x1000
)

func greHelp(kind string) func(io.Writer) {
	return func(w io.Writer) {
		fmt.Fprintf(w, "Usage: ... %s [ remote ADDR ] [ local ADDR ] [ [no][i|o]seq ]\n"+
			"\t[ [i|o]key KEY | no[i|o]key ] [ [no][i|o]csum ] [ ttl TTL ] [ tos TOS ]\n"+
			"\t[ [no]pmtudisc ] [ [no]ignore-df ] [ dev PHYS_DEV ] [ fwmark MARK ] [ external ]\n"+
			"\t[ noencap | encap { fou | gue | none } ] [ encap-sport PORT ] [ encap-dport PORT ]\n"+
			"\t[ [no]encap-csum ] [ [no]encap-udp6-csum ] [ [no]encap-remcsum ]\n", kind)
		if kind == "erspan" {
			fmt.Fprint(w, "\t[ erspan_ver VERSION ] [ erspan IDX ] [ erspan_dir { ingress | egress } ] [ erspan_hwid HWID ]\n")
		}
	}
}

// greKey is tnl_parse_key: a dotted quad, or an unsigned number, in
// network order.
func greKey(name, v string) ([]byte, error) {
	if strings.Contains(v, ".") {
		a, ok := inetAddr(v, unix.AF_INET)
		if !ok {
			return nil, cli.Fatal(1, "Error: an IP address is expected rather than \"%s\"", v)
		}
		return a.AsSlice(), nil
	}
	n, ok := getUnsigned(v, 1<<32-1)
	if !ok {
		return nil, cli.Fatal(255, "invalid value for \"%s\": \"%s\"; it should be an unsigned integer", name, v)
	}
	return binary.BigEndian.AppendUint32(nil, uint32(n)), nil
}

func parseGRE(kind string) func(p *Parser, a *cli.Args, ae *netlink.AttributeEncoder) error {
	isErspan := kind == "erspan"
	return func(p *Parser, a *cli.Args, ae *netlink.AttributeEncoder) error {
		if err := existingTunnel(p); err != nil {
			return err
		}
		var (
			iflags, oflags     uint16
			ikey, okey         = make([]byte, 4), make([]byte, 4)
			saddr, daddr       netip.Addr
			pmtudisc           uint8 = 1
			ignoreDF, tos, ttl uint8
			link, fwmark       uint32
			encap              tunnelEncap
			metadata           bool
			erspanIdx          uint32
			erspanVer          uint8 = 1
			erspanDir          uint8
			erspanHWID         uint16
		)
		zero := func() []byte { return make([]byte, 4) }
		for a.More() {
			w := a.Next()
			if took, err := encap.parse(w, a); took {
				if err != nil {
					return err
				}
				continue
			}
			m := func(kw string) bool { return cli.Matches(w, kw) }
			var v string
			var err error
			next := func() bool { v, err = a.Value(); return err == nil }
			switch {
			case m("key"), m("ikey"), m("okey"):
				if !next() {
					return err
				}
				name := "key"
				if m("ikey") {
					name = "ikey"
				} else if m("okey") {
					name = "okey"
				}
				k, err := greKey(name, v)
				if err != nil {
					return err
				}
				if name != "okey" {
					iflags |= greKeyFlag
					ikey = k
				}
				if name != "ikey" {
					oflags |= greKeyFlag
					okey = k
				}
			case m("nokey"):
				iflags &^= greKeyFlag
				oflags &^= greKeyFlag
				ikey, okey = zero(), zero()
			case m("noikey"):
				iflags &^= greKeyFlag
				ikey = zero()
			case m("nookey"):
				oflags &^= greKeyFlag
				okey = zero()
			case m("seq"):
				iflags |= greSeqFlag
				oflags |= greSeqFlag
			case m("noseq"):
				iflags &^= greSeqFlag
				oflags &^= greSeqFlag
			case m("iseq"):
				iflags |= greSeqFlag
			case m("noiseq"):
				iflags &^= greSeqFlag
			case m("oseq"):
				oflags |= greSeqFlag
			case m("nooseq"):
				oflags &^= greSeqFlag
			case m("csum"):
				iflags |= greCsumFlag
				oflags |= greCsumFlag
			case m("nocsum"):
				iflags &^= greCsumFlag
				oflags &^= greCsumFlag
			case m("icsum"):
				iflags |= greCsumFlag
			case m("noicsum"):
				iflags &^= greCsumFlag
			case m("ocsum"):
				oflags |= greCsumFlag
			case m("noocsum"):
				oflags &^= greCsumFlag
			case m("nopmtudisc"):
				pmtudisc = 0
			case m("pmtudisc"):
				pmtudisc = 1
			case m("remote"), m("local"):
				remote := m("remote")
				if !next() {
					return err
				}
				addr, err := tunnelAddr(v)
				if err != nil {
					return err
				}
				if remote {
					daddr = addr
				} else {
					saddr = addr
				}
			case m("dev"):
				if !next() {
					return err
				}
				if link = uint32(p.Index(v)); link == 0 {
					return cli.Fatal(255, "Cannot find device \"%s\"", v)
				}
			case m("ttl"), m("hoplimit"), m("hlim"):
				if !next() {
					return err
				}
				ttl = 0
				if v != "inherit" {
					n, ok := getUnsigned(v, 255)
					if !ok {
						return cli.InvalidArg("invalid TTL\n", v)
					}
					ttl = uint8(n)
				}
			case m("tos"), m("tclass"), m("dsfield"):
				if !next() {
					return err
				}
				tos = 1
				if v != "inherit" {
					n, ok := dsfield(v)
					if !ok {
						return cli.InvalidArg("bad TOS value", v)
					}
					tos = uint8(n)
				}
			case w == "external":
				metadata = true
			case w == "ignore-df":
				ignoreDF = 1
			case w == "noignore-df":
				ignoreDF = 2 // only the low bit is sent; 2 marks "given"
			case w == "fwmark":
				if !next() {
					return err
				}
				n, ok := getUnsigned(v, 1<<32-1)
				if !ok {
					return cli.InvalidArg("invalid fwmark\n", v)
				}
				fwmark = uint32(n)
			case isErspan && w == "erspan":
				if !next() {
					return err
				}
				n, ok := getUnsigned(v, 1<<32-1)
				if !ok {
					return cli.InvalidArg("invalid erspan index\n", v)
				}
				if n >= 1<<20 || n == 0 {
					return cli.InvalidArg("erspan index must be > 0 and <= 20-bit\n", v)
				}
				erspanIdx = uint32(n)
			case isErspan && w == "erspan_ver":
				if !next() {
					return err
				}
				n, ok := getUnsigned(v, 255)
				if !ok {
					return cli.InvalidArg("invalid erspan version\n", v)
				}
				if n > 2 {
					return cli.InvalidArg("erspan version must be 0/1/2\n", v)
				}
				erspanVer = uint8(n)
			case isErspan && w == "erspan_dir":
				if !next() {
					return err
				}
				switch {
				case cli.Matches(v, "ingress"):
					erspanDir = 0
				case cli.Matches(v, "egress"):
					erspanDir = 1
				default:
					return cli.InvalidArg("Invalid erspan direction.", v)
				}
			case isErspan && w == "erspan_hwid":
				if !next() {
					return err
				}
				n, ok := getUnsigned(v, 1<<16-1)
				if !ok {
					return cli.InvalidArg("invalid erspan hwid\n", v)
				}
				erspanHWID = uint16(n)
			default:
				greHelp(kind)(p.Stderr)
				return cli.Silent(1)
			}
		}
		if daddr.IsMulticast() {
			if string(ikey) == "\x00\x00\x00\x00" {
				ikey = daddr.AsSlice()
				iflags |= greKeyFlag
			}
			if string(okey) == "\x00\x00\x00\x00" {
				okey = daddr.AsSlice()
				oflags |= greKeyFlag
			}
			if !saddr.IsValid() {
				return cli.Exit(1, "A broadcast tunnel requires a source address.")
			}
		}
		if metadata {
			ae.Bytes(greCollectMetadata, nil)
			return nil
		}
		be16 := func(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
		ae.Bytes(greIKey, ikey)
		ae.Bytes(greOKey, okey)
		ae.Bytes(greIFlags, be16(iflags))
		ae.Bytes(greOFlags, be16(oflags))
		if saddr.IsValid() {
			ae.Bytes(greLocal, saddr.AsSlice())
		}
		if daddr.IsValid() {
			ae.Bytes(greRemote, daddr.AsSlice())
		}
		ae.Uint8(grePMTUDisc, pmtudisc)
		if ignoreDF != 0 {
			ae.Uint8(greIgnoreDF, ignoreDF&1)
		}
		ae.Uint8(greTOS, tos)
		if link != 0 {
			ae.Uint32(greLink, link)
		}
		ae.Uint8(greTTL, ttl)
		ae.Uint32(greFwmark, fwmark)
		if isErspan {
			ae.Uint8(greErspanVer, erspanVer)
			if erspanVer == 1 && erspanIdx != 0 {
				ae.Uint32(greErspanIndex, erspanIdx)
			} else if erspanVer == 2 {
				ae.Uint8(greErspanDir, erspanDir)
				ae.Uint16(greErspanHWID, erspanHWID)
			}
		}
		encap.encode(ae, greEncapType)
		return nil
	}
}
