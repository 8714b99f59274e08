package rtnlcompat_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/netip"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/rtnlcompat"
	"github.com/gipnet/gip/rule"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/jsimonetti/rtnetlink/v2/driver"
	"golang.org/x/sys/unix"
)

// Decoding a captured message body into rtnetlink's type: 127.0.0.1/8 on
// lo, from addr/testdata/addrs.bin.
func ExampleDecode() {
	body, _ := hex.DecodeString("020880fe01000000080001007f000001080002007f000001070003006c6f0000" +
		"080008008000000014000600ffffffffffffffffef610300ef610300")
	m, err := rtnlcompat.Decode(unix.RTM_NEWADDR, body)
	if err != nil {
		panic(err)
	}
	a := m.(*rtnetlink.AddressMessage)
	fmt.Printf("%s/%d on index %d, label %s\n", a.Attributes.Local, a.PrefixLength, a.Index, a.Attributes.Label)
	// Output: 127.0.0.1/8 on index 1, label lo
}

// Creating a veth pair with rtnetlink's message types, in the namespace
// blue, through gip's connection: a second run fails with the kernel's
// EEXIST, as an *rtnl.Error.
func ExampleExecute() {
	ctx := context.Background()
	c, err := rtnl.DialNetNS("blue")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	veth := &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{
		Name: "host0",
		Info: &rtnetlink.LinkInfo{Kind: "veth", Data: &driver.Veth{
			PeerInfo: &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{Name: "ceth0"}},
		}},
	}}
	err = rtnlcompat.Execute(ctx, c, unix.RTM_NEWLINK, rtnl.Create|rtnl.Excl, veth)
	if errors.Is(err, unix.EEXIST) {
		fmt.Println("host0 exists already")
	}
	for l, err := range rtnlcompat.Links(ctx, c) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(l.Index, l.Attributes.Name)
	}
}

// A route of table 1000 as rtnetlink's message: the table goes in
// RTA_TABLE (Attributes.Table), with RT_TABLE_COMPAT (252) in the header,
// as the kernel writes it. Execute would send it.
func ExampleRouteMessage() {
	r := route.Route{
		Dst:     netip.MustParsePrefix("10.50.0.0/16"),
		Gateway: netip.MustParseAddr("10.99.0.2"),
		OIF:     2, Table: 1000, Protocol: unix.RTPROT_STATIC, Type: unix.RTN_UNICAST,
	}
	m := rtnlcompat.RouteMessage(r)
	fmt.Println(m.Family == unix.AF_INET, m.Table, m.Attributes.Table)
	fmt.Printf("%s/%d via %s dev %d\n", m.Attributes.Dst, m.DstLength, m.Attributes.Gateway, m.Attributes.OutIface)
	back := rtnlcompat.RouteFromMessage(m)
	fmt.Println(back.Dst, back.Table)
	// Output:
	// true 252 1000
	// 10.50.0.0/16 via 10.99.0.2 dev 2
	// 10.50.0.0/16 1000
}

// An address decoded by rtnetlink, as gip's addr.Address: 127.0.0.1/8 on
// lo, from addr/testdata/addrs.bin.
func ExampleAddressFromMessage() {
	body, _ := hex.DecodeString("020880fe01000000080001007f000001080002007f000001070003006c6f0000" +
		"080008008000000014000600ffffffffffffffffef610300ef610300")
	m, err := rtnlcompat.Decode(unix.RTM_NEWADDR, body)
	if err != nil {
		panic(err)
	}
	a := rtnlcompat.AddressFromMessage(m.(*rtnetlink.AddressMessage))
	fmt.Println(a.Prefix, a.Index, a.Label, a.Scope == unix.RT_SCOPE_HOST, a.ValidLifetime == addr.Forever)
	// Output: 127.0.0.1/8 1 lo true true
}

// A link from rtnetlink's message: link.Link answers Has for the
// attributes the message set, a master of 0 included.
func ExampleLinkFromMessage() {
	master := uint32(0)
	m := &rtnetlink.LinkMessage{Index: 3, Flags: unix.IFF_UP, Attributes: &rtnetlink.LinkAttributes{
		Name: "host0", MTU: 1400, Master: &master, Info: &rtnetlink.LinkInfo{Kind: "veth"},
	}}
	l := rtnlcompat.LinkFromMessage(m)
	fmt.Println(l.Index, l.Name, l.MTU, l.Kind, l.Has(unix.IFLA_MASTER), l.Has(unix.IFLA_TXQLEN))
	// Output: 3 host0 1400 veth true false
}

// A rule and a neighbour entry as rtnetlink's messages.
func ExampleRuleMessage() {
	m := rtnlcompat.RuleMessage(rule.Rule{Priority: 100, Src: netip.MustParsePrefix("10.3.0.0/16"),
		Table: 7, Action: unix.FR_ACT_TO_TBL})
	fmt.Println(m.Family == unix.AF_INET, *m.Attributes.Src, m.SrcLength, *m.Attributes.Priority, *m.Attributes.Table)
	n := rtnlcompat.NeighborMessage(neigh.Neighbor{Index: 3, Addr: netip.MustParseAddr("10.1.0.9"),
		LLAddr: net.HardwareAddr{2, 0, 0, 0, 0, 0x19}, State: unix.NUD_REACHABLE})
	fmt.Println(n.Family == unix.AF_INET, n.Attributes.Address, n.Attributes.LLAddress)
	// Output:
	// true 10.3.0.0 16 100 7
	// true 10.1.0.9 02:00:00:00:00:19
}
