package route

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"golang.org/x/sys/unix"
)

// Lightweight tunnel encapsulations (linux/lwtunnel.h, seg6*.h,
// mpls_iptunnel.h): `encap TYPE ...` on a route or a nexthop.
const (
	rtaEncapType = 21
	rtaEncap     = 22
	nlaFNested   = 0x8000

	encapMPLS      = 1
	encapIP        = 2
	encapILA       = 3
	encapIP6       = 4
	encapSeg6      = 5
	encapBPF       = 6
	encapSeg6Local = 7
	encapRPL       = 8
	encapIOAM6     = 9
	encapXFRM      = 10

	// LWTUNNEL_IP_* and LWTUNNEL_IP6_* share numbers.
	lwtIPID    = 1
	lwtIPDst   = 2
	lwtIPSrc   = 3
	lwtIPTTL   = 4 // hoplimit for ip6
	lwtIPTos   = 5 // tc for ip6
	lwtIPFlags = 6

	tunnelCsum = 0x01
	tunnelKey  = 0x04
	tunnelSeq  = 0x08

	mplsIPTunnelDst = 1
	mplsIPTunnelTTL = 2

	seg6IPTunnelSRH = 1

	seg6LocalAction   = 1
	seg6LocalSRH      = 2
	seg6LocalTable    = 3
	seg6LocalNH4      = 4
	seg6LocalNH6      = 5
	seg6LocalIIF      = 6
	seg6LocalOIF      = 7
	seg6LocalBPF      = 8
	seg6LocalVRFTable = 9
	seg6LocalCounters = 10

	seg6LocalActionEndB6Encap = 10

	lwtBPFXmitHeadroom = 4

	sr6FlagHMAC = 1 << 3
	sr6TLVHMAC  = 5
)

var encapTypes = [...]string{encapMPLS: "mpls", encapIP: "ip", encapILA: "ila", encapIP6: "ip6",
	encapSeg6: "seg6", encapBPF: "bpf", encapSeg6Local: "seg6local", encapRPL: "rpl",
	encapIOAM6: "ioam6", encapXFRM: "xfrm"}

func encapTypeName(t uint16) string {
	if int(t) < len(encapTypes) && encapTypes[t] != "" {
		return encapTypes[t]
	}
	return "unknown"
}

var seg6Modes = [...]string{"inline", "encap", "l2encap", "encap.red", "l2encap.red"}

var seg6Actions = [...]string{1: "End", 2: "End.X", 3: "End.T", 4: "End.DX2", 5: "End.DX6",
	6: "End.DX4", 7: "End.DT6", 8: "End.DT4", 9: "End.B6", 10: "End.B6.Encaps", 11: "End.BM",
	12: "End.S", 13: "End.AS", 14: "End.AM", 15: "End.BPF", 16: "End.DT46"}

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

// parseEncap is lwt_parse_encap, called with "encap" just read: it returns
// the RTA_ENCAP nest followed by RTA_ENCAP_TYPE, ready to be appended to a
// route's or a nexthop's attributes.
func parseEncap(args *cmdline.Args, lookup devLookup) ([]byte, error) {
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
	case encapMPLS:
		inner, err = parseEncapMPLS(args)
	case encapIP:
		inner, err = parseEncapIP(args, unix.AF_INET)
	case encapIP6:
		inner, err = parseEncapIP(args, unix.AF_INET6)
	case encapSeg6:
		inner, err = parseEncapSeg6(args)
	case encapSeg6Local:
		inner, err = parseEncapSeg6Local(args, lookup)
	case encapBPF:
		inner, err = parseEncapBPF(args)
	default:
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: \"encap %s\" is not supported by gip.", v)
	}
	if err != nil {
		return nil, err
	}
	out := rtattr(nil, rtaEncap|nlaFNested, inner)
	return rtattrU16(out, rtaEncapType, typ), nil
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

// once is iproute2's "if (x_ok++) duparg2(...)" for the keyword kw.
func once(seen map[string]bool, kw, v string) error {
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
	return v, once(seen, key, v)
}

// parseEncapMPLS is parse_encap_mpls: LABEL[/LABEL...] [ttl TTL].
func parseEncapMPLS(args *cmdline.Args) ([]byte, error) {
	w := args.Next()
	labels, ok := parseMPLS(w)
	if !ok {
		return nil, cmdline.Fatal(cmdline.StatusFailed, "Error: mpls address is expected rather than \"%s\".", w)
	}
	b := rtattr(nil, mplsIPTunnelDst, labels)
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
		if err := once(seen, "ttl", args.Prev()); err != nil {
			return nil, err
		}
		b = rtattrU8(b, mplsIPTunnelTTL, ttl)
	}
	return b, nil
}

// parseMPLS is mpls_pton: labels separated by "/", each below 2^20, as
// label stack entries with the bottom-of-stack bit on the last. Like
// get_addr_1, a stack longer than eight entries keeps one entry's length.
func parseMPLS(s string) ([]byte, bool) {
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
			b = rtattr(b, lwtIPID, binary.BigEndian.AppendUint64(nil, id))
		case "dst", "src":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := once(seen, w, v); err != nil {
				return nil, err
			}
			a, err := cnum.GetAddr(v, family)
			if err != nil {
				return nil, err
			}
			t := uint16(lwtIPDst)
			if w == "src" {
				t = lwtIPSrc
			}
			b = rtattr(b, t, a.Bytes())
		case tosWord:
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := once(seen, tosWord, v); err != nil {
				return nil, err
			}
			tos, ok := parseDSField(v)
			if !ok {
				return nil, cmdline.InvalidArg("\""+tosWord+"\" value is invalid\n", v)
			}
			b = rtattrU8(b, lwtIPTos, tos)
		case ttlWord:
			ttl, err := u8Arg(args, "\""+ttlWord+"\" value is invalid\n")
			if err != nil {
				return nil, err
			}
			if err := once(seen, ttlWord, args.Prev()); err != nil {
				return nil, err
			}
			b = rtattrU8(b, lwtIPTTL, ttl)
		case "geneve_opts", "vxlan_opts", "erspan_opts":
			return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: \"%s\" is not supported by gip.", w)
		case "key", "csum", "seq":
			if err := once(seen, w, w); err != nil {
				return nil, err
			}
			flags |= map[string]uint16{"key": tunnelKey, "csum": tunnelCsum, "seq": tunnelSeq}[w]
		default:
			args.Back()
			break loop
		}
	}
	if flags != 0 {
		// TUNNEL_* flags are big-endian (__be16).
		b = rtattr(b, lwtIPFlags, binary.BigEndian.AppendUint16(nil, flags))
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
		srh[5] |= sr6FlagHMAC
	}
	i := nsegs - 1
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
	return srh, nil
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
	return rtattr(nil, seg6IPTunnelSRH, append(tun, srh...)), nil
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

// parseEncapSeg6Local is parse_encap_seg6local (without flavors and BPF
// endpoints).
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
			b = rtattrU32(b, seg6LocalAction, action)
		case "table", "vrftable":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := once(seen, w, v); err != nil {
				return nil, err
			}
			id, ok := parseTable(v)
			if !ok {
				msg := "invalid table id\n"
				if w == "vrftable" {
					msg = "invalid vrf table id\n"
				}
				return nil, cmdline.InvalidArg(msg, v)
			}
			t := uint16(seg6LocalTable)
			if w == "vrftable" {
				t = seg6LocalVRFTable
			}
			b = rtattrU32(b, t, id)
		case "nh4", "nh6":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if err := once(seen, w, v); err != nil {
				return nil, err
			}
			fam, t := unix.AF_INET, uint16(seg6LocalNH4)
			if w == "nh6" {
				fam, t = unix.AF_INET6, seg6LocalNH6
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
			if err := once(seen, w, v); err != nil {
				return nil, err
			}
			idx, err := lookup(v)
			if err != nil {
				// exit(nodev()): the message, and status 255.
				var ce *cmdline.Error
				if asCLIError(err, &ce) {
					return nil, cmdline.Fatal(cmdline.StatusUsage, "%s", ce.Msg)
				}
				return nil, err
			}
			t := uint16(seg6LocalIIF)
			if w == "oif" {
				t = seg6LocalOIF
			}
			b = rtattrU32(b, t, idx)
		case "count":
			if err := once(seen, "count", w); err != nil {
				return nil, err
			}
			var cnt []byte
			// SEG6_LOCAL_CNT_PACKETS, _BYTES, _ERRORS (1 is the pad).
			for t := uint16(2); t <= 4; t++ {
				cnt = rtattr(cnt, t, make([]byte, 8))
			}
			b = rtattr(b, seg6LocalCounters|nlaFNested, cnt)
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
			if err := once(seen, "segs", v); err != nil {
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
		case "flavors", "endpoint":
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
		b = rtattr(b, seg6LocalSRH, srh)
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
				b = rtattrU32(b, lwtBPFXmitHeadroom, n)
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

// encapAttrs walks a nest into an array by attribute type (last wins).
func encapAttrs(b []byte, max int) [][]byte {
	tb := make([][]byte, max+1)
	for len(b) >= 4 {
		l := int(binary.NativeEndian.Uint16(b))
		t := int(binary.NativeEndian.Uint16(b[2:]) &^ (nlaFNested | 0x4000))
		if l < 4 || l > len(b) {
			break
		}
		if t <= max {
			tb[t] = b[4:l]
		}
		a := (l + 3) &^ 3
		if a > len(b) {
			break
		}
		b = b[a:]
	}
	return tb
}

func u8Of(b []byte) uint8 {
	if len(b) < 1 {
		return 0
	}
	return b[0]
}

// encap is lwt_print_encap.
func (pr *printer) encap(typAttr, encap []byte, haveType bool) {
	if !haveType {
		return
	}
	var et uint16
	if len(typAttr) >= 2 {
		et = binary.NativeEndian.Uint16(typAttr)
	}
	p := pr.p
	p.String(format.Any, "encap", " encap %s ", encapTypeName(et))
	switch et {
	case encapMPLS:
		tb := encapAttrs(encap, 2)
		if tb[mplsIPTunnelDst] != nil {
			p.String(format.Any, "dst", " %s ", mplsText(tb[mplsIPTunnelDst]))
		}
		if tb[mplsIPTunnelTTL] != nil {
			p.Uint(format.Any, "ttl", "ttl %u ", uint64(u8Of(tb[mplsIPTunnelTTL])))
		}
	case encapIP, encapIP6:
		pr.encapIP(et, encap)
	case encapSeg6:
		tb := encapAttrs(encap, 1)
		b := tb[seg6IPTunnelSRH]
		if b == nil {
			return
		}
		mode := int32(le32(b))
		name := "<unknown>"
		if mode >= 0 && int(mode) < len(seg6Modes) {
			name = seg6Modes[mode]
		}
		p.String(format.Any, "mode", "mode %s ", name)
		if len(b) > 4 {
			pr.srh(b[4:])
		}
	case encapSeg6Local:
		pr.encapSeg6Local(encap)
	}
}

func (pr *printer) encapIP(et uint16, encap []byte) {
	p := pr.p
	tb := encapAttrs(encap, 8)
	fam, color := unix.AF_INET, format.Inet
	ttlKey, tosKey := "ttl", "tos"
	if et == encapIP6 {
		fam, color = unix.AF_INET6, format.Inet6
		ttlKey, tosKey = "hoplimit", "tc"
	}
	if b := tb[lwtIPID]; b != nil {
		var id uint64
		if len(b) >= 8 {
			id = binary.BigEndian.Uint64(b)
		}
		p.Uint(format.Any, "id", "id %u ", id)
	}
	if b := tb[lwtIPSrc]; b != nil {
		p.ColorString(format.Any, color, "src", "src %s ", pr.rtaAddr(fam, b))
	}
	if b := tb[lwtIPDst]; b != nil {
		p.ColorString(format.Any, color, "dst", "dst %s ", pr.rtaAddr(fam, b))
	}
	if b := tb[lwtIPTTL]; b != nil {
		p.Uint(format.Any, ttlKey, ttlKey+" %u ", uint64(u8Of(b)))
	}
	if b := tb[lwtIPTos]; b != nil {
		p.Uint(format.Any, tosKey, tosKey+" %u ", uint64(u8Of(b)))
	}
	if b := tb[lwtIPFlags]; len(b) >= 2 {
		f := binary.BigEndian.Uint16(b)
		if f&tunnelKey != 0 {
			p.Bool(format.Any, "key", "key ", true)
		}
		if f&tunnelCsum != 0 {
			p.Bool(format.Any, "csum", "csum ", true)
		}
		if f&tunnelSeq != 0 {
			p.Bool(format.Any, "seq", "seq ", true)
		}
	}
}

// rtaAddr is rt_addr_n2a_rta: the address an attribute holds.
func (pr *printer) rtaAddr(fam int, b []byte) string {
	if fam == unix.AF_INET6 && len(b) != 16 || fam == unix.AF_INET && len(b) != 4 {
		return "???"
	}
	return pr.addr(fam, b)
}

// mplsText is mpls_ntop: labels up to the bottom of the stack, joined by "/".
func mplsText(b []byte) string {
	var sb strings.Builder
	for len(b) >= 4 {
		e := binary.BigEndian.Uint32(b)
		sb.WriteString(strconv.FormatUint(uint64(e>>12), 10))
		if e&(1<<8) != 0 {
			break
		}
		sb.WriteByte('/')
		b = b[4:]
	}
	return sb.String()
}

// srh is print_srh.
func (pr *printer) srh(b []byte) {
	p := pr.p
	if len(b) < 8 {
		return
	}
	first := int(b[4])
	if p.IsJSON() {
		p.OpenArray(format.JSON, "segs", "")
	} else {
		p.Text("segs " + strconv.Itoa(first+1) + " [ ")
	}
	for i := first; i >= 0; i-- {
		off := 8 + 16*i
		if off+16 > len(b) {
			continue
		}
		p.ColorString(format.Any, format.Inet6, "", "%s ", pr.addr(unix.AF_INET6, b[off:off+16]))
	}
	if p.IsJSON() {
		p.CloseArray(format.JSON, "")
	} else {
		p.Text("] ")
	}
	if b[5]&sr6FlagHMAC != 0 {
		off := (int(b[1])+1)<<3 - 40
		if off >= 0 && off+8 <= len(b) {
			id := binary.BigEndian.Uint32(b[off+4:])
			if p.IsJSON() {
				p.String(format.JSON, "hmac", "", "0x"+strconv.FormatUint(uint64(id), 16))
			} else {
				p.Text("hmac " + strings.ToUpper(strconv.FormatUint(uint64(id), 16)) + " ")
			}
		}
	}
}

// encapSeg6Local is print_encap_seg6local (without BPF programs and
// flavors).
func (pr *printer) encapSeg6Local(encap []byte) {
	p := pr.p
	tb := encapAttrs(encap, 11)
	if tb[seg6LocalAction] == nil {
		return
	}
	action := le32(tb[seg6LocalAction])
	name := "<invalid>"
	if int(action) < len(seg6Actions) {
		if name = seg6Actions[action]; name == "" {
			name = "<unknown>"
		}
	}
	p.String(format.Any, "action", "action %s ", name)
	if b := tb[seg6LocalSRH]; b != nil {
		p.OpenObject("srh")
		pr.srh(b)
		p.CloseObject()
	}
	if b := tb[seg6LocalTable]; b != nil {
		p.String(format.Any, "table", "table %s ", pr.names.table(le32(b)))
	}
	if b := tb[seg6LocalVRFTable]; b != nil {
		p.String(format.Any, "vrftable", "vrftable %s ", pr.names.table(le32(b)))
	}
	if b := tb[seg6LocalNH4]; b != nil {
		p.String(format.Any, "nh4", "nh4 %s ", pr.rtaAddr(unix.AF_INET, b))
	}
	if b := tb[seg6LocalNH6]; b != nil {
		p.String(format.Any, "nh6", "nh6 %s ", pr.rtaAddr(unix.AF_INET6, b))
	}
	if b := tb[seg6LocalIIF]; b != nil {
		p.String(format.Any, "iif", "iif %s ", pr.links.name(le32(b)))
	}
	if b := tb[seg6LocalOIF]; b != nil {
		p.String(format.Any, "oif", "oif %s ", pr.links.name(le32(b)))
	}
	if b := tb[seg6LocalCounters]; b != nil && pr.stats > 0 {
		cnt := encapAttrs(b, 4)
		var v [5]uint64
		for i := 2; i <= 4; i++ {
			if len(cnt[i]) >= 8 {
				v[i] = binary.NativeEndian.Uint64(cnt[i])
			}
		}
		if p.IsJSON() {
			p.OpenObject("stats64")
			p.Uint(format.JSON, "packets", "", v[2])
			p.Uint(format.JSON, "bytes", "", v[3])
			p.Uint(format.JSON, "errors", "", v[4])
			p.CloseObject()
		} else {
			for i, n := range []string{"packets", "bytes", "errors"} {
				p.Text(n + " " + strconv.FormatUint(v[i+2], 10) + " ")
			}
		}
	}
}
