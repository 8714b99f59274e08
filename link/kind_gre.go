package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// gre, gretap and erspan: GRE tunnels over IPv4 (IFLA_GRE_*), encoded as
// iproute2's gre_parse_opt does. This kernel has none of them; see
// kind_iptnl.go for what the user sees.
var (
	greKind    = Kind{Name: "gre", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error { return parseGRE("gre")(p, a, ae) }, Help: func(w io.Writer) { greHelp("gre")(w) }}
	gretapKind = Kind{Name: "gretap", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseGRE("gretap")(p, a, ae)
	}, Help: func(w io.Writer) { greHelp("gretap")(w) }}
	erspanKind = Kind{Name: "erspan", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseGRE("erspan")(p, a, ae)
	}, Help: func(w io.Writer) { greHelp("erspan")(w) }}
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
			"\t[ [no]encap-csum ] [ [no]encap-csum6 ] [ [no]encap-remcsum ]\n", kind)
		if kind == "erspan" {
			fmt.Fprint(w, "\t[ erspan_ver version ] [ erspan IDX ] [ erspan_dir { ingress | egress } ] [ erspan_hwid hwid ]\n")
		}
		fmt.Fprint(w, "\nWhere:\tADDR is an IP_ADDRESS or any; TOS a NUMBER or inherit; TTL 1..255 or inherit;\n"+
			"\tKEY a DOTTED_QUAD or a NUMBER; MARK 0x0..0xffffffff\n")
	}
}

// greKey is tnl_parse_key: a dotted quad, or an unsigned number, in
// network order.
func greKey(name, v string) ([]byte, error) {
	if strings.Contains(v, ".") {
		a, ok := cnum.ParseAddr(v, unix.AF_INET)
		if !ok {
			return nil, cmdline.Fatal(cmdline.StatusFailed, "Error: an IP address is expected rather than \"%s\"", v)
		}
		return a.Data[:4], nil
	}
	n, ok := cnum.Uint(v, 0, 1<<32-1)
	if !ok {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "invalid value for \"%s\": \"%s\"; it should be an unsigned integer", name, v)
	}
	return binary.BigEndian.AppendUint32(nil, uint32(n)), nil
}

// keyWord reports which of key, ikey and okey w abbreviates ("" for
// none).
func keyWord(w string) string {
	for _, kw := range []string{"key", "ikey", "okey"} {
		if cmdline.Matches(w, kw) {
			return kw
		}
	}
	return ""
}

// readKey reads the value of the key word name (key, ikey or okey) from a:
// the key, and whether it is the input key, the output key or both.
func readKey(name string, a *cmdline.Args) (key []byte, in, out bool, err error) {
	v, err := a.Value()
	if err != nil {
		return nil, false, false, err
	}
	if key, err = greKey(name, v); err != nil {
		return nil, false, false, err
	}
	return key, name != "okey", name != "ikey", nil
}

// greKeys is the GRE header words gre and the ip6gre family share: the
// keys, sequence numbers and checksums, each for both directions or for
// input (i…) or output (o…) alone. The keys are in network order.
type greKeys struct {
	iflags, oflags uint16
	ikey, okey     []byte
}

func newGREKeys() greKeys { return greKeys{ikey: make([]byte, 4), okey: make([]byte, 4)} }

// parse takes w if it is a key, sequence or checksum word, reading a key
// from a; it reports whether it took it. Abbreviations resolve in
// iproute2's order (key, nokey, ikey, noikey, okey, nookey, seq, …).
func (k *greKeys) parse(w string, a *cmdline.Args) (bool, error) {
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case keyWord(w) != "":
		key, in, out, err := readKey(keyWord(w), a)
		if err != nil {
			return true, err
		}
		if in {
			k.iflags |= greKeyFlag
			k.ikey = key
		}
		if out {
			k.oflags |= greKeyFlag
			k.okey = key
		}
	case m("nokey"):
		k.iflags &^= greKeyFlag
		k.oflags &^= greKeyFlag
		k.ikey, k.okey = make([]byte, 4), make([]byte, 4)
	case m("noikey"):
		k.iflags &^= greKeyFlag
		k.ikey = make([]byte, 4)
	case m("nookey"):
		k.oflags &^= greKeyFlag
		k.okey = make([]byte, 4)
	default:
		flags := []struct {
			word    string
			flag    uint16
			set     bool
			in, out bool
		}{
			{"seq", greSeqFlag, true, true, true},
			{"noseq", greSeqFlag, false, true, true},
			{"iseq", greSeqFlag, true, true, false},
			{"noiseq", greSeqFlag, false, true, false},
			{"oseq", greSeqFlag, true, false, true},
			{"nooseq", greSeqFlag, false, false, true},
			{"csum", greCsumFlag, true, true, true},
			{"nocsum", greCsumFlag, false, true, true},
			{"icsum", greCsumFlag, true, true, false},
			{"noicsum", greCsumFlag, false, true, false},
			{"ocsum", greCsumFlag, true, false, true},
			{"noocsum", greCsumFlag, false, false, true},
		}
		for _, f := range flags {
			if !m(f.word) {
				continue
			}
			for _, dir := range []struct {
				on    bool
				flags *uint16
			}{{f.in, &k.iflags}, {f.out, &k.oflags}} {
				switch {
				case !dir.on:
				case f.set:
					*dir.flags |= f.flag
				default:
					*dir.flags &^= f.flag
				}
			}
			return true, nil
		}
		return false, nil
	}
	return true, nil
}

// encode writes the keys and flags (IFLA_GRE_IKEY, OKEY, IFLAGS, OFLAGS).
func (k *greKeys) encode(ae *netlink.AttributeEncoder) {
	ae.Bytes(greIKey, k.ikey)
	ae.Bytes(greOKey, k.okey)
	ae.Bytes(greIFlags, binary.BigEndian.AppendUint16(nil, k.iflags))
	ae.Bytes(greOFlags, binary.BigEndian.AppendUint16(nil, k.oflags))
}

// erspanOpts is the ERSPAN words (erspan, erspan_ver, erspan_dir,
// erspan_hwid) of erspan and the ip6gre family.
type erspanOpts struct {
	idx  uint32
	ver  uint8
	dir  uint8
	hwid uint16
}

// parse takes w if it is an ERSPAN word, reading its value from a; it
// reports whether it took it.
func (e *erspanOpts) parse(w string, a *cmdline.Args) (bool, error) {
	switch w {
	case "erspan", "erspan_ver", "erspan_dir", "erspan_hwid":
	default:
		return false, nil
	}
	v, err := a.Value()
	if err != nil {
		return true, err
	}
	switch w {
	case "erspan":
		n, ok := cnum.Uint(v, 0, 1<<32-1)
		if !ok {
			return true, cmdline.InvalidArg("invalid erspan index\n", v)
		}
		if n >= 1<<20 || n == 0 {
			return true, cmdline.InvalidArg("erspan index must be > 0 and <= 20-bit\n", v)
		}
		e.idx = uint32(n)
	case "erspan_ver":
		n, ok := cnum.Uint(v, 0, 255)
		if !ok {
			return true, cmdline.InvalidArg("invalid erspan version\n", v)
		}
		if n > 2 {
			return true, cmdline.InvalidArg("erspan version must be 0/1/2\n", v)
		}
		e.ver = uint8(n)
	case "erspan_dir":
		switch {
		case cmdline.Matches(v, "ingress"):
			e.dir = 0
		case cmdline.Matches(v, "egress"):
			e.dir = 1
		default:
			return true, cmdline.InvalidArg("Invalid erspan direction.", v)
		}
	default: // erspan_hwid
		n, ok := cnum.Uint(v, 0, 1<<16-1)
		if !ok {
			return true, cmdline.InvalidArg("invalid erspan hwid\n", v)
		}
		e.hwid = uint16(n)
	}
	return true, nil
}

// encode writes the version, then the index (version 1) or the direction
// and hardware id (version 2).
func (e *erspanOpts) encode(ae *netlink.AttributeEncoder) {
	ae.Uint8(greErspanVer, e.ver)
	if e.ver == 1 && e.idx != 0 {
		ae.Uint32(greErspanIndex, e.idx)
	} else if e.ver == 2 {
		ae.Uint8(greErspanDir, e.dir)
		ae.Uint16(greErspanHWID, e.hwid)
	}
}

func parseGRE(kind string) func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	isErspan := kind == "erspan"
	return func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		if err := existingTunnel(p); err != nil {
			return err
		}
		var (
			keys               = newGREKeys()
			saddr, daddr       netip.Addr
			pmtudisc           uint8 = 1
			ignoreDF, tos, ttl uint8
			link, fwmark       uint32
			encap              tunnelEncap
			metadata           bool
			erspan             = erspanOpts{ver: 1}
		)
		parsers := []wordParser{keys.parse, encap.parse}
		if isErspan {
			parsers = append(parsers, erspan.parse)
		}
		for a.More() {
			w := a.Next()
			if took, err := takeWord(w, a, parsers...); took {
				if err != nil {
					return err
				}
				continue
			}
			m := func(kw string) bool { return cmdline.Matches(w, kw) }
			var v string
			var err error
			next := func() bool { v, err = a.Value(); return err == nil }
			switch {
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
					return cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v)
				}
			case m("ttl"), m("hoplimit"), m("hlim"):
				if !next() {
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
			case m("tos"), m("tclass"), m("dsfield"):
				if !next() {
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
				n, ok := cnum.Uint(v, 0, 1<<32-1)
				if !ok {
					return cmdline.InvalidArg("invalid fwmark\n", v)
				}
				fwmark = uint32(n)
			default:
				greHelp(kind)(p.Stderr)
				return cmdline.Silent(cmdline.StatusFailed)
			}
		}
		if daddr.IsMulticast() {
			if string(keys.ikey) == "\x00\x00\x00\x00" {
				keys.ikey = daddr.AsSlice()
				keys.iflags |= greKeyFlag
			}
			if string(keys.okey) == "\x00\x00\x00\x00" {
				keys.okey = daddr.AsSlice()
				keys.oflags |= greKeyFlag
			}
			if !saddr.IsValid() {
				return cmdline.Exit(cmdline.StatusFailed, "A broadcast tunnel requires a source address.")
			}
		}
		if metadata {
			ae.Bytes(greCollectMetadata, nil)
			return nil
		}
		keys.encode(ae)
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
			erspan.encode(ae)
		}
		encap.encode(ae, greEncapType)
		return nil
	}
}
