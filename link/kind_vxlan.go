package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

var vxlanKind = Kind{Name: "vxlan", Parse: parseVXLAN, Print: printVXLAN,
	Help: func(w io.Writer) { usageHelp(w, func(p *Parser) error { return vxlanUsage(p, "") }) }}

// VXLAN_DF_* values.
const (
	vxlanDFUnset   = 0
	vxlanDFSet     = 1
	vxlanDFInherit = 2
	labelMaxMask   = 0xfffff
)

// vxlanSwitches are the value-less words: word, attribute, value sent.
// learning and external are handled apart: they interact with the end.
var vxlanSwitches = []struct {
	word string
	attr uint16
	val  uint8
}{
	{"noproxy", unix.IFLA_VXLAN_PROXY, 0}, {"proxy", unix.IFLA_VXLAN_PROXY, 1},
	{"norsc", unix.IFLA_VXLAN_RSC, 0}, {"rsc", unix.IFLA_VXLAN_RSC, 1},
	{"nol2miss", unix.IFLA_VXLAN_L2MISS, 0}, {"l2miss", unix.IFLA_VXLAN_L2MISS, 1},
	{"nol3miss", unix.IFLA_VXLAN_L3MISS, 0}, {"l3miss", unix.IFLA_VXLAN_L3MISS, 1},
	{"udpcsum", unix.IFLA_VXLAN_UDP_CSUM, 1}, {"noudpcsum", unix.IFLA_VXLAN_UDP_CSUM, 0},
	{"udp6zerocsumtx", unix.IFLA_VXLAN_UDP_ZERO_CSUM6_TX, 1}, {"noudp6zerocsumtx", unix.IFLA_VXLAN_UDP_ZERO_CSUM6_TX, 0},
	{"udp6zerocsumrx", unix.IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 1}, {"noudp6zerocsumrx", unix.IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 0},
	{"remcsumtx", unix.IFLA_VXLAN_REMCSUM_TX, 1}, {"noremcsumtx", unix.IFLA_VXLAN_REMCSUM_TX, 0},
	{"remcsumrx", unix.IFLA_VXLAN_REMCSUM_RX, 1}, {"noremcsumrx", unix.IFLA_VXLAN_REMCSUM_RX, 0},
}

// vxlanState is what vxlan_parse_opt keeps across words.
type vxlanState struct {
	seen      map[uint16]bool
	vni       uint32
	learning  uint8
	dstport   uint16
	metadata  bool
	vnifilter bool
	local     netip.Addr // the address family chosen by local or remote
	remote    netip.Addr
	// localNoData and remoteNoData: given as "any" or "all", sent empty.
	localNoData, remoteNoData bool
}

// once is check_duparg: each attribute may be set once.
func (s *vxlanState) once(attr uint16, key, arg string) error {
	if s.seen[attr] {
		return cmdline.Duplicate2(key, arg)
	}
	s.seen[attr] = true
	return nil
}

// vxlanAddr is get_addr restricted to the family of other, if it is set.
// "default", "any" and "all" are the zero address of that family, or no
// address at all (of no type, so no option takes it) when other has none;
// "any" and "all" also have no bytes: noData, an empty attribute.
func vxlanAddr(v string, other netip.Addr) (a netip.Addr, noData bool, err error) {
	family := unix.AF_UNSPEC
	switch {
	case other.Is4():
		family = unix.AF_INET
	case other.Is6():
		family = unix.AF_INET6
	}
	p, err := cnum.GetAddr(v, family)
	if err != nil {
		return netip.Addr{}, false, err
	}
	a = p.IP()
	return a, a.IsValid() && p.ByteLen == 0, nil
}

func parseVXLAN(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	s := vxlanState{seen: map[uint16]bool{}, learning: 1}
	for a.More() {
		if err := s.parseWord(p, a, ae); err != nil {
			return err
		}
	}
	return s.encode(p, ae)
}

// encode checks what vxlan_parse_opt checks once every word is read and
// puts the attributes it sends last: the VNI, the addresses, learning and
// the destination port. The word parser and the typed VXLAN spec both end
// through it.
func (s *vxlanState) encode(p *Parser, ae *netlink.AttributeEncoder) error {
	setOp := p.MsgType == unix.RTM_NEWLINK && !p.Create
	switch {
	case !s.metadata && s.vnifilter:
		return cmdline.Exit(cmdline.StatusFailed, "vxlan: vnifilter is valid only when 'external' is set")
	case s.metadata && s.seen[unix.IFLA_VXLAN_ID]:
		return cmdline.Exit(cmdline.StatusFailed, "vxlan: both 'external' and vni cannot be specified")
	case !s.metadata && !s.vnifilter && !s.seen[unix.IFLA_VXLAN_ID] && !setOp:
		return cmdline.Exit(cmdline.StatusFailed, "vxlan: missing virtual network identifier")
	case s.remote.IsMulticast() && !s.seen[unix.IFLA_VXLAN_LINK]:
		return cmdline.Exit(cmdline.StatusFailed, "vxlan: 'group' requires 'dev' to be specified")
	}
	if !s.seen[unix.IFLA_VXLAN_PORT] && s.seen[unix.IFLA_VXLAN_GPE] {
		s.dstport = 4790
	} else if !s.seen[unix.IFLA_VXLAN_PORT] && !setOp {
		fmt.Fprint(p.Stderr, "vxlan: destination port not specified\n"+
			"Will use Linux kernel default (non-standard value)\n"+
			"Use 'dstport 4789' to get the IANA assigned value\n"+
			"Use 'dstport 0' to get default and quiet this message\n")
	}
	if s.seen[unix.IFLA_VXLAN_ID] {
		ae.Uint32(unix.IFLA_VXLAN_ID, s.vni)
	}
	selected := false
	if s.local.IsValid() {
		putAddr(ae, unix.IFLA_VXLAN_LOCAL, unix.IFLA_VXLAN_LOCAL6, s.local, s.localNoData)
		selected = true
	}
	if s.remote.IsValid() {
		putAddr(ae, unix.IFLA_VXLAN_GROUP, unix.IFLA_VXLAN_GROUP6, s.remote, s.remoteNoData)
		selected = true
	}
	if !selected {
		switch p.Family {
		case unix.AF_INET:
			ae.Bytes(unix.IFLA_VXLAN_GROUP, make([]byte, 4))
		case unix.AF_INET6:
			ae.Bytes(unix.IFLA_VXLAN_GROUP6, make([]byte, 16))
		}
	}
	if !setOp || s.seen[unix.IFLA_VXLAN_LEARNING] {
		ae.Uint8(unix.IFLA_VXLAN_LEARNING, s.learning)
	}
	if s.dstport != 0 {
		ae.Bytes(unix.IFLA_VXLAN_PORT, binary.BigEndian.AppendUint16(nil, s.dstport))
	}
	return nil
}

// putAddr encodes a in the attribute of its family, empty when noData.
func putAddr(ae *netlink.AttributeEncoder, attr4, attr6 uint16, a netip.Addr, noData bool) {
	b := a.AsSlice()
	if noData {
		b = nil
	}
	if a.Is4() {
		ae.Bytes(attr4, b)
	} else {
		ae.Bytes(attr6, b)
	}
}

// parseWord reads one vxlan word, in iproute2's order (the abbreviation
// rule: "l" is local, "no" is nolearning).
func (s *vxlanState) parseWord(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	word := a.Next()
	m := func(kw string) bool { return cmdline.Matches(word, kw) }
	value := func(attr uint16, key string) (string, error) {
		v, err := a.Value()
		if err != nil {
			return "", err
		}
		return v, s.once(attr, key, v)
	}
	switch {
	case m("id"), m("vni"):
		v, err := value(unix.IFLA_VXLAN_ID, "id")
		if err != nil {
			return err
		}
		n, ok := cnum.Uint(v, 0, 1<<24-1)
		if !ok {
			return cmdline.InvalidArg("invalid id", v)
		}
		s.vni = uint32(n)
	case m("group"), m("remote"):
		group := m("group")
		if (group && s.remote.IsValid() && !s.remote.IsMulticast()) || (!group && s.remote.IsMulticast()) {
			return cmdline.Exit(cmdline.StatusFailed, "vxlan: both group and remote cannot be specified")
		}
		key := "remote"
		if group {
			key = "group"
		}
		v, err := value(unix.IFLA_VXLAN_GROUP, key)
		if err != nil {
			return err
		}
		addr, noData, err := vxlanAddr(v, s.local)
		if err != nil {
			return err
		}
		// The zero address is a remote (not multicast) but no group.
		if !addr.IsValid() || addr.IsMulticast() != group {
			return cmdline.InvalidArg("invalid "+key+" address", v)
		}
		s.remote, s.remoteNoData = addr, noData
	case m("local"):
		v, err := value(unix.IFLA_VXLAN_LOCAL, "local")
		if err != nil {
			return err
		}
		addr, noData, err := vxlanAddr(v, s.remote)
		if err != nil {
			return err
		}
		if !addr.IsValid() || addr.IsMulticast() {
			return cmdline.InvalidArg("invalid local address", v)
		}
		s.local, s.localNoData = addr, noData
	case m("dev"):
		v, err := value(unix.IFLA_VXLAN_LINK, "dev")
		if err != nil {
			return err
		}
		idx := p.Index(v)
		if idx == 0 {
			return cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v)
		}
		ae.Uint32(unix.IFLA_VXLAN_LINK, uint32(idx))
	case m("ttl"), m("hoplimit"):
		v, err := value(unix.IFLA_VXLAN_TTL, "ttl")
		if err != nil {
			return err
		}
		switch v {
		case "inherit":
			ae.Flag(unix.IFLA_VXLAN_TTL_INHERIT, true)
		case "auto":
			ae.Uint8(unix.IFLA_VXLAN_TTL, 0)
		default:
			n, ok := cnum.Uint(v, 0, 1<<32-1)
			if !ok {
				return cmdline.InvalidArg("invalid TTL", v)
			}
			if n > 255 {
				return cmdline.InvalidArg("TTL must be <= 255", v)
			}
			ae.Uint8(unix.IFLA_VXLAN_TTL, uint8(n))
		}
	case m("tos"), m("dsfield"):
		v, err := value(unix.IFLA_VXLAN_TOS, "tos")
		if err != nil {
			return err
		}
		tos := uint64(1)
		if v != "inherit" {
			var ok bool
			if tos, ok = dsfield(v); !ok {
				return cmdline.InvalidArg("bad TOS value", v)
			}
		}
		ae.Uint8(unix.IFLA_VXLAN_TOS, uint8(tos))
	case m("df"):
		v, err := value(unix.IFLA_VXLAN_DF, "df")
		if err != nil {
			return err
		}
		df, ok := map[string]uint8{"unset": vxlanDFUnset, "set": vxlanDFSet, "inherit": vxlanDFInherit}[v]
		if !ok {
			return cmdline.InvalidArg("DF must be 'unset', 'set' or 'inherit'", v)
		}
		ae.Uint8(unix.IFLA_VXLAN_DF, df)
	case m("label"), m("flowlabel"):
		v, err := value(unix.IFLA_VXLAN_LABEL, "flowlabel")
		if err != nil {
			return err
		}
		n, ok := cnum.Uint(v, 0, labelMaxMask)
		if !ok {
			return cmdline.InvalidArg("invalid flowlabel", v)
		}
		ae.Bytes(unix.IFLA_VXLAN_LABEL, binary.BigEndian.AppendUint32(nil, uint32(n)))
	case m("ageing"), m("maxaddress"):
		attr, key, none, msg := uint16(unix.IFLA_VXLAN_AGEING), "ageing", "none", "ageing timer"
		if m("maxaddress") {
			attr, key, none, msg = unix.IFLA_VXLAN_LIMIT, "maxaddress", "unlimited", "max addresses"
		}
		v, err := value(attr, key)
		if err != nil {
			return err
		}
		var n uint64
		if v != none {
			var ok bool
			if n, ok = cnum.Uint(v, 0, 1<<32-1); !ok {
				return cmdline.InvalidArg(msg, v)
			}
		}
		ae.Uint32(attr, uint32(n))
	case m("port"), m("srcport"):
		v, err := value(unix.IFLA_VXLAN_PORT_RANGE, "srcport")
		if err != nil {
			return err
		}
		low, ok := cnum.Uint(v, 0, 0xffff)
		if !ok {
			return cmdline.InvalidArg("min port", v)
		}
		v, err = a.Value()
		if err != nil {
			return err
		}
		high, ok := cnum.Uint(v, 0, 0xffff)
		if !ok {
			return cmdline.InvalidArg("max port", v)
		}
		if low != 0 || high != 0 {
			r := binary.BigEndian.AppendUint16(nil, uint16(low))
			ae.Bytes(unix.IFLA_VXLAN_PORT_RANGE, binary.BigEndian.AppendUint16(r, uint16(high)))
		}
	case m("dstport"):
		v, err := value(unix.IFLA_VXLAN_PORT, "dstport")
		if err != nil {
			return err
		}
		n, ok := cnum.Uint(v, 0, 0xffff)
		if !ok {
			return cmdline.InvalidArg("dst port", v)
		}
		s.dstport = uint16(n)
	case m("nolearning"), m("learning"):
		if err := s.once(unix.IFLA_VXLAN_LEARNING, word, word); err != nil {
			return err
		}
		s.learning = b2u8(!m("nolearning"))
	default:
		return s.parseSwitch(p, word, ae)
	}
	return nil
}

// parseSwitch reads the value-less words after learning in iproute2's
// order.
func (s *vxlanState) parseSwitch(p *Parser, word string, ae *netlink.AttributeEncoder) error {
	m := func(kw string) bool { return cmdline.Matches(word, kw) }
	for _, sw := range vxlanSwitches {
		if m(sw.word) {
			if err := s.once(sw.attr, word, word); err != nil {
				return err
			}
			ae.Uint8(sw.attr, sw.val)
			return nil
		}
	}
	switch {
	case m("external"), m("noexternal"):
		if err := s.once(unix.IFLA_VXLAN_COLLECT_METADATA, word, word); err != nil {
			return err
		}
		s.metadata = m("external")
		if s.metadata {
			s.learning = 0
		}
		ae.Uint8(unix.IFLA_VXLAN_COLLECT_METADATA, b2u8(s.metadata))
	case m("gbp"), m("gpe"):
		attr := uint16(unix.IFLA_VXLAN_GBP)
		if m("gpe") {
			attr = unix.IFLA_VXLAN_GPE
		}
		if err := s.once(attr, word, word); err != nil {
			return err
		}
		ae.Flag(attr, true)
	case word == "vnifilter", word == "novnifilter":
		if err := s.once(unix.IFLA_VXLAN_VNIFILTER, word, word); err != nil {
			return err
		}
		s.vnifilter = word == "vnifilter"
		ae.Uint8(unix.IFLA_VXLAN_VNIFILTER, b2u8(s.vnifilter))
	case m("help"):
		return vxlanUsage(p, "")
	default:
		return vxlanUsage(p, fmt.Sprintf("vxlan: unknown command \"%s\"?\n", word))
	}
	return nil
}

// dsfield is rtnl_dsfield_a2n for numbers (the names file is empty by
// default): a byte as strtoul(v, &end, 16) reads it, "0x" prefix, blanks
// and sign included.
func dsfield(v string) (uint64, bool) {
	return cnum.Uint(v, 16, 255)
}

func vxlanUsage(p *Parser, msg string) error {
	fmt.Fprint(p.Stderr, msg)
	fmt.Fprint(p.Stderr, `Usage: ... vxlan id VNI [ { group | remote } IP_ADDRESS ] [ local ADDR ]
	[ ttl TTL ] [ tos TOS ] [ df DF ] [ flowlabel LABEL ] [ dev PHYS_DEV ]
	[ dstport PORT ] [ srcport MIN MAX ] [ ageing SECONDS ] [ maxaddress NUMBER ]
	[ [no]learning ] [ [no]proxy ] [ [no]rsc ] [ [no]l2miss ] [ [no]l3miss ]
	[ [no]udpcsum ] [ [no]udp6zerocsumtx ] [ [no]udp6zerocsumrx ]
	[ [no]remcsumtx ] [ [no]remcsumrx ] [ [no]external ] [ gbp ] [ gpe ]
	[ [no]vnifilter ]

Where:	VNI	:= 0-16777215
	ADDR	:= { IP_ADDRESS | any }
	TOS	:= { NUMBER | inherit }
	TTL	:= { 1..255 | auto | inherit }
	DF	:= { unset | set | inherit }
	LABEL	:= 0-1048575
`)
	return cmdline.Silent(cmdline.StatusFailed)
}

func printVXLAN(p *format.Printer, names IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if t.u8(unix.IFLA_VXLAN_COLLECT_METADATA) != 0 {
		p.Bool(format.Any, "external", "external ", true)
	}
	if t.u8(unix.IFLA_VXLAN_VNIFILTER) != 0 {
		p.Bool(format.Any, "vnifilter", "vnifilter", true)
	}
	if len(t[unix.IFLA_VXLAN_ID]) >= 4 {
		p.Uint(format.Any, "id", "id %u ", uint64(t.u32(unix.IFLA_VXLAN_ID)))
	}
	if b, ok := t[unix.IFLA_VXLAN_GROUP]; ok {
		if a, ok := netip.AddrFromSlice(pad(b, 4)); ok && !a.IsUnspecified() {
			if a.IsMulticast() {
				p.String(format.Any, "group", "group %s ", a.String())
			} else {
				p.String(format.Any, "remote", "remote %s ", a.String())
			}
		}
	} else if b, ok := t[unix.IFLA_VXLAN_GROUP6]; ok {
		if a, ok := netip.AddrFromSlice(pad(b, 16)); ok && !a.IsUnspecified() {
			if a.IsMulticast() {
				p.String(format.Any, "group6", "group %s ", a.String())
			} else {
				p.String(format.Any, "remote6", "remote %s ", a.String())
			}
		}
	}
	if b, ok := t[unix.IFLA_VXLAN_LOCAL]; ok {
		if a, ok := netip.AddrFromSlice(pad(b, 4)); ok && !a.IsUnspecified() {
			p.String(format.Any, "local", "local %s ", a.String())
		}
	} else if b, ok := t[unix.IFLA_VXLAN_LOCAL6]; ok {
		if a, ok := netip.AddrFromSlice(pad(b, 16)); ok && !a.IsUnspecified() {
			p.String(format.Any, "local6", "local %s ", a.String())
		}
	}
	if link := t.u32(unix.IFLA_VXLAN_LINK); link != 0 {
		p.String(format.Any, "link", "dev %s ", indexName(names, link))
	}
	if r, ok := t[unix.IFLA_VXLAN_PORT_RANGE]; ok {
		r = pad(r, 4)
		low, high := uint64(binary.BigEndian.Uint16(r)), uint64(binary.BigEndian.Uint16(r[2:]))
		p.OpenObject("port_range")
		p.Uint(format.JSON, "low", "", low)
		p.Uint(format.JSON, "high", "", high)
		p.CloseObject()
		p.Text(fmt.Sprintf("srcport %d %d ", low, high))
	}
	if t.has(unix.IFLA_VXLAN_PORT) {
		p.Uint(format.Any, "port", "dstport %u ", uint64(t.be16(unix.IFLA_VXLAN_PORT)))
	}
	if t.has(unix.IFLA_VXLAN_LEARNING) {
		learning := t.u8(unix.IFLA_VXLAN_LEARNING) != 0
		p.Bool(format.JSON, "learning", "", learning)
		if !learning {
			p.Text("nolearning ")
		}
	}
	for _, f := range []struct {
		attr      uint16
		key, text string
	}{
		{unix.IFLA_VXLAN_PROXY, "proxy", "proxy "},
		{unix.IFLA_VXLAN_RSC, "rsc", "rsc "},
		{unix.IFLA_VXLAN_L2MISS, "l2miss", "l2miss "},
		{unix.IFLA_VXLAN_L3MISS, "l3miss", "l3miss "},
	} {
		if t.u8(f.attr) != 0 {
			p.Bool(format.Any, f.key, f.text, true)
		}
	}
	if tos := t.u8(unix.IFLA_VXLAN_TOS); tos != 0 {
		if p.IsJSON() || tos != 1 {
			print0xHex(p, "tos", "tos %#x ", uint64(tos))
		} else {
			p.Text("tos inherit ")
		}
	}
	if t.u8(unix.IFLA_VXLAN_TTL_INHERIT) != 0 {
		p.Text("ttl inherit ")
	} else if t.has(unix.IFLA_VXLAN_TTL) {
		if ttl := t.u8(unix.IFLA_VXLAN_TTL); p.IsJSON() || ttl != 0 {
			p.Uint(format.Any, "ttl", "ttl %u ", uint64(ttl))
		} else {
			p.Text("ttl auto ")
		}
	}
	if t.has(unix.IFLA_VXLAN_DF) {
		switch t.u8(unix.IFLA_VXLAN_DF) {
		case vxlanDFUnset:
			p.String(format.JSON, "df", "", "unset")
		case vxlanDFSet:
			p.String(format.Any, "df", "df %s ", "set")
		case vxlanDFInherit:
			p.String(format.Any, "df", "df %s ", "inherit")
		}
	}
	if b := t[unix.IFLA_VXLAN_LABEL]; len(b) >= 4 {
		if label := binary.BigEndian.Uint32(b); label != 0 {
			print0xHex(p, "label", "flowlabel %#x ", uint64(label))
		}
	}
	if t.has(unix.IFLA_VXLAN_AGEING) {
		if age := t.u32(unix.IFLA_VXLAN_AGEING); age == 0 {
			p.Uint(format.Any, "ageing", "ageing none ", 0)
		} else {
			p.Uint(format.Any, "ageing", "ageing %u ", uint64(age))
		}
	}
	if max := t.u32(unix.IFLA_VXLAN_LIMIT); max != 0 {
		p.Uint(format.Any, "limit", "maxaddr %u ", uint64(max))
	}
	for _, f := range []struct {
		attr      uint16
		key, text string
	}{
		{unix.IFLA_VXLAN_UDP_CSUM, "udp_csum", "udpcsum "},
		{unix.IFLA_VXLAN_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx", "udp6zerocsumtx "},
		{unix.IFLA_VXLAN_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx", "udp6zerocsumrx "},
	} {
		if !t.has(f.attr) {
			continue
		}
		on := t.u8(f.attr) != 0
		p.Bool(format.JSON, f.key, "", on)
		if !on {
			p.Text("no")
		}
		p.Text(f.text)
	}
	if t.u8(unix.IFLA_VXLAN_REMCSUM_TX) != 0 {
		p.Bool(format.Any, "remcsum_tx", "remcsumtx ", true)
	}
	if t.u8(unix.IFLA_VXLAN_REMCSUM_RX) != 0 {
		p.Bool(format.Any, "remcsum_rx", "remcsumrx ", true)
	}
	if t.has(unix.IFLA_VXLAN_GBP) {
		p.Bool(format.Any, "gbp", "gbp ", true)
	}
	if t.has(unix.IFLA_VXLAN_GPE) {
		p.Bool(format.Any, "gpe", "gpe ", true)
	}
	return nil
}

// pad returns b extended with zeros to n bytes, so a short attribute reads
// as zeros instead of crashing.
func pad(b []byte, n int) []byte {
	if len(b) >= n {
		return b[:n]
	}
	return append(append([]byte(nil), b...), make([]byte, n-len(b))...)
}
