package rtnlcompat

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rule"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// These tests give the kernel messages captured in the object packages'
// testdata to rtnetlink's decoders and to gip's, and compare the fields
// both know. rtnetlink was written independently of gip, so a field they
// disagree on is a bug in one of them.

// captured is one message of a capture: its header type and body.
type captured struct {
	typ  netlink.HeaderType
	body []byte
}

// readLengthPrefixed reads a capture of bodies each preceded by its
// length as a little-endian uint32 (link/testdata/show-links.bin,
// addr/testdata/addrs.bin), all of message type typ.
func readLengthPrefixed(t testing.TB, path string, typ netlink.HeaderType) []captured {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []captured
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		if 4+n > len(b) {
			t.Fatalf("%s: truncated", path)
		}
		out = append(out, captured{typ, b[4 : 4+n]})
		b = b[4+n:]
	}
	if len(out) == 0 {
		t.Fatalf("%s: no messages", path)
	}
	return out
}

// readHexLines reads a capture of bodies one hex line each
// (internal/cmd/iproute/testdata/dump.hex).
func readHexLines(t testing.TB, path string, typ netlink.HeaderType) []captured {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []captured
	s := bufio.NewScanner(f)
	s.Buffer(nil, 1<<20)
	for s.Scan() {
		if line := strings.TrimSpace(s.Text()); line != "" {
			b, err := hex.DecodeString(line)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			out = append(out, captured{typ, b})
		}
	}
	if err := s.Err(); err != nil || len(out) == 0 {
		t.Fatalf("%s: %v, %d messages", path, err, len(out))
	}
	return out
}

// readEvents reads the messages of types from an rtmon capture
// (internal/cmd/ipmonitor/testdata/events.nl).
func readEvents(t testing.TB, types ...netlink.HeaderType) []captured {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "internal", "cmd", "ipmonitor", "testdata", "events.nl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []captured
	err = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
		for _, typ := range types {
			if h.Type == typ {
				out = append(out, captured{h.Type, append([]byte(nil), body...)})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("events.nl: no messages of types %v", types)
	}
	return out
}

// checker reports the fields on which gip and rtnetlink disagree.
type checker struct {
	t    *testing.T
	what string
}

func (c checker) eq(field string, g, r any) {
	c.t.Helper()
	if !equal(g, r) {
		c.t.Errorf("%s: %s: gip %v, rtnetlink %v", c.what, field, g, r)
	}
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case []byte:
		return bytes.Equal(a, b.([]byte))
	case []string:
		b := b.([]string)
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	}
	return a == b
}

// ip is an address rtnetlink decoded, in the bytes gip keeps (4 for IPv4).
func ip(family uint8, a net.IP) []byte {
	if a == nil {
		return nil
	}
	if family == unix.AF_INET {
		return a.To4()
	}
	return a.To16()
}

func u32(p *uint32) uint32 {
	if p == nil {
		return 0
	}
	return *p
}

func TestLinksAgree(t *testing.T) {
	msgs := readLengthPrefixed(t, filepath.Join("..", "link", "testdata", "show-links.bin"), unix.RTM_NEWLINK)
	msgs = append(msgs, readEvents(t, unix.RTM_NEWLINK, unix.RTM_DELLINK)...)
	kinds := 0
	for i, m := range msgs {
		g, err := link.Decode(m.body)
		if err != nil {
			t.Fatalf("message %d: gip: %v", i, err)
		}
		dm, err := Decode(m.typ, m.body)
		if err != nil {
			t.Fatalf("message %d (%s): rtnetlink: %v", i, g.Name, err)
		}
		r := dm.(*rtnetlink.LinkMessage)
		c := checker{t, "link " + g.Name}
		c.eq("index", uint32(g.Index), r.Index)
		c.eq("type", g.Type, r.Type)
		c.eq("flags", g.Flags, r.Flags)
		if r.Attributes == nil {
			t.Errorf("%s: rtnetlink decoded no attributes", c.what)
			continue
		}
		a := r.Attributes
		c.eq("name", g.Name, a.Name)
		c.eq("mtu", g.MTU, a.MTU)
		c.eq("qdisc", g.Qdisc, a.QueueDisc)
		c.eq("address", g.Address.String(), a.Address.String())
		c.eq("broadcast", g.Broadcast.String(), a.Broadcast.String())
		c.eq("operstate", g.OperState, uint8(a.OperationalState))
		c.eq("txqlen", g.TxQLen, u32(a.TxQueueLen))
		c.eq("master", g.Master, u32(a.Master))
		c.eq("group", g.Group, u32(a.NetDevGroup))
		c.eq("carrier changes", g.CarrierChanges, u32(a.CarrierChanges))
		c.eq("has master", g.Has(unix.IFLA_MASTER), a.Master != nil)
		c.eq("has txqlen", g.Has(unix.IFLA_TXQLEN), a.TxQueueLen != nil)
		alias := ""
		if a.Alias != nil {
			alias = *a.Alias
		}
		c.eq("alias", g.Alias, alias)
		c.eq("altnames", g.AltNames, a.AltNames)
		if a.LinkMode != nil {
			c.eq("linkmode", g.LinkMode, *a.LinkMode)
		}
		kind := ""
		if a.Info != nil {
			kind = a.Info.Kind
		}
		c.eq("kind", g.Kind, kind)
		if g.Kind != "" {
			kinds++
		}
	}
	if kinds == 0 {
		t.Error("no link in the captures has a kind: the comparison of kinds tested nothing")
	}
}

func TestAddressesAgree(t *testing.T) {
	msgs := readLengthPrefixed(t, filepath.Join("..", "addr", "testdata", "addrs.bin"), unix.RTM_NEWADDR)
	msgs = append(msgs, readEvents(t, unix.RTM_NEWADDR, unix.RTM_DELADDR)...)
	families := map[uint8]bool{}
	for i, m := range msgs {
		g, err := addr.Decode(m.body)
		if err != nil {
			t.Fatalf("message %d: gip: %v", i, err)
		}
		dm, err := Decode(m.typ, m.body)
		if err != nil {
			t.Fatalf("message %d: rtnetlink: %v", i, err)
		}
		r := dm.(*rtnetlink.AddressMessage)
		c := checker{t, "address " + g.Label + " " + net.IP(g.Local).String()}
		families[g.Family] = true
		c.eq("family", g.Family, r.Family)
		c.eq("prefix length", g.Prefixlen, r.PrefixLength)
		c.eq("scope", g.Scope, r.Scope)
		c.eq("index", g.Index, r.Index)
		if r.Attributes == nil {
			t.Errorf("%s: rtnetlink decoded no attributes", c.what)
			continue
		}
		a := r.Attributes
		// gip's Flags are IFA_FLAGS when sent, else the header's.
		flags := uint32(r.Flags)
		if a.Flags != 0 {
			flags = a.Flags
		}
		c.eq("flags", g.Flags, flags)
		// gip lets IFA_LOCAL and IFA_ADDRESS stand in for each other, as
		// iproute2 reads them; rtnetlink leaves the missing one nil.
		local, address := ip(r.Family, a.Local), ip(r.Family, a.Address)
		if local == nil {
			local = address
		}
		if address == nil {
			address = local
		}
		c.eq("local", g.Local, local)
		c.eq("address", g.Address, address)
		c.eq("broadcast", g.Broadcast, ip(r.Family, a.Broadcast))
		c.eq("anycast", g.Anycast, ip(r.Family, a.Anycast))
		c.eq("label", g.Label, a.Label)
		c.eq("metric", g.Metric, a.Priority)
		if g.HasCacheInfo {
			c.eq("valid", g.Valid, a.CacheInfo.Valid)
			c.eq("preferred", g.Preferred, a.CacheInfo.Preferred)
		}
	}
	if !families[unix.AF_INET] || !families[unix.AF_INET6] {
		t.Errorf("the captures hold families %v; want both IPv4 and IPv6", families)
	}
}

// routeFields is what gip's rtnl layer reads of a route message: the fields the
// comparison covers, read independently of route's decoder (which
// TestConversionsAgree compares through the conversions).
type routeFields struct {
	hdr                        rtnl.RtMsg
	dst, src, gateway, prefsrc []byte
	oif, priority, table, mark uint32
	hops                       []hop
}

type hop struct {
	ifindex int32
	flags   uint8
	weight  uint8 // rtnh_hops: the weight less one
	gateway []byte
}

func decodeRoute(t *testing.T, b []byte) routeFields {
	t.Helper()
	hdr, attrs, err := rtnl.ParseRtMsg(b)
	if err != nil {
		t.Fatal(err)
	}
	r := routeFields{hdr: hdr, table: uint32(hdr.Table)}
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		switch a.Type() {
		case unix.RTA_DST:
			r.dst = a.Data()
		case unix.RTA_SRC:
			r.src = a.Data()
		case unix.RTA_GATEWAY:
			r.gateway = a.Data()
		case unix.RTA_PREFSRC:
			r.prefsrc = a.Data()
		case unix.RTA_OIF:
			r.oif = a.Uint32()
		case unix.RTA_PRIORITY:
			r.priority = a.Uint32()
		case unix.RTA_TABLE:
			r.table = a.Uint32()
		case unix.RTA_MARK:
			r.mark = a.Uint32()
		case unix.RTA_MULTIPATH:
			for nh := a.Data(); len(nh) >= 8; {
				l := int(binary.NativeEndian.Uint16(nh))
				if l < 8 || l > len(nh) {
					t.Fatalf("bad rtnexthop length %d", l)
				}
				h := hop{flags: nh[2], weight: nh[3], ifindex: int32(binary.NativeEndian.Uint32(nh[4:]))}
				for na := rtnl.NewAttrs(nh[8:l]); na.Next(); {
					if na.Type() == unix.RTA_GATEWAY {
						h.gateway = na.Data()
					}
				}
				r.hops = append(r.hops, h)
				nh = nh[min((l+3)&^3, len(nh)):]
			}
		}
		if err := a.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestRoutesAgree(t *testing.T) {
	msgs := readHexLines(t, filepath.Join("..", "internal", "cmd", "iproute", "testdata", "dump.hex"), unix.RTM_NEWROUTE)
	msgs = append(msgs, readEvents(t, unix.RTM_NEWROUTE, unix.RTM_DELROUTE)...)
	multipath := 0
	for i, m := range msgs {
		g := decodeRoute(t, m.body)
		dm, err := Decode(m.typ, m.body)
		if err != nil {
			t.Fatalf("message %d: rtnetlink: %v", i, err)
		}
		r := dm.(*rtnetlink.RouteMessage)
		c := checker{t, "route " + net.IP(g.dst).String()}
		c.eq("family", g.hdr.Family, r.Family)
		c.eq("dst length", g.hdr.DstLen, r.DstLength)
		c.eq("src length", g.hdr.SrcLen, r.SrcLength)
		c.eq("tos", g.hdr.Tos, r.Tos)
		c.eq("header table", g.hdr.Table, r.Table)
		c.eq("protocol", g.hdr.Protocol, r.Protocol)
		c.eq("scope", g.hdr.Scope, r.Scope)
		c.eq("type", g.hdr.Type, r.Type)
		c.eq("flags", g.hdr.Flags, r.Flags)
		a := r.Attributes
		c.eq("dst", g.dst, ip(r.Family, a.Dst))
		c.eq("gateway", g.gateway, ip(r.Family, a.Gateway))
		c.eq("prefsrc", g.prefsrc, ip(r.Family, a.Src)) // rtnetlink's Src is RTA_PREFSRC
		c.eq("oif", g.oif, a.OutIface)
		c.eq("metric", g.priority, a.Priority)
		if a.Table != 0 { // rtnetlink leaves Table 0 without RTA_TABLE
			c.eq("table", g.table, a.Table)
		}
		c.eq("mark", g.mark, a.Mark)
		c.eq("nexthops", len(g.hops), len(a.Multipath))
		if len(g.hops) > 0 && len(g.hops) == len(a.Multipath) {
			multipath++
			for j, h := range g.hops {
				rh := a.Multipath[j]
				c.eq("nexthop ifindex", uint32(h.ifindex), rh.Hop.IfIndex)
				c.eq("nexthop flags", h.flags, rh.Hop.Flags)
				c.eq("nexthop weight", h.weight, rh.Hop.Hops)
				c.eq("nexthop gateway", h.gateway, ip(r.Family, rh.Gateway))
			}
		}
	}
	if multipath == 0 {
		t.Error("no multipath route in the captures: the nexthop comparison tested nothing")
	}
}

// The routes dump.sh made, as both decoders must read them.
func TestRoutesKnown(t *testing.T) {
	var found int
	for _, m := range readHexLines(t, filepath.Join("..", "internal", "cmd", "iproute", "testdata", "dump.hex"), unix.RTM_NEWROUTE) {
		dm, err := Decode(m.typ, m.body)
		if err != nil {
			t.Fatal(err)
		}
		r := dm.(*rtnetlink.RouteMessage)
		a, _ := netip.AddrFromSlice(r.Attributes.Dst)
		switch netip.PrefixFrom(a.Unmap(), int(r.DstLength)).String() {
		case "10.1.0.0/16":
			found++
			if r.Attributes.Gateway.String() != "172.18.0.5" || r.Attributes.Priority != 50 || r.Protocol != unix.RTPROT_STATIC {
				t.Errorf("10.1.0.0/16: %+v", r.Attributes)
			}
		case "10.2.0.0/24":
			found++
			if r.Attributes.Table != 100 || r.Scope != unix.RT_SCOPE_LINK {
				t.Errorf("10.2.0.0/24: table %d scope %d, want 100 and link", r.Attributes.Table, r.Scope)
			}
		case "10.6.0.0/16":
			found++
			mp := r.Attributes.Multipath
			if len(mp) != 2 || mp[0].Gateway.String() != "172.18.0.7" || mp[0].Hop.Hops != 1 ||
				mp[1].Gateway.String() != "172.18.0.8" || mp[1].Hop.Flags&unix.RTNH_F_ONLINK == 0 {
				t.Errorf("10.6.0.0/16: nexthops %+v", mp)
			}
		case "10.3.0.0/16":
			found++
			if r.Type != unix.RTN_BLACKHOLE {
				t.Errorf("10.3.0.0/16: type %d, want blackhole", r.Type)
			}
		}
	}
	if found != 4 {
		t.Errorf("found %d of the 4 routes dump.sh added", found)
	}
}

// The neighbours of the monitor capture (capture.sh): gip's rtnl layer
// and rtnetlink agree on each, and 10.1.0.9 got the address capture.sh
// replaced its first one with.
func TestNeighboursAgree(t *testing.T) {
	replaced := false
	for i, m := range readEvents(t, unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH) {
		if len(m.body) < unix.SizeofNdMsg {
			t.Fatalf("message %d: short", i)
		}
		family, index := m.body[0], binary.NativeEndian.Uint32(m.body[4:])
		state := binary.NativeEndian.Uint16(m.body[8:])
		var dst, lladdr []byte
		for a := rtnl.NewAttrs(m.body[unix.SizeofNdMsg:]); a.Next(); {
			switch a.Type() {
			case unix.NDA_DST:
				dst = a.Data()
			case unix.NDA_LLADDR:
				lladdr = a.Data()
			}
		}
		dm, err := Decode(m.typ, m.body)
		if err != nil {
			t.Fatalf("message %d: rtnetlink: %v", i, err)
		}
		r := dm.(*rtnetlink.NeighMessage)
		c := checker{t, "neighbour " + net.IP(dst).String()}
		c.eq("family", uint16(family), r.Family)
		c.eq("index", index, r.Index)
		c.eq("state", state, r.State)
		c.eq("dst", dst, ip(family, r.Attributes.Address))
		c.eq("lladdr", lladdr, []byte(r.Attributes.LLAddress))
		if r.Attributes.Address.String() == "10.1.0.9" && r.Attributes.LLAddress.String() == "02:00:00:00:00:19" {
			replaced = true
		}
	}
	if !replaced {
		t.Error("no message gives 10.1.0.9 the lladdr 02:00:00:00:00:19")
	}
}

// show is a message as text for a failure report.
func show(m any) string {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Sprintf("%+v", m)
	}
	return string(b)
}

// agree reports whether gip's conversion of a captured message (conv)
// equals rtnetlink's decoding of the same bytes (dec), both reduced to the
// fields the conversion carries.
func agree(t *testing.T, what string, conv, dec any) {
	t.Helper()
	if !reflect.DeepEqual(conv, dec) {
		t.Errorf("%s: gip's value converted:\n%s\nrtnetlink's decoding:\n%s", what, show(conv), show(dec))
	}
}

// The conversions, applied to what gip decodes from the captured kernel
// messages, give the message rtnetlink decodes from the same bytes (less
// the fields one side lacks).
func TestConversionsAgree(t *testing.T) {
	t.Run("link", func(t *testing.T) {
		msgs := readLengthPrefixed(t, filepath.Join("..", "link", "testdata", "show-links.bin"), unix.RTM_NEWLINK)
		msgs = append(msgs, readEvents(t, unix.RTM_NEWLINK, unix.RTM_DELLINK)...)
		for i, m := range msgs {
			g, err := link.Decode(m.body)
			if err != nil {
				t.Fatal(err)
			}
			dm, err := Decode(m.typ, m.body)
			if err != nil {
				t.Fatal(err)
			}
			r := dm.(*rtnetlink.LinkMessage)
			r.Change = 0
			if a := r.Attributes; a != nil {
				a.Carrier, a.CarrierUpCount, a.CarrierDownCount, a.ExtMask, a.Index = nil, nil, nil, nil, nil
				a.NumVF, a.PhysPortID, a.PhysPortName, a.PhysSwitchID, a.VFInfoList, a.XDP, a.NetNS = nil, nil, nil, nil, nil, nil, nil
				if a.Stats64 != nil {
					a.Stats = nil // gip keeps the 64-bit counters when both came
				}
			}
			agree(t, fmt.Sprintf("link %d (%s)", i, g.Name), LinkMessage(*g), r)
		}
	})
	t.Run("address", func(t *testing.T) {
		msgs := readLengthPrefixed(t, filepath.Join("..", "addr", "testdata", "addrs.bin"), unix.RTM_NEWADDR)
		msgs = append(msgs, readEvents(t, unix.RTM_NEWADDR, unix.RTM_DELADDR)...)
		for i, m := range msgs {
			g, err := addr.Decode(m.body)
			if err != nil {
				t.Fatal(err)
			}
			dm, err := Decode(m.typ, m.body)
			if err != nil {
				t.Fatal(err)
			}
			r := dm.(*rtnetlink.AddressMessage)
			r.Attributes.CacheInfo.Created, r.Attributes.CacheInfo.Updated = 0, 0
			r.Attributes.Multicast = nil
			a := ownedAddress(g)
			agree(t, fmt.Sprintf("address %d (%v)", i, a.Prefix), AddressMessage(a), r)
		}
	})
	t.Run("route", func(t *testing.T) {
		msgs := readHexLines(t, filepath.Join("..", "internal", "cmd", "iproute", "testdata", "dump.hex"), unix.RTM_NEWROUTE)
		msgs = append(msgs, readEvents(t, unix.RTM_NEWROUTE, unix.RTM_DELROUTE)...)
		multipath := 0
		for i, m := range msgs {
			var gm route.Message
			if err := route.DecodeMessage(uint16(m.typ), m.body, &gm); err != nil {
				t.Fatal(err)
			}
			g := route.FromMessage(&gm)
			dm, err := Decode(m.typ, m.body)
			if err != nil {
				t.Fatal(err)
			}
			r := dm.(*rtnetlink.RouteMessage)
			a := &r.Attributes
			a.Mark, a.Pref, a.Expires = 0, nil, nil
			if a.Metrics != nil {
				a.Metrics = &rtnetlink.RouteMetrics{MTU: a.Metrics.MTU}
				if a.Metrics.MTU == 0 {
					a.Metrics = nil
				}
			}
			c := RouteMessage(g)
			for _, nhs := range [][]rtnetlink.NextHop{a.Multipath, c.Attributes.Multipath} {
				for j := range nhs {
					nhs[j].Hop.Length, nhs[j].MPLS = 0, nil
				}
			}
			if len(a.Multipath) > 0 {
				multipath++
			}
			agree(t, fmt.Sprintf("route %d (%v table %d)", i, g.Dst, g.Table), c, r)
		}
		if multipath == 0 {
			t.Error("no multipath route in the captures")
		}
	})
	t.Run("neighbour", func(t *testing.T) {
		for i, m := range readEvents(t, unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH) {
			var gm neigh.Message
			if !neigh.DecodeMessage(m.body, &gm) {
				t.Fatal("short")
			}
			dm, err := Decode(m.typ, m.body)
			if err != nil {
				t.Fatal(err)
			}
			r := dm.(*rtnetlink.NeighMessage)
			r.Type, r.Attributes.CacheInfo, r.Attributes.IfIndex = 0, nil, 0
			g := neigh.FromMessage(&gm)
			agree(t, fmt.Sprintf("neighbour %d (%v)", i, g.Addr), NeighborMessage(g), r)
		}
	})
	t.Run("rule", func(t *testing.T) {
		msgs := readEvents(t, unix.RTM_NEWRULE, unix.RTM_DELRULE)
		for i, m := range msgs {
			var gm rule.Message
			if !rule.DecodeMessage(m.body, &gm) {
				t.Fatal("short")
			}
			dm, err := Decode(m.typ, m.body)
			if err != nil {
				t.Fatal(err)
			}
			g := rule.FromMessage(&gm)
			r, c := dm.(*rtnetlink.RuleMessage), RuleMessage(g)
			a := r.Attributes
			a.Goto, a.SrcRealm, a.DstRealm, a.TunID, a.L3MDev, a.IPProto = nil, nil, nil, nil, nil, nil
			a.UIDRange, a.SPortRange, a.DPortRange, a.SuppressPrefixLen, a.SuppressIFGroup = nil, nil, nil, nil, nil
			r.Flags &= unix.FIB_RULE_INVERT
			// The kernel sends a table, a protocol and a mask of 0;
			// gip's Rule has no "present but 0".
			for _, ra := range []*rtnetlink.RuleAttributes{a, c.Attributes} {
				for _, p := range []**uint32{&ra.Table, &ra.FwMark, &ra.FwMask, &ra.Priority} {
					if *p != nil && **p == 0 {
						*p = nil
					}
				}
				if ra.Protocol != nil && *ra.Protocol == 0 {
					ra.Protocol = nil
				}
			}
			agree(t, fmt.Sprintf("rule %d (pref %d)", i, g.Priority), c, r)
		}
	})
}
