package link

import (
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/format"
	"golang.org/x/sys/unix"
)

// The -d printers of xfrm, vti, vti6, bareudp, hsr, amt, ip6tnl and the
// ip6gre family, after
// iproute2 6.1's print_opt functions. This kernel can create none of these
// devices; their output was checked against iproute2's for hand-made
// messages (`ip -d monitor file`). Like iproute2's, they print nothing
// when the kernel sent no IFLA_INFO_DATA.

func printXFRM(p *format.Printer, _ IndexNamer, data []byte) error {
	if data == nil {
		return nil
	}
	t := parseKindAttrs(data)
	if t.has(unix.IFLA_XFRM_COLLECT_METADATA) {
		p.Bool(format.Any, "external", "external ", true)
		return nil
	}
	if t.has(unix.IFLA_XFRM_IF_ID) {
		print0xHex(p, "if_id", "if_id %#llx ", uint64(t.u32(unix.IFLA_XFRM_IF_ID)))
	}
	return nil
}

// printTunnelEndpoint is tnl_print_endpoint: the address of a family
// (unix.AF_INET or AF_INET6), "any" when absent or zero, "unknown" when
// not of that family.
func printTunnelEndpoint(p *format.Printer, name string, b []byte, present bool, family int) {
	value := "any"
	if present {
		a, ok := netip.AddrFromSlice(b)
		switch {
		case !ok || (len(b) != 4 && len(b) != 16):
			value = "unknown"
		case a.Is4() != (family == unix.AF_INET):
			value = "unknown"
		case !a.IsUnspecified():
			value = a.String()
		}
	}
	p.String(format.Any, name, name+" %s", value)
	p.Text(" ")
}

func printVTI(family int) func(p *format.Printer, names IndexNamer, data []byte) error {
	return func(p *format.Printer, names IndexNamer, data []byte) error {
		if data == nil {
			return nil
		}
		t := parseKindAttrs(data)
		for _, e := range []struct {
			name string
			attr uint16
		}{{"remote", vtiRemote}, {"local", vtiLocal}} {
			printTunnelEndpoint(p, e.name, t[e.attr], t.has(e.attr), family)
		}
		if link := t.u32(vtiLink); link != 0 {
			p.String(format.Any, "link", "dev %s ", indexName(names, link))
		}
		for _, k := range []struct {
			name string
			attr uint16
		}{{"ikey", vtiIKey}, {"okey", vtiOKey}} {
			if key := t[k.attr]; t.u32(k.attr) != 0 {
				a, _ := netip.AddrFromSlice(key[:4])
				p.String(format.Any, k.name, k.name+" %s ", a.String())
			}
		}
		if fwmark := t.u32(vtiFwmark); fwmark != 0 {
			print0xHex(p, "fwmark", "fwmark %#llx ", uint64(fwmark))
		}
		return nil
	}
}

func printBareUDP(p *format.Printer, _ IndexNamer, data []byte) error {
	if data == nil {
		return nil
	}
	t := parseKindAttrs(data)
	if t.has(unix.IFLA_BAREUDP_PORT) {
		p.Uint(format.Any, "dstport", "dstport %u ", uint64(t.be16(unix.IFLA_BAREUDP_PORT)))
	}
	if t.has(unix.IFLA_BAREUDP_ETHERTYPE) {
		p.String(format.Any, "ethertype", "ethertype %s ", llProtoName(t.be16(unix.IFLA_BAREUDP_ETHERTYPE)))
	}
	if t.has(unix.IFLA_BAREUDP_SRCPORT_MIN) {
		p.Uint(format.Any, "srcportmin", "srcportmin %u ", uint64(t.u16(unix.IFLA_BAREUDP_SRCPORT_MIN)))
	}
	if t.has(unix.IFLA_BAREUDP_MULTIPROTO_MODE) {
		p.Bool(format.Any, "multiproto", "multiproto ", true)
	} else {
		p.Bool(format.Any, "multiproto", "nomultiproto ", false)
	}
	return nil
}

func printHSR(p *format.Printer, names IndexNamer, data []byte) error {
	if data == nil {
		return nil
	}
	t := parseKindAttrs(data)
	// iproute2 prints nothing when an attribute is too short.
	for attr, min := range map[uint16]int{
		unix.IFLA_HSR_SLAVE1: 4, unix.IFLA_HSR_SLAVE2: 4,
		unix.IFLA_HSR_SEQ_NR: 2, unix.IFLA_HSR_SUPERVISION_ADDR: 6,
	} {
		if t.has(attr) && len(t[attr]) < min {
			return nil
		}
	}
	for _, s := range []struct {
		name string
		attr uint16
	}{{"slave1", unix.IFLA_HSR_SLAVE1}, {"slave2", unix.IFLA_HSR_SLAVE2}} {
		if t.has(s.attr) {
			p.String(format.Any, s.name, s.name+" %s ", llIndexName(names, t.u32(s.attr)))
		} else {
			p.Null(format.Any, s.name, s.name+" %s ", "<none>")
		}
	}
	if t.has(unix.IFLA_HSR_SEQ_NR) {
		p.Int(format.Any, "seq_nr", "sequence %d ", int64(t.u16(unix.IFLA_HSR_SEQ_NR)))
	}
	if t.has(unix.IFLA_HSR_SUPERVISION_ADDR) {
		p.String(format.Any, "supervision_addr", "supervision %s ", macString(t[unix.IFLA_HSR_SUPERVISION_ADDR]))
	}
	if t.has(unix.IFLA_HSR_PROTOCOL) {
		p.Uint(format.Any, "proto", "proto %u ", uint64(t.u8(unix.IFLA_HSR_PROTOCOL)))
	}
	return nil
}

// llIndexName is ll_index_to_name: "*" for no link.
func llIndexName(names IndexNamer, index uint32) string {
	if index == 0 {
		return "*"
	}
	return indexName(names, index)
}

func printAMT(p *format.Printer, names IndexNamer, data []byte) error {
	if data == nil {
		return nil
	}
	t := parseKindAttrs(data)
	if t.has(amtMode) {
		if mode := t.u32(amtMode); mode < 2 {
			p.String(format.Any, "mode", "%s ", []string{"gateway", "relay"}[mode])
		}
	}
	for _, port := range []struct {
		name string
		attr uint16
	}{{"gateway_port", amtGatewayPort}, {"relay_port", amtRelayPort}} {
		if t.has(port.attr) {
			p.Uint(format.Any, port.name, port.name+" %u ", uint64(t.be16(port.attr)))
		}
	}
	// iproute2 reads each address as IPv4, whatever its length.
	for _, addr := range []struct {
		name string
		attr uint16
	}{{"local", amtLocalIP}, {"remote", amtRemoteIP}, {"discovery", amtDiscoveryIP}} {
		if t.has(addr.attr) {
			a, _ := netip.AddrFromSlice(pad(t[addr.attr], 4))
			p.String(format.Any, addr.name, addr.name+" %s ", a.String())
		}
	}
	if t.has(amtLink) {
		p.String(format.Any, "link", "dev %s ", llIndexName(names, t.u32(amtLink)))
	}
	if t.has(amtMaxTunnels) {
		p.Uint(format.Any, "max_tunnels", "max_tunnels %u ", uint64(t.u32(amtMaxTunnels)))
	}
	return nil
}

// printIP6TunnelLimits prints what ip6tnl and the ip6gre family share
// first: the endpoints, the device, the hop limit, encapsulation limit,
// traffic class, flow label and "dscp inherit".
func printIP6TunnelLimits(p *format.Printer, names IndexNamer, t kindAttrs, a ip6TunnelAttrs) {
	printTunnelEndpoint(p, "remote", t[a.remote], t.has(a.remote), unix.AF_INET6)
	printTunnelEndpoint(p, "local", t[a.local], t.has(a.local), unix.AF_INET6)
	if link := t.u32(a.link); link != 0 {
		p.String(format.Any, "link", "dev %s ", llIndexName(names, link))
	}
	flags, flowinfo := t.u32(a.flags), t.be32(a.flowinfo)
	if ttl := t.u8(a.ttl); p.IsJSON() || ttl != 0 {
		p.Uint(format.Any, "ttl", "hoplimit %u ", uint64(ttl))
	} else {
		p.Text("hoplimit inherit ")
	}
	if flags&ip6tnlIgnEncapLimit != 0 {
		p.Bool(format.Any, "ip6_tnl_f_ign_encap_limit", "encaplimit none ", true)
	} else if t.has(a.encapLimit) {
		p.Uint(format.Any, "encap_limit", "encaplimit %u ", uint64(t.u8(a.encapLimit)))
	}
	if flags&ip6tnlUseOrigTclass != 0 {
		p.Bool(format.Any, "ip6_tnl_f_use_orig_tclass", "tclass inherit ", true)
	} else if t.has(a.flowinfo) {
		p.String(format.Any, "tclass", "tclass %s ", fmt.Sprintf("0x%02x", flowinfo&ip6FlowinfoTclass>>20))
	}
	if flags&ip6tnlUseOrigFlowlabel != 0 {
		p.Bool(format.Any, "ip6_tnl_f_use_orig_flowlabel", "flowlabel inherit ", true)
	} else if t.has(a.flowinfo) {
		p.String(format.Any, "flowlabel", "flowlabel %s ", fmt.Sprintf("0x%05x", flowinfo&ip6FlowinfoFlowlabel))
	}
	if flags&ip6tnlRcvDSCPCopy != 0 {
		p.Bool(format.Any, "ip6_tnl_f_rcv_dscp_copy", "dscp inherit ", true)
	}
}

// printIP6TunnelFwmark prints "allow-localremote" and the fwmark, which
// close the IPv6 tunnels' words before their encapsulation.
func printIP6TunnelFwmark(p *format.Printer, t kindAttrs, a ip6TunnelAttrs) {
	flags := t.u32(a.flags)
	if flags&ip6tnlAllowLocalRemote != 0 {
		p.Bool(format.Any, "ip6_tnl_f_allow_local_remote", "allow-localremote ", true)
	}
	if flags&ip6tnlUseOrigFwmark != 0 {
		p.Bool(format.Any, "ip6_tnl_f_use_orig_fwmark", "fwmark inherit ", true)
	} else if fwmark := t.u32(a.fwmark); fwmark != 0 {
		print0xHex(p, "fwmark", "fwmark %#llx ", uint64(fwmark))
	}
}

// ip6TunnelAttrs numbers the attributes the IPv6 tunnel printers read,
// which IFLA_IPTUN_* and IFLA_GRE_* number differently.
type ip6TunnelAttrs struct {
	remote, local, link                      uint16
	ttl, encapLimit, flowinfo, flags, fwmark uint16
}

func printIP6Tunnel(p *format.Printer, names IndexNamer, data []byte) error {
	if data == nil {
		return nil
	}
	t := parseKindAttrs(data)
	if t.has(iptunCollectMetadata) {
		p.Bool(format.Any, "external", "external ", true)
	}
	if t.has(iptunProto) {
		if proto, ok := map[uint8]string{ipprotoIPIP: "ipip6", ipprotoIPv6: "ip6ip6", 0: "any"}[t.u8(iptunProto)]; ok {
			p.String(format.Any, "proto", "%s ", proto)
		}
	}
	attrs := ip6TunnelAttrs{
		remote: iptunRemote, local: iptunLocal, link: iptunLink,
		ttl: iptunTtl, encapLimit: iptunEncapLimit, flowinfo: iptunFlowinfo,
		flags: iptunFlags, fwmark: iptunFwmark,
	}
	printIP6TunnelLimits(p, names, t, attrs)
	if t.u32(iptunFlags)&ip6tnlMIP6Dev != 0 {
		p.Bool(format.Any, "ip6_tnl_f_mip6_dev", "mip6 ", true)
	}
	printIP6TunnelFwmark(p, t, attrs)
	printTunnelEncap(p, t, iptunEncapType)
	return nil
}

func printGRE6(p *format.Printer, names IndexNamer, data []byte) error {
	if data == nil {
		return nil
	}
	t := parseKindAttrs(data)
	if t.has(greCollectMetadata) {
		p.Bool(format.Any, "external", "external ", true)
	}
	attrs := ip6TunnelAttrs{
		remote: greRemote, local: greLocal, link: greLink,
		ttl: greTTL, encapLimit: greEncapLimit, flowinfo: greFlowinfo,
		flags: greFlags, fwmark: greFwmark,
	}
	printIP6TunnelLimits(p, names, t, attrs)
	iflags, oflags := t.be16(greIFlags), t.be16(greOFlags)
	for _, k := range []struct {
		name  string
		flags uint16
		attr  uint16
	}{{"ikey", iflags, greIKey}, {"okey", oflags, greOKey}} {
		// iproute2 reads 4 bytes whatever the attribute's length.
		if k.flags&greKeyFlag != 0 && t.has(k.attr) {
			a, _ := netip.AddrFromSlice(pad(t[k.attr], 4))
			p.String(format.Any, k.name, k.name+" %s ", a.String())
		}
	}
	for _, f := range []struct {
		name        string
		flags, flag uint16
	}{
		{"iseq", iflags, greSeqFlag}, {"oseq", oflags, greSeqFlag},
		{"icsum", iflags, greCsumFlag}, {"ocsum", oflags, greCsumFlag},
	} {
		if f.flags&f.flag != 0 {
			p.Bool(format.Any, f.name, f.name+" ", true)
		}
	}
	printIP6TunnelFwmark(p, t, attrs)
	if t.has(greErspanIndex) {
		p.Uint(format.Any, "erspan_index", "erspan_index %u ", uint64(t.u32(greErspanIndex)))
	}
	if t.has(greErspanVer) {
		p.Uint(format.Any, "erspan_ver", "erspan_ver %u ", uint64(t.u8(greErspanVer)))
	}
	if t.has(greErspanDir) {
		dir := "egress"
		if t.u8(greErspanDir) == 0 {
			dir = "ingress"
		}
		p.String(format.Any, "erspan_dir", "erspan_dir %s ", dir)
	}
	if t.has(greErspanHWID) {
		print0xHex(p, "erspan_hwid", "erspan_hwid %#llx ", uint64(t.u16(greErspanHWID)))
	}
	printTunnelEncap(p, t, greEncapType)
	return nil
}
