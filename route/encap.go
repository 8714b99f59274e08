package route

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"golang.org/x/sys/unix"
)

// Lightweight tunnel encapsulations (linux/lwtunnel.h, seg6*.h,
// mpls_iptunnel.h): `encap TYPE ...` on a route or a nexthop.
const (
	RTAEncapType = 21
	RTAEncap     = 22
	NLAFNested   = 0x8000

	EncapMPLS      = 1
	EncapIP        = 2
	EncapILA       = 3
	EncapIP6       = 4
	EncapSeg6      = 5
	EncapBPF       = 6
	EncapSeg6Local = 7
	EncapRPL       = 8
	EncapIOAM6     = 9
	EncapXFRM      = 10

	// LWTUNNEL_IP_* and LWTUNNEL_IP6_* share numbers.
	LwtIPID    = 1
	LwtIPDst   = 2
	LwtIPSrc   = 3
	LwtIPTTL   = 4 // hoplimit for ip6
	LwtIPTos   = 5 // tc for ip6
	LwtIPFlags = 6

	TunnelCsum = 0x01
	TunnelKey  = 0x04
	TunnelSeq  = 0x08

	MPLSIPTunnelDst = 1
	MPLSIPTunnelTTL = 2

	Seg6IPTunnelSRH = 1

	Seg6LocalAction   = 1
	Seg6LocalSRH      = 2
	Seg6LocalTable    = 3
	Seg6LocalNH4      = 4
	Seg6LocalNH6      = 5
	Seg6LocalIIF      = 6
	Seg6LocalOIF      = 7
	Seg6LocalBPF      = 8
	Seg6LocalVRFTable = 9
	Seg6LocalCounters = 10
	Seg6LocalFlavors  = 11

	// SEG6_LOCAL_FLV_*: the attributes of the flavors nest.
	Seg6LocalFlvOperation   = 1
	Seg6LocalFlvLCBlockBits = 2
	Seg6LocalFlvLCNodeBits  = 3

	// SEG6_LOCAL_FLV_OP_NEXT_CSID: the flavor that takes lblen and nflen.
	seg6LocalFlvNextCSID = 4

	RPLIPTunnelSRH = 1

	// IOAM6_IPTUNNEL_*.
	IOAM6IPTunnelMode  = 1
	IOAM6IPTunnelDst   = 2
	IOAM6IPTunnelTrace = 3
	IOAM6IPTunnelFreqK = 4
	IOAM6IPTunnelFreqN = 5

	// IOAM6_IPTUNNEL_MODE_*.
	IOAM6ModeInline = 1
	IOAM6ModeEncap  = 2
	IOAM6ModeAuto   = 3

	ioam6FreqMax      = 1000000
	ioam6TraceSizeMax = 244

	// LWT_XFRM_*.
	LwtXFRMIfID = 1
	LwtXFRMLink = 2

	seg6LocalActionEndB6Encap = 10

	// LWT_BPF_*: the programs (nests of LWT_BPF_PROG_*) and the headroom.
	LwtBPFIn           = 1
	LwtBPFOut          = 2
	LwtBPFXmit         = 3
	LwtBPFXmitHeadroom = 4
	LwtBPFProgName     = 2

	SR6FlagHMAC = 1 << 3
	sr6TLVHMAC  = 5
)

var encapTypes = [...]string{EncapMPLS: "mpls", EncapIP: "ip", EncapILA: "ila", EncapIP6: "ip6",
	EncapSeg6: "seg6", EncapBPF: "bpf", EncapSeg6Local: "seg6local", EncapRPL: "rpl",
	EncapIOAM6: "ioam6", EncapXFRM: "xfrm"}

// EncapTypeName is an LWTUNNEL_ENCAP_* type's name ("unknown" for others).
func EncapTypeName(t uint16) string {
	if int(t) < len(encapTypes) && encapTypes[t] != "" {
		return encapTypes[t]
	}
	return "unknown"
}

var seg6Modes = [...]string{"inline", "encap", "l2encap", "encap.red", "l2encap.red"}

// Seg6ModeName is the name of SEG6_IPTUN_MODE_* mode ("" for others).
func Seg6ModeName(mode int) string {
	if mode < 0 || mode >= len(seg6Modes) {
		return ""
	}
	return seg6Modes[mode]
}

var seg6Actions = [...]string{1: "End", 2: "End.X", 3: "End.T", 4: "End.DX2", 5: "End.DX6",
	6: "End.DX4", 7: "End.DT6", 8: "End.DT4", 9: "End.B6", 10: "End.B6.Encaps", 11: "End.BM",
	12: "End.S", 13: "End.AS", 14: "End.AM", 15: "End.BPF", 16: "End.DT46"}

// Seg6ActionMax is the highest SEG6_LOCAL_ACTION_* number gip knows.
const Seg6ActionMax = uint32(len(seg6Actions) - 1)

// Seg6ActionName is the name of SEG6_LOCAL_ACTION_* action ("" for
// others).
func Seg6ActionName(action uint32) string {
	if int64(action) >= int64(len(seg6Actions)) {
		return ""
	}
	return seg6Actions[action]
}

// rtattr appends one attribute (type, payload, padding) to b.
func rtattr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func rtattrU8(b []byte, typ uint16, v uint8) []byte { return rtattr(b, typ, []byte{v}) }
func rtattrU16(b []byte, typ uint16, v uint16) []byte {
	return rtattr(b, typ, binary.NativeEndian.AppendUint16(nil, v))
}
func rtattrU32(b []byte, typ uint16, v uint32) []byte {
	return rtattr(b, typ, binary.NativeEndian.AppendUint32(nil, v))
}

// devLookup resolves a device name to its ifindex (failing as iproute2's
// nodev() does).
type devLookup = func(name string) (uint32, error)

// ParseEncap is lwt_parse_encap, called with "encap" just read: it returns
// the RTA_ENCAP nest followed by RTA_ENCAP_TYPE, ready to be appended to a
// route's or a nexthop's attributes.
func ParseEncap(args *cmdline.Args, lookup func(name string) (uint32, error)) ([]byte, error) {
	v, err := args.Value()
	if err != nil {
		return nil, err
	}
	typ := uint16(0)
	for i, n := range encapTypes {
		if n != "" && n == v {
			typ = uint16(i)
		}
	}
	if v == "help" {
		var sb strings.Builder
		sb.WriteString("Usage: ip route ... encap TYPE [ OPTIONS ] [...]\n")
		for i := 1; i < len(encapTypes); i++ {
			pad := "      "
			if i == 1 {
				pad = "TYPE := "
			}
			fmt.Fprintf(&sb, "%s %s\n", encapTypes[i], pad)
		}
		return nil, cmdline.Fatal(cmdline.StatusUsage, "%s", strings.TrimSuffix(sb.String(), "\n"))
	}
	if typ == 0 {
		return nil, cmdline.InvalidArg("\"encap type\" value is invalid\n", v)
	}
	if _, err := args.Value(); err != nil {
		return nil, err
	}
	if !args.More() {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: unexpected end of line after \"encap\"")
	}
	args.Back()
	var inner []byte
	switch typ {
	case EncapMPLS:
		inner, err = parseEncapMPLS(args)
	case EncapIP:
		inner, err = parseEncapIP(args, unix.AF_INET)
	case EncapIP6:
		inner, err = parseEncapIP(args, unix.AF_INET6)
	case EncapSeg6:
		inner, err = parseEncapSeg6(args)
	case EncapSeg6Local:
		inner, err = parseEncapSeg6Local(args, lookup)
	case EncapBPF:
		inner, err = parseEncapBPF(args)
	case EncapILA:
		inner, err = parseEncapILA(args)
	case EncapRPL:
		inner, err = parseEncapRPL(args)
	case EncapIOAM6:
		inner, err = parseEncapIOAM6(args)
	case EncapXFRM:
		inner, err = parseEncapXFRM(args, lookup)
	default:
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: \"encap %s\" is not supported by gip.", v)
	}
	if err != nil {
		return nil, err
	}
	out := rtattr(nil, RTAEncap|NLAFNested, inner)
	return rtattrU16(out, RTAEncapType, typ), nil
}

// u8Arg is get_u8 of the value after a keyword, or invarg(msg).
func u8Arg(args *cmdline.Args, msg string) (uint8, error) {
	v, err := args.Value()
	if err != nil {
		return 0, err
	}
	n, ok := cnum.Uint(v, 0, 0xff)
	if !ok {
		return 0, cmdline.InvalidArg(msg, v)
	}
	return uint8(n), nil
}

// Once is iproute2's "if (x_ok++) duparg2(...)" for the keyword kw: the
// second time kw is seen (with value v) it is an error.
func Once(seen map[string]bool, kw, v string) error {
	if seen[kw] {
		return cmdline.Duplicate2(kw, v)
	}
	seen[kw] = true
	return nil
}

// onceValue reads the word after key, failing as iproute2 does when it is
// missing or key was given before.
func onceValue(args *cmdline.Args, seen map[string]bool, key string) (string, error) {
	v, err := args.Value()
	if err != nil {
		return "", err
	}
	return v, Once(seen, key, v)
}

// parseEncapMPLS is parse_encap_mpls: LABEL[/LABEL...] [ttl TTL].
func parseEncapMPLS(args *cmdline.Args) ([]byte, error) {
	w := args.Next()
	labels, ok := ParseMPLS(w)
	if !ok {
		return nil, cmdline.Fatal(cmdline.StatusFailed, "Error: mpls address is expected rather than \"%s\".", w)
	}
	b := rtattr(nil, MPLSIPTunnelDst, labels)
	seen := map[string]bool{}
	for args.More() {
		w := args.Next()
		if w != "ttl" {
			args.Back()
			break
		}
		ttl, err := u8Arg(args, "\"ttl\" value is invalid\n")
		if err != nil {
			return nil, err
		}
		if err := Once(seen, "ttl", args.Prev()); err != nil {
			return nil, err
		}
		b = rtattrU8(b, MPLSIPTunnelTTL, ttl)
	}
	return b, nil
}

// ParseMPLS is mpls_pton: labels separated by "/", each below 2^20, as
// label stack entries with the bottom-of-stack bit on the last. Like
// get_addr_1, a stack longer than eight entries keeps one entry's length.
func ParseMPLS(s string) ([]byte, bool) {
	var out []byte
	for count := 0; count < 64; count++ {
		v, rest, digits, overflow := cnum.Strtoul(s, 0)
		if overflow || v >= 1<<20 || !digits {
			return nil, false
		}
		entry := uint32(v) << 12
		if rest == "" {
			entry |= 1 << 8
			out = binary.BigEndian.AppendUint32(out, entry)
			if len(out) > 32 {
				out = out[:4]
			}
			return out, true
		}
		if rest[0] != '/' {
			return nil, false
		}
		out = binary.BigEndian.AppendUint32(out, entry)
		s = rest[1:]
	}
	return nil, false
}

// parseEncapIP is parse_encap_ip and parse_encap_ip6.
func parseEncapIP(args *cmdline.Args, family int) ([]byte, error) {
	var b []byte
	var flags uint16
	seen := map[string]bool{}
	tosWord, ttlWord := "tos", "ttl"
	if family == unix.AF_INET6 {
		tosWord, ttlWord = "tc", "hoplimit"
	}
loop:
	for args.More() {
		w := args.Next()
		switch w {
		case "id":
			v, err := onceValue(args, seen, "id")
			if err != nil {
				return nil, err
			}
			id, rest, digits, overflow := cnum.Strtoul(v, 0)
			if !digits || rest != "" || overflow {
				return nil, cmdline.InvalidArg("\"id\" value is invalid\n", v)
			}
			b = rtattr(b, LwtIPID, binary.BigEndian.AppendUint64(nil, id))
		case "dst", "src":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := Once(seen, w, v); err != nil {
				return nil, err
			}
			a, err := cnum.GetAddr(v, family)
			if err != nil {
				return nil, err
			}
			t := uint16(LwtIPDst)
			if w == "src" {
				t = LwtIPSrc
			}
			b = rtattr(b, t, a.Bytes())
		case tosWord:
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := Once(seen, tosWord, v); err != nil {
				return nil, err
			}
			tos, ok := ParseDSField(v)
			if !ok {
				return nil, cmdline.InvalidArg("\""+tosWord+"\" value is invalid\n", v)
			}
			b = rtattrU8(b, LwtIPTos, tos)
		case ttlWord:
			ttl, err := u8Arg(args, "\""+ttlWord+"\" value is invalid\n")
			if err != nil {
				return nil, err
			}
			if err := Once(seen, ttlWord, args.Prev()); err != nil {
				return nil, err
			}
			b = rtattrU8(b, LwtIPTTL, ttl)
		case "geneve_opts", "vxlan_opts", "erspan_opts":
			return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: \"%s\" is not supported by gip.", w)
		case "key", "csum", "seq":
			if err := Once(seen, w, w); err != nil {
				return nil, err
			}
			flags |= map[string]uint16{"key": TunnelKey, "csum": TunnelCsum, "seq": TunnelSeq}[w]
		default:
			args.Back()
			break loop
		}
	}
	if flags != 0 {
		// TUNNEL_* flags are big-endian (__be16).
		b = rtattr(b, LwtIPFlags, binary.BigEndian.AppendUint16(nil, flags))
	}
	return b, nil
}

// parseSRH is parse_srh: an IPv6 segment routing header listing segs (in
// reverse), with a slot for the final destination unless encapsulating,
// and an HMAC TLV when hmac is not 0.
func parseSRH(segs string, hmac uint32, encap bool) ([]byte, error) {
	nsegs := strings.Count(segs, ",") + 1
	if !encap {
		nsegs++
	}
	srhlen := 8 + 16*nsegs
	if hmac != 0 {
		srhlen += 40
	}
	srh := make([]byte, srhlen)
	srh[1] = byte(srhlen>>3) - 1
	srh[2] = 4
	srh[3] = byte(nsegs - 1)
	srh[4] = byte(nsegs - 1)
	if hmac != 0 {
		srh[5] |= SR6FlagHMAC
	}
	// The segments are written down from first_segment, an 8-bit field:
	// past 256 segments iproute2 writes in front of its buffer and dies
	// (SIGSEGV); gip leaves those segments out.
	i := int(srh[4])
	for _, s := range strings.Split(segs, ",") {
		if s == "" {
			continue // strtok skips empty fields
		}
		a, err := cnum.GetAddr(s, unix.AF_INET6)
		if err != nil {
			return nil, err
		}
		if i >= 0 {
			copy(srh[8+16*i:], a.Data[:16])
		}
		i--
	}
	if hmac != 0 {
		tlv := srh[srhlen-40:]
		tlv[0], tlv[1] = sr6TLVHMAC, 38
		binary.BigEndian.PutUint32(tlv[4:], hmac)
	}
	// The header is as long as hdrlen says, and hdrlen is 8 bits: past
	// 127 segments (126 with an HMAC) it wraps and the attribute is
	// shorter than the list.
	return srh[:(int(srh[1])+1)<<3], nil
}

// parseEncapSeg6 is parse_encap_seg6: mode MODE segs A,B,... [hmac KEYID].
func parseEncapSeg6(args *cmdline.Args) ([]byte, error) {
	mode := -1
	var segs string
	var hmac uint32
	seen := map[string]bool{}
loop:
	for args.More() {
		w := args.Next()
		switch w {
		case "mode":
			v, err := onceValue(args, seen, "mode")
			if err != nil {
				return nil, err
			}
			mode = -1
			for i, m := range seg6Modes {
				if m == v {
					mode = i
				}
			}
			if mode < 0 {
				return nil, cmdline.InvalidArg("\"mode\" value is invalid\n", v)
			}
		case "segs":
			v, err := onceValue(args, seen, "segs")
			if err != nil {
				return nil, err
			}
			if mode == -1 {
				return nil, cmdline.InvalidArg("\"segs\" provided before \"mode\"\n", v)
			}
			segs = truncate(v, 1023)
		case "hmac":
			v, err := onceValue(args, seen, "hmac")
			if err != nil {
				return nil, err
			}
			hmac = getU32Lax(v)
		default:
			args.Back()
			break loop
		}
	}
	srh, err := parseSRH(segs, hmac, mode != 0)
	if err != nil {
		return nil, err
	}
	tun := binary.NativeEndian.AppendUint32(nil, uint32(int32(mode)))
	return rtattr(nil, Seg6IPTunnelSRH, append(tun, srh...)), nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// getU32Lax is get_u32 whose failure is ignored: the value is left 0.
func getU32Lax(v string) uint32 {
	n, _ := cnum.Uint32(v, 0)
	return n
}

// parseEncapSeg6Local is parse_encap_seg6local (without BPF endpoints:
// gip loads no eBPF objects).
func parseEncapSeg6Local(args *cmdline.Args, lookup devLookup) ([]byte, error) {
	var b []byte
	var action uint32
	var segs string
	var hmac uint32
	srhOK := false
	seen := map[string]bool{}
loop:
	for args.More() {
		w := args.Next()
		switch w {
		case "action":
			v, err := onceValue(args, seen, "action")
			if err != nil {
				return nil, err
			}
			action = 0
			for i, n := range seg6Actions {
				if n != "" && n == v && action == 0 {
					action = uint32(i)
				}
			}
			if action == 0 {
				return nil, cmdline.InvalidArg("\"action\" value is invalid\n", v)
			}
			b = rtattrU32(b, Seg6LocalAction, action)
		case "table", "vrftable":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := Once(seen, w, v); err != nil {
				return nil, err
			}
			id, ok := ParseTable(v)
			if !ok {
				msg := "invalid table id\n"
				if w == "vrftable" {
					msg = "invalid vrf table id\n"
				}
				return nil, cmdline.InvalidArg(msg, v)
			}
			t := uint16(Seg6LocalTable)
			if w == "vrftable" {
				t = Seg6LocalVRFTable
			}
			b = rtattrU32(b, t, id)
		case "nh4", "nh6":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := Once(seen, w, v); err != nil {
				return nil, err
			}
			fam, t := unix.AF_INET, uint16(Seg6LocalNH4)
			if w == "nh6" {
				fam, t = unix.AF_INET6, Seg6LocalNH6
			}
			a, err := cnum.GetAddr(v, fam)
			if err != nil {
				return nil, err
			}
			b = rtattr(b, t, a.Bytes())
		case "iif", "oif":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := Once(seen, w, v); err != nil {
				return nil, err
			}
			idx, err := lookupFatal(lookup, v)
			if err != nil {
				return nil, err
			}
			t := uint16(Seg6LocalIIF)
			if w == "oif" {
				t = Seg6LocalOIF
			}
			b = rtattrU32(b, t, idx)
		case "count":
			if err := Once(seen, "count", w); err != nil {
				return nil, err
			}
			var cnt []byte
			// SEG6_LOCAL_CNT_PACKETS, _BYTES, _ERRORS (1 is the pad).
			for t := uint16(2); t <= 4; t++ {
				cnt = rtattr(cnt, t, make([]byte, 8))
			}
			b = rtattr(b, Seg6LocalCounters|NLAFNested, cnt)
		case "srh":
			v, err := onceValue(args, seen, "srh")
			if err != nil {
				return nil, err
			}
			if v != "segs" {
				return nil, cmdline.InvalidArg("missing \"segs\" attribute for srh\n", v)
			}
			if v, err = args.Value(); err != nil {
				return nil, err
			}
			if err := Once(seen, "segs", v); err != nil {
				return nil, err
			}
			segs, srhOK = truncate(v, 1023), true
			if !args.More() {
				break loop
			}
			if args.Peek() == "hmac" {
				args.Next()
				v, err := onceValue(args, seen, "hmac")
				if err != nil {
					return nil, err
				}
				hmac = getU32Lax(v)
			}
		case "flavors":
			nest, err := parseSeg6LocalFlavors(args, seen)
			if err != nil {
				return nil, err
			}
			b = append(b, nest...)
		case "endpoint":
			return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: \"%s\" is not supported by gip.", w)
		default:
			args.Back()
			break loop
		}
	}
	if action == 0 {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Missing action type")
	}
	if srhOK {
		srh, err := parseSRH(segs, hmac, action == seg6LocalActionEndB6Encap)
		if err != nil {
			return nil, err
		}
		b = rtattr(b, Seg6LocalSRH, srh)
	}
	return b, nil
}

// parseEncapBPF is parse_encap_bpf. gip loads no eBPF objects: only the
// headroom and the usage are handled.
func parseEncapBPF(args *cmdline.Args) ([]byte, error) {
	var b []byte
	headroomSet := false
loop:
	for args.More() {
		w := args.Next()
		switch w {
		case "in", "out", "xmit":
			return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: eBPF programs (\"%s\") are not supported by gip.", w)
		case "headroom":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			n, ok := cnum.Uint32(v, 0)
			if !ok || n == 0 {
				return nil, cmdline.InvalidArg("headroom is invalid\n", v)
			}
			if !headroomSet {
				b = rtattrU32(b, LwtBPFXmitHeadroom, n)
			}
			headroomSet = true
		case "help":
			return nil, cmdline.Fatal(cmdline.StatusUsage, "Usage: ip route ... encap bpf [ in BPF ] [ out BPF ] [ xmit BPF ] [...]\n"+
				"BPF := obj FILE [ section NAME ] [ verbose ]")
		default:
			args.Back()
			break loop
		}
	}
	return b, nil
}

// seg6Flavors are the SEG6_LOCAL_FLV_OP_* names, by number.
var seg6Flavors = [...]string{1: "psp", 2: "usp", 3: "usd", seg6LocalFlvNextCSID: "next-csid"}

// Seg6FlavorName is the name of SEG6_LOCAL_FLV_OP_* flavor ("" for
// others).
func Seg6FlavorName(op int) string {
	if op < 0 || op >= len(seg6Flavors) {
		return ""
	}
	return seg6Flavors[op]
}

// parseSeg6Flavors is parse_seg6local_flavors: a comma list of flavor
// names (any case, each once) as a bit mask; empty fields are skipped, an
// empty word is refused.
func parseSeg6Flavors(list string) (uint32, bool) {
	if list == "" {
		return 0, false
	}
	var mask uint32
	for _, f := range strings.Split(list, ",") {
		if f == "" {
			continue // strtok skips empty fields
		}
		op := -1
		for i, n := range seg6Flavors {
			if n != "" && cnum.EqualFold(n, f) {
				op = i
				break
			}
		}
		if op < 0 || mask&(1<<op) != 0 {
			return 0, false
		}
		mask |= 1 << op
	}
	return mask, true
}

// parseSeg6LocalFlavors is seg6local_parse_flavors, called with "flavors"
// just read: the SEG6_LOCAL_FLAVORS nest, with lblen and then nflen (in
// that order only) when next-csid is among the flavors. iproute2 6.1
// crashes when next-csid (or its lblen value) ends the line, reading past
// its argument vector; gip ends the flavors there.
func parseSeg6LocalFlavors(args *cmdline.Args, seen map[string]bool) ([]byte, error) {
	v, err := onceValue(args, seen, "flavors")
	if err != nil {
		return nil, err
	}
	mask, ok := parseSeg6Flavors(v)
	if !ok {
		return nil, cmdline.InvalidArg("invalid \"flavors\" attribute\n", v)
	}
	nest := rtattrU32(nil, Seg6LocalFlvOperation, mask)
	if mask&(1<<seg6LocalFlvNextCSID) != 0 {
		for _, f := range []struct {
			kw  string
			typ uint16
			msg string
		}{
			{"lblen", Seg6LocalFlvLCBlockBits, "\"locator-block length\" value is invalid\n"},
			{"nflen", Seg6LocalFlvLCNodeBits, "\"locator-node function length\" value is invalid\n"},
		} {
			if args.Peek() != f.kw {
				continue
			}
			args.Next()
			n, err := u8Arg(args, f.msg)
			if err != nil {
				return nil, err
			}
			nest = rtattrU8(nest, f.typ, n)
		}
	}
	return rtattr(nil, Seg6LocalFlavors|NLAFNested, nest), nil
}

// parseEncapRPL is parse_encap_rpl: [segs A,B,...], an RPL source routing
// header (type 3) listing the segments in reverse; without segs, one
// unspecified address.
func parseEncapRPL(args *cmdline.Args) ([]byte, error) {
	var segs string
	seen := map[string]bool{}
	for args.More() {
		if args.Next() != "segs" {
			args.Back()
			break
		}
		v, err := onceValue(args, seen, "segs")
		if err != nil {
			return nil, err
		}
		segs = truncate(v, 1023)
	}
	nsegs := strings.Count(segs, ",") + 1
	srh := make([]byte, 8+16*nsegs)
	srh[1] = byte((8+16*nsegs)>>3) - 1
	srh[2] = 3
	srh[3] = byte(nsegs)
	i := nsegs - 1
	for _, s := range strings.Split(segs, ",") {
		if s == "" {
			continue // strtok skips empty fields
		}
		a, err := cnum.GetAddr(s, unix.AF_INET6)
		if err != nil {
			return nil, err
		}
		copy(srh[8+16*i:], a.Data[:16])
		i--
	}
	// The attribute is as long as the header says (hdrlen is 8 bits).
	return rtattr(nil, RPLIPTunnelSRH, srh[:(int(srh[1])+1)<<3]), nil
}

var ioam6Modes = [...]string{IOAM6ModeInline: "inline", IOAM6ModeEncap: "encap", IOAM6ModeAuto: "auto"}

// IOAM6ModeName is the name of IOAM6_IPTUNNEL_MODE_* mode ("" for others).
func IOAM6ModeName(mode int) string {
	if mode < 0 || mode >= len(ioam6Modes) {
		return ""
	}
	return ioam6Modes[mode]
}

// ioam6Freq is parse_ioam6_freq: "K/N", two decimal get_u32 numbers.
func ioam6Freq(s string) (k, n uint32, ok bool) {
	ks, ns, found := strings.Cut(s, "/")
	if !found || strings.Contains(ns, "/") {
		return 0, 0, false
	}
	k, okK := cnum.Uint32(ks, 10)
	n, okN := cnum.Uint32(ns, 10)
	return k, n, okK && okN
}

// parseEncapIOAM6 is parse_encap_ioam6: [freq K/N] [mode inline|encap|auto]
// [tundst ADDR] trace prealloc, then type, ns and size in any order. Like
// iproute2, a line that ends with them leaves its last word to be read
// again by the caller.
func parseEncapIOAM6(args *cmdline.Args) ([]byte, error) {
	freqK, freqN := uint32(1), uint32(1)
	w := args.Next()
	if w == "freq" {
		v, err := args.Value()
		if err != nil {
			return nil, err
		}
		if len(v) > 15 {
			return nil, cmdline.InvalidArg("Invalid frequency (too long)", v)
		}
		var ok bool
		if freqK, freqN, ok = ioam6Freq(v); !ok {
			return nil, cmdline.InvalidArg("Invalid frequency (malformed)", v)
		}
		switch {
		case freqK < 1 || freqK > ioam6FreqMax:
			return nil, cmdline.InvalidArg("Out of bound \"k\" frequency", v)
		case freqN < 1 || freqN > ioam6FreqMax:
			return nil, cmdline.InvalidArg("Out of bound \"n\" frequency", v)
		case freqK > freqN:
			return nil, cmdline.InvalidArg("Frequency with k > n is forbidden", v)
		}
		if w, err = args.Value(); err != nil {
			return nil, err
		}
	}
	mode := uint8(IOAM6ModeInline)
	if w == "mode" {
		v, err := args.Value()
		if err != nil {
			return nil, err
		}
		mode = 0
		for i, m := range ioam6Modes {
			if m != "" && m == v {
				mode = uint8(i)
			}
		}
		if mode == 0 {
			return nil, cmdline.InvalidArg("Invalid mode", v)
		}
		if w, err = args.Value(); err != nil {
			return nil, err
		}
	}
	var dst []byte
	if w != "tundst" {
		if mode != IOAM6ModeInline {
			return nil, missing("tundst")
		}
	} else {
		if mode == IOAM6ModeInline {
			return nil, cmdline.InvalidArg("Inline mode does not need tundst", w)
		}
		v, err := args.Value()
		if err != nil {
			return nil, err
		}
		a, err := cnum.GetAddr(v, unix.AF_INET6)
		if err != nil {
			return nil, err
		}
		if a.Family != unix.AF_INET6 || a.ByteLen != 16 {
			return nil, cmdline.InvalidArg("Invalid IPv6 address for tundst", v)
		}
		dst = a.Data[:16]
		if w, err = args.Value(); err != nil {
			return nil, err
		}
	}
	if w != "trace" {
		return nil, missing("trace")
	}
	w, err := args.Value()
	if err != nil {
		return nil, err
	}
	if w != "prealloc" {
		return nil, missing("prealloc")
	}
	var traceType uint32
	var ns, size uint16
	nsSeen := false
loop:
	for args.More() {
		switch w := args.Next(); w {
		case "type":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if traceType != 0 {
				return nil, cmdline.Duplicate2("type", v)
			}
			var ok bool
			if traceType, ok = cnum.Uint32(v, 0); !ok || traceType == 0 {
				return nil, cmdline.InvalidArg("Invalid trace type", v)
			}
		case "ns":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if nsSeen {
				return nil, cmdline.Duplicate2("ns", v)
			}
			nsSeen = true
			n, ok := cnum.Uint(v, 0, 0xffff)
			if !ok {
				return nil, cmdline.InvalidArg("Invalid namespace ID", v)
			}
			ns = uint16(n)
		case "size":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if size != 0 {
				return nil, cmdline.Duplicate2("size", v)
			}
			n, ok := cnum.Uint(v, 0, 0xffff)
			switch {
			case !ok || n == 0:
				return nil, cmdline.InvalidArg("Invalid trace size", v)
			case n%4 != 0:
				return nil, cmdline.InvalidArg("Trace size must be a 4-octet multiple", v)
			case n > ioam6TraceSizeMax:
				return nil, cmdline.InvalidArg("Trace size is too big", v)
			}
			size = uint16(n)
		default:
			args.Back()
			break loop
		}
	}
	if !args.More() {
		args.Back() // iproute2 hands its last word back
	}
	switch {
	case traceType == 0:
		return nil, missing("type")
	case !nsSeen:
		return nil, missing("ns")
	case size == 0:
		return nil, missing("size")
	}
	b := rtattrU32(nil, IOAM6IPTunnelFreqK, freqK)
	b = rtattrU32(b, IOAM6IPTunnelFreqN, freqN)
	b = rtattrU8(b, IOAM6IPTunnelMode, mode)
	if mode != IOAM6ModeInline {
		b = rtattr(b, IOAM6IPTunnelDst, dst)
	}
	// struct ioam6_trace_hdr: namespace (be16), nodelen/flags, remaining
	// length in 4-octet units, then the 24-bit trace type (be32 << 8).
	trace := binary.BigEndian.AppendUint16(nil, ns)
	trace = append(trace, 0, byte(size/4))
	trace = binary.BigEndian.AppendUint32(trace, traceType<<8)
	return rtattr(b, IOAM6IPTunnelTrace, trace), nil
}

// missing is iproute2's missarg(): a required keyword not given.
func missing(key string) error {
	return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"%s\" is required", key)
}

// parseEncapXFRM is parse_encap_xfrm: if_id N [link_dev DEV]. As in
// iproute2, it reads to the end of the line: words it does not know are
// skipped, so nothing after "encap xfrm" reaches the route.
func parseEncapXFRM(args *cmdline.Args, lookup devLookup) ([]byte, error) {
	var b []byte
	seen := map[string]bool{}
	for args.More() {
		switch args.Next() {
		case "if_id":
			v, err := onceValue(args, seen, "if_id")
			if err != nil {
				return nil, err
			}
			id, ok := cnum.Uint32(v, 0)
			if !ok || id == 0 {
				return nil, cmdline.InvalidArg("\"if_id\" value is invalid\n", v)
			}
			b = rtattrU32(b, LwtXFRMIfID, id)
		case "link_dev":
			v, err := onceValue(args, seen, "link_dev")
			if err != nil {
				return nil, err
			}
			idx, err := lookupFatal(lookup, v)
			if err != nil {
				return nil, err
			}
			b = rtattrU32(b, LwtXFRMLink, idx)
		case "help":
			return nil, xfrmUsage()
		}
	}
	if !seen["if_id"] {
		return nil, xfrmUsage()
	}
	return b, nil
}

func xfrmUsage() error {
	return cmdline.Fatal(cmdline.StatusUsage, "Usage: ip route ... encap xfrm if_id IF_ID [ link_dev LINK ]\n"+
		"IF_ID is the xfrm interface id (not 0); LINK the device to send on")
}

// lookupFatal resolves a device name as exit(nodev()) does: the message,
// and status 255.
func lookupFatal(lookup devLookup, name string) (uint32, error) {
	idx, err := lookup(name)
	if err != nil {
		var ce *cmdline.Error
		if errors.As(err, &ce) {
			return 0, cmdline.Fatal(cmdline.StatusUsage, "%s", ce.Msg)
		}
		return 0, err
	}
	return idx, nil
}

// EncapBound is the buffer iproute2 builds an encapsulation in: a
// container rtattr of Max bytes with Used bytes (its rta_len) already in
// it. A route's or a nexthop's own encap starts in an empty buffer of
// 1024 bytes (Used 4); a multipath nexthop's goes into the RTA_MULTIPATH
// buffer of 4096 bytes after the nexthops before it.
type EncapBound struct {
	Used, Max int
	// Warn receives the line libnetlink prints for an attribute that does
	// not fit (nil: none printed).
	Warn func(line string)
}

// EncapFit says how much of an encapsulation fitted in its EncapBound.
type EncapFit int

const (
	// EncapFits: the nest and its RTA_ENCAP_TYPE.
	EncapFits EncapFit = iota
	// EncapNoType: the nest fitted but its type attribute did not;
	// lwt_parse_encap goes on without it.
	EncapNoType
	// EncapCut: an attribute inside the nest did not fit. iproute2's
	// encap parser gives up without moving past the words it read, so the
	// caller reads the type word again as its own; what fitted (the
	// unfinished nest's header and the attributes before) is still in the
	// buffer.
	EncapCut
)

// ParseEncapIn is ParseEncap within iproute2's buffer bd: the bytes that
// end up in the buffer and how much fitted. On EncapCut the cursor is back
// on the encapsulation's type word. Only the seg6, seg6local and rpl
// encaps can outgrow a buffer on their own; their attributes are checked
// one by one (rta_addattr_l), the others as a whole.
func ParseEncapIn(args *cmdline.Args, lookup func(name string) (uint32, error), bd EncapBound) ([]byte, EncapFit, error) {
	left := args.Len()
	b, err := ParseEncap(args, lookup)
	if err != nil {
		return nil, EncapFits, err
	}
	out, fit := bd.place(b)
	if fit == EncapCut {
		for n := left - args.Len(); n > 0; n-- {
			args.Back()
		}
	}
	return out, fit, nil
}

// place replays rta_nest, the encap parser's rta_addattr_l calls and the
// type's rta_addattr16 for b (ParseEncap's nest and type attribute).
func (bd EncapBound) place(b []byte) ([]byte, EncapFit) {
	if len(b) < 8 {
		return b, EncapFits
	}
	nestLen := int(binary.NativeEndian.Uint16(b))
	if nestLen < 4 || nestLen > len(b) {
		return b, EncapFits
	}
	inner := b[4:nestLen]
	typ := binary.NativeEndian.Uint16(b[len(b)-4:])
	cur := align4(bd.Used)
	fits := func(n int) bool {
		if cur+align4(n) > bd.Max {
			if bd.Warn != nil {
				bd.Warn(fmt.Sprintf("rta_addattr_l: Error! max allowed bound %d exceeded", bd.Max))
			}
			return false
		}
		cur += align4(n)
		return true
	}
	cut := func(off int) ([]byte, EncapFit) {
		out := binary.NativeEndian.AppendUint16(nil, 4)
		out = append(out, b[2:4]...)
		return append(out, inner[:off]...), EncapCut
	}
	if !fits(4) {
		return cut(0)
	}
	switch typ {
	case EncapSeg6, EncapSeg6Local, EncapRPL:
		for off := 0; off+4 <= len(inner); {
			l := int(binary.NativeEndian.Uint16(inner[off:]))
			if l < 4 || off+l > len(inner) {
				break
			}
			if binary.NativeEndian.Uint16(inner[off+2:])&NLAFNested == 0 {
				if !fits(l) {
					return cut(off)
				}
			} else {
				// rta_nest, then each attribute of the nest.
				if !fits(4) {
					return cut(off)
				}
				for c := off + 4; c+4 <= off+l; {
					cl := int(binary.NativeEndian.Uint16(inner[c:]))
					if cl < 4 {
						break
					}
					if !fits(cl) {
						return cut(c)
					}
					c += align4(cl)
				}
			}
			off += align4(l)
		}
	default:
		cur += len(inner)
	}
	if !fits(6) {
		return b[:align4(nestLen)], EncapNoType
	}
	return b, EncapFits
}

func align4(n int) int { return (n + 3) &^ 3 }
