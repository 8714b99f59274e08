package iproute

import (
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// encapAttrs walks a nest into an array by attribute type (the first of
// a type wins, as in iproute2's parse_rtattr).
func encapAttrs(b []byte, max int) [][]byte {
	return fillAttrs(make([][]byte, max+1), b)
}

// attrs is encapAttrs into the printer's slab, which print and encap
// rewind: an encap printed per route of a dump then allocates nothing.
// Nested tables (a program inside an encap) stack above their parent's.
func (pr *printer) attrs(b []byte, max int) [][]byte {
	n := pr.tbTop + max + 1
	if n > len(pr.tbs) {
		// Tables handed out already keep the old slab.
		pr.tbs, pr.tbTop, n = make([][]byte, 2*(max+1)+64), 0, max+1
	}
	tb := pr.tbs[pr.tbTop:n:n]
	pr.tbTop = n
	clear(tb)
	return fillAttrs(tb, b)
}

// fillAttrs fills tb from the attributes in b.
func fillAttrs(tb [][]byte, b []byte) [][]byte {
	max := len(tb) - 1
	for len(b) >= 4 {
		l := int(binary.NativeEndian.Uint16(b))
		t := int(binary.NativeEndian.Uint16(b[2:]) &^ (route.NLAFNested | 0x4000))
		if l < 4 || l > len(b) {
			break
		}
		if t <= max && tb[t] == nil {
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
	// No table of an earlier encap is in use: the nexthop printer calls
	// this once per message without print's rewind.
	pr.tbTop = 0
	var et uint16
	if len(typAttr) >= 2 {
		et = binary.NativeEndian.Uint16(typAttr)
	}
	p := pr.p
	p.String(format.Any, "encap", " encap %s ", route.EncapTypeName(et))
	switch et {
	case route.EncapMPLS:
		tb := pr.attrs(encap, 2)
		if tb[route.MPLSIPTunnelDst] != nil {
			p.String(format.Any, "dst", " %s ", mplsText(tb[route.MPLSIPTunnelDst]))
		}
		if tb[route.MPLSIPTunnelTTL] != nil {
			p.Uint(format.Any, "ttl", "ttl %u ", uint64(u8Of(tb[route.MPLSIPTunnelTTL])))
		}
	case route.EncapIP, route.EncapIP6:
		pr.encapIP(et, encap)
	case route.EncapSeg6:
		tb := pr.attrs(encap, 1)
		b := tb[route.Seg6IPTunnelSRH]
		if b == nil {
			return
		}
		mode := int32(route.NativeUint32(b))
		name := "<unknown>"
		if n := route.Seg6ModeName(int(mode)); n != "" {
			name = n
		}
		p.String(format.Any, "mode", "mode %s ", name)
		if len(b) > 4 {
			pr.srh(b[4:])
		}
	case route.EncapSeg6Local:
		pr.encapSeg6Local(encap)
	case route.EncapILA:
		pr.encapILA(encap)
	case route.EncapBPF:
		pr.encapBPF(encap)
	case route.EncapRPL:
		pr.encapRPL(encap)
	case route.EncapIOAM6:
		pr.encapIOAM6(encap)
	case route.EncapXFRM:
		pr.encapXFRM(encap)
	}
}

// encapILA is print_encap_ila: the locator and its modes.
func (pr *printer) encapILA(encap []byte) {
	p := pr.p
	tb := pr.attrs(encap, route.ILAAttrHookType)
	if b := tb[route.ILAAttrLocator]; b != nil {
		var loc [8]byte
		copy(loc[:], b)
		pr.buf = pr.buf[:0]
		for i := 0; i < 8; i += 2 {
			if i > 0 {
				pr.buf = append(pr.buf, ':')
			}
			pr.buf = strconv.AppendUint(pr.buf, uint64(binary.BigEndian.Uint16(loc[i:])), 16)
		}
		p.String(format.Any, "locator", " %s ", scratchString(pr.buf))
	}
	if b := tb[route.ILAAttrCsumMode]; b != nil {
		p.String(format.Any, "csum_mode", " csum-mode %s ", route.ILACsumModeName(u8Of(b)))
	}
	if b := tb[route.ILAAttrIdentType]; b != nil {
		p.String(format.Any, "ident_type", " ident-type %s ", route.ILAIdentTypeName(u8Of(b)))
	}
	if b := tb[route.ILAAttrHookType]; b != nil {
		p.String(format.Any, "hook_type", " hook-type %s ", route.ILAHookTypeName(u8Of(b)))
	}
}

// encapBPF is print_encap_bpf: the programs' names and the headroom.
func (pr *printer) encapBPF(encap []byte) {
	tb := pr.attrs(encap, route.LwtBPFXmitHeadroom)
	for i, name := range []string{"in", "out", "xmit"} {
		if b := tb[route.LwtBPFIn+i]; b != nil {
			pr.bpfProg(b, name)
		}
	}
	if b := tb[route.LwtBPFXmitHeadroom]; b != nil {
		pr.p.Uint(format.Any, "headroom", " %u ", uint64(route.NativeUint32(b)))
	}
}

// bpfProg is print_encap_bpf_prog: what names a program (LWT_BPF_PROG_NAME).
func (pr *printer) bpfProg(nest []byte, what string) {
	tb := pr.attrs(nest, route.LwtBPFProgName)
	name, ok := "", false
	if b := tb[route.LwtBPFProgName]; b != nil {
		name, ok = cString(b), true
	}
	if pr.p.IsJSON() {
		if !ok {
			name = "<unknown>"
		}
		pr.p.String(format.JSON, what, "", name)
		return
	}
	pr.p.Text(what)
	pr.p.Text(" ")
	if ok {
		pr.p.Text(name)
		pr.p.Text(" ")
	}
}

// encapRPL is print_encap_rpl: the segments of the RPL source routing
// header, last first.
func (pr *printer) encapRPL(encap []byte) {
	p := pr.p
	b := pr.attrs(encap, route.RPLIPTunnelSRH)[route.RPLIPTunnelSRH]
	if b == nil || len(b) < 8 {
		return
	}
	left := int(b[3])
	if p.IsJSON() {
		p.OpenArray(format.JSON, "segs", "")
	} else {
		p.Int(format.Text, "", "segs %d [ ", int64(left))
	}
	for i := left - 1; i >= 0; i-- {
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
}

// encapIOAM6 is print_encap_ioam6: frequency, mode (and tunnel
// destination), and the pre-allocated trace's type, namespace and size.
func (pr *printer) encapIOAM6(encap []byte) {
	p := pr.p
	tb := pr.attrs(encap, route.IOAM6IPTunnelFreqN)
	if tb[route.IOAM6IPTunnelMode] == nil || tb[route.IOAM6IPTunnelTrace] == nil ||
		tb[route.IOAM6IPTunnelFreqK] == nil || tb[route.IOAM6IPTunnelFreqN] == nil {
		return
	}
	p.Uint(format.Any, "freqk", "freq %u", uint64(route.NativeUint32(tb[route.IOAM6IPTunnelFreqK])))
	p.Uint(format.Any, "freqn", "/%u ", uint64(route.NativeUint32(tb[route.IOAM6IPTunnelFreqN])))
	mode := u8Of(tb[route.IOAM6IPTunnelMode])
	dst := tb[route.IOAM6IPTunnelDst]
	if dst == nil && mode != route.IOAM6ModeInline {
		return
	}
	name := route.IOAM6ModeName(int(mode))
	if name == "" {
		name = "<unknown>"
	}
	p.String(format.Any, "mode", "mode %s ", name)
	if mode != route.IOAM6ModeInline {
		p.String(format.Any, "tundst", "tundst %s ", pr.rtaAddr(unix.AF_INET6, dst))
	}
	trace := tb[route.IOAM6IPTunnelTrace]
	if len(trace) < 8 {
		trace = append(append([]byte(nil), trace...), make([]byte, 8-len(trace))...)
	}
	p.Null(format.Any, "trace", "trace ", "")
	p.Null(format.Any, "prealloc", "prealloc ", "")
	p.Hex(format.Any, "type", "type %#08x ", uint64(binary.BigEndian.Uint32(trace[4:])>>8))
	p.Uint(format.Any, "ns", "ns %u ", uint64(binary.BigEndian.Uint16(trace)))
	p.Uint(format.Any, "size", "size %u ", uint64(trace[3])*4)
}

// encapXFRM is print_encap_xfrm: the interface id and the link device.
func (pr *printer) encapXFRM(encap []byte) {
	tb := pr.attrs(encap, route.LwtXFRMLink)
	if b := tb[route.LwtXFRMIfID]; b != nil {
		pr.p.Uint(format.Any, "if_id", "if_id %lu ", uint64(route.NativeUint32(b)))
	}
	if b := tb[route.LwtXFRMLink]; b != nil {
		pr.p.String(format.Any, "link_dev", "link_dev %s ", pr.links.Name(route.NativeUint32(b)))
	}
}

// seg6Flavors is print_seg6_local_flavors: the flavors by name, then the
// next-csid lengths.
func (pr *printer) seg6Flavors(nest []byte) {
	p := pr.p
	tb := pr.attrs(nest, route.Seg6LocalFlvLCNodeBits)
	if b := tb[route.Seg6LocalFlvOperation]; b != nil {
		mask := route.NativeUint32(b)
		if p.IsJSON() {
			p.OpenArray(format.JSON, "flavors", "")
		} else {
			p.Text("flavors ")
		}
		n := 0
		for i := 0; i < 32; i++ {
			name := route.Seg6FlavorName(i)
			if mask&(1<<i) == 0 || name == "" {
				continue
			}
			switch {
			case p.IsJSON():
				p.String(format.JSON, "", "", name)
			case n == 0:
				p.Text(name)
			default:
				p.Text(",")
				p.Text(name)
			}
			n++
		}
		if p.IsJSON() {
			p.CloseArray(format.JSON, "")
		} else {
			p.Text(" ")
		}
	}
	for _, f := range []struct {
		typ int
		key string
	}{{route.Seg6LocalFlvLCBlockBits, "lblen"}, {route.Seg6LocalFlvLCNodeBits, "nflen"}} {
		b := tb[f.typ]
		if b == nil {
			continue
		}
		if p.IsJSON() {
			p.Uint(format.JSON, f.key, "", uint64(u8Of(b)))
		} else {
			p.Text(f.key)
			p.Uint(format.Text, "", " %u ", uint64(u8Of(b)))
		}
	}
}

func (pr *printer) encapIP(et uint16, encap []byte) {
	p := pr.p
	tb := pr.attrs(encap, 8)
	fam, color := unix.AF_INET, format.Inet
	// Keys and formats spelled out: joined per route they would be
	// strings made per route.
	ttlKey, ttlText, tosKey, tosText := "ttl", "ttl %u ", "tos", "tos %u "
	if et == route.EncapIP6 {
		fam, color = unix.AF_INET6, format.Inet6
		ttlKey, ttlText, tosKey, tosText = "hoplimit", "hoplimit %u ", "tc", "tc %u "
	}
	if b := tb[route.LwtIPID]; b != nil {
		var id uint64
		if len(b) >= 8 {
			id = binary.BigEndian.Uint64(b)
		}
		p.Uint(format.Any, "id", "id %u ", id)
	}
	if b := tb[route.LwtIPSrc]; b != nil {
		p.ColorString(format.Any, color, "src", "src %s ", pr.rtaAddr(fam, b))
	}
	if b := tb[route.LwtIPDst]; b != nil {
		p.ColorString(format.Any, color, "dst", "dst %s ", pr.rtaAddr(fam, b))
	}
	if b := tb[route.LwtIPTTL]; b != nil {
		p.Uint(format.Any, ttlKey, ttlText, uint64(u8Of(b)))
	}
	if b := tb[route.LwtIPTos]; b != nil {
		p.Uint(format.Any, tosKey, tosText, uint64(u8Of(b)))
	}
	if b := tb[route.LwtIPFlags]; len(b) >= 2 {
		f := binary.BigEndian.Uint16(b)
		if f&route.TunnelKey != 0 {
			p.Bool(format.Any, "key", "key ", true)
		}
		if f&route.TunnelCsum != 0 {
			p.Bool(format.Any, "csum", "csum ", true)
		}
		if f&route.TunnelSeq != 0 {
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
	if b[5]&route.SR6FlagHMAC != 0 {
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

// encapSeg6Local is print_encap_seg6local.
func (pr *printer) encapSeg6Local(encap []byte) {
	p := pr.p
	tb := pr.attrs(encap, route.Seg6LocalFlavors)
	if tb[route.Seg6LocalAction] == nil {
		return
	}
	action := route.NativeUint32(tb[route.Seg6LocalAction])
	name := "<invalid>"
	if action <= route.Seg6ActionMax {
		if name = route.Seg6ActionName(action); name == "" {
			name = "<unknown>"
		}
	}
	p.String(format.Any, "action", "action %s ", name)
	if b := tb[route.Seg6LocalSRH]; b != nil {
		p.OpenObject("srh")
		pr.srh(b)
		p.CloseObject()
	}
	if b := tb[route.Seg6LocalTable]; b != nil {
		p.String(format.Any, "table", "table %s ", pr.names.Table(route.NativeUint32(b)))
	}
	if b := tb[route.Seg6LocalVRFTable]; b != nil {
		p.String(format.Any, "vrftable", "vrftable %s ", pr.names.Table(route.NativeUint32(b)))
	}
	if b := tb[route.Seg6LocalNH4]; b != nil {
		p.String(format.Any, "nh4", "nh4 %s ", pr.rtaAddr(unix.AF_INET, b))
	}
	if b := tb[route.Seg6LocalNH6]; b != nil {
		p.String(format.Any, "nh6", "nh6 %s ", pr.rtaAddr(unix.AF_INET6, b))
	}
	if b := tb[route.Seg6LocalIIF]; b != nil {
		p.String(format.Any, "iif", "iif %s ", pr.links.Name(route.NativeUint32(b)))
	}
	if b := tb[route.Seg6LocalOIF]; b != nil {
		p.String(format.Any, "oif", "oif %s ", pr.links.Name(route.NativeUint32(b)))
	}
	if b := tb[route.Seg6LocalBPF]; b != nil {
		pr.bpfProg(b, "endpoint")
	}
	if b := tb[route.Seg6LocalCounters]; b != nil && pr.stats > 0 {
		cnt := pr.attrs(b, 4)
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
	if b := tb[route.Seg6LocalFlavors]; b != nil {
		pr.seg6Flavors(b)
	}
}
