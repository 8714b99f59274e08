package bridgecmd

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

func testNames(i int32) string {
	switch i {
	case 4:
		return "p1"
	case 6:
		return "p2"
	case 9:
		return "vx0"
	}
	return fmt.Sprintf("if%d", i)
}

// attrs encodes fn's attributes.
func attrs(fn func(ae *netlink.AttributeEncoder)) []byte {
	ae := netlink.NewAttributeEncoder()
	fn(ae)
	b, _ := ae.Encode()
	return b
}

// brLinkMsg is an AF_BRIDGE RTM_NEWLINK for ifindex with IFLA_AF_SPEC afspec,
// as the kernel answers a dump with RTEXT_FILTER_BRVLAN.
func brLinkMsg(ifindex int32, afspec []byte) netlink.Message {
	hdr := make([]byte, 16)
	hdr[0] = unix.AF_BRIDGE
	ne.PutUint32(hdr[4:8], uint32(ifindex))
	data := append(hdr, attrs(func(ae *netlink.AttributeEncoder) {
		ae.String(unix.IFLA_IFNAME, testNames(ifindex))
		ae.Bytes(unix.IFLA_AF_SPEC, afspec)
	})...)
	return netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: data}
}

func vlanInfos(infos ...[2]uint16) []byte {
	return attrs(func(ae *netlink.AttributeEncoder) {
		for _, v := range infos {
			ae.Bytes(iflaBridgeVlanInfo, vlanInfoBytes(v[0], v[1]))
		}
	})
}

func tunnelInfos(infos ...[3]uint32) []byte {
	return attrs(func(ae *netlink.AttributeEncoder) {
		for _, v := range infos {
			ae.Nested(iflaBridgeVlanTunnelInfo, func(ae *netlink.AttributeEncoder) error {
				ae.Uint32(tunnelID, v[1])
				ae.Uint16(tunnelVID, uint16(v[0]))
				ae.Uint16(tunnelFlags, uint16(v[2]))
				return nil
			})
		}
	})
}

func render(json bool, fn func(p *format.Printer)) string {
	var out bytes.Buffer
	p := format.New(&out, format.Options{JSON: json})
	p.Begin()
	fn(p)
	p.End()
	p.Flush()
	return out.String()
}

// The wanted text follows iproute2 6.1's print_vlan_info (any flag, even
// one it has no word for, opens the JSON "flags" array) and
// print_vlan_tunnel_info for these messages.
func TestPrintVlanLinkGolden(t *testing.T) {
	p1 := brLinkMsg(4, vlanInfos([2]uint16{vlanInfoPVID | vlanInfoUntagged, 1},
		[2]uint16{vlanInfoRangeBegin, 10}, [2]uint16{vlanInfoRangeEnd, 20}, [2]uint16{vlanInfoUntagged, 30}))
	vx := brLinkMsg(9, tunnelInfos([3]uint32{5, 500, 0}, [3]uint32{10, 1000, vlanInfoRangeBegin}, [3]uint32{12, 1002, vlanInfoRangeEnd}))
	pad := strings.Repeat(" ", 18)
	for _, tc := range []struct {
		name    string
		json    bool
		subject vlanSubject
		filter  vlanFilter
		msg     netlink.Message
		want    string
	}{
		{"plain", false, showVLAN, vlanFilter{}, p1,
			"p1                1 PVID Egress Untagged\n" + pad + "10-20\n" + pad + "30 Egress Untagged\n"},
		{"json", true, showVLAN, vlanFilter{}, p1,
			`[{"ifname":"p1","vlans":[{"vlan":1,"flags":["PVID","Egress Untagged"]},{"vlan":10,"vlanEnd":20,"flags":[]},{"vlan":30,"flags":["Egress Untagged"]}]}]` + "\n"},
		{"vid in range", false, showVLAN, vlanFilter{vlan: 15}, p1, "p1                10-20\n"},
		{"vid past", false, showVLAN, vlanFilter{vlan: 2}, p1, ""},
		{"other dev", false, showVLAN, vlanFilter{index: 6}, p1, ""},
		{"tunnels", false, showTunnel, vlanFilter{}, vx,
			"vx0               5          500\n" + pad + "10-12      1000-1002\n"},
		{"tunnels json", true, showTunnel, vlanFilter{}, vx,
			`[{"ifname":"vx0","tunnels":[{"vlan":5,"tunid":500},{"vlan":10,"vlanEnd":12,"tunid":1000,"tunidEnd":1002}]}]` + "\n"},
	} {
		got := render(tc.json, func(p *format.Printer) { printVlanLink(p, tc.subject, &tc.filter, testNames, tc.msg) })
		if got != tc.want {
			t.Errorf("%s: got\n%q, want\n%q", tc.name, got, tc.want)
		}
	}
}

// vlanDBMsg is an RTM_NEWVLAN for ifindex carrying entries.
func vlanDBMsg(ifindex int32, entries ...[]byte) netlink.Message {
	hdr := make([]byte, 8)
	hdr[0] = unix.AF_BRIDGE
	ne.PutUint32(hdr[4:8], uint32(ifindex))
	for _, e := range entries {
		hdr = append(hdr, e...)
	}
	return netlink.Message{Header: netlink.Header{Type: rtmNewVLAN}, Data: hdr}
}

func vlanEntry(flags, vid, end uint16, state uint8, router int, stats bool) []byte {
	return attrs(func(ae *netlink.AttributeEncoder) {
		ae.Nested(vlandbEntry, func(ae *netlink.AttributeEncoder) error {
			ae.Bytes(vlandbEntryInfo, vlanInfoBytes(flags, vid))
			if end != 0 {
				ae.Uint16(vlandbEntryRange, end)
			}
			ae.Uint8(vlandbEntryState, state)
			if router >= 0 {
				ae.Uint8(vlandbEntryMcastRtr, uint8(router))
			}
			if stats {
				ae.Nested(vlandbEntryStats, func(ae *netlink.AttributeEncoder) error {
					ae.Uint64(vlandbStatsRxBytes, 1000)
					ae.Uint64(vlandbStatsRxPackets, 10)
					ae.Uint64(vlandbStatsTxBytes, 2000)
					ae.Uint64(vlandbStatsTxPackets, 20)
					return nil
				})
			}
			return nil
		})
	})
}

// The wanted text follows iproute2 6.1's print_vlan_rtm (bridge -d vlan
// show, bridge vlan global show) for these messages.
func TestVlanDBPrinterGolden(t *testing.T) {
	msgs := []netlink.Message{
		vlanDBMsg(4, vlanEntry(vlanInfoPVID|vlanInfoUntagged, 1, 0, 3, 1, true), vlanEntry(0, 10, 20, 0, -1, true)),
		vlanDBMsg(6, vlanEntry(vlanInfoBrEntry, 1, 0, 4, -1, true)),
	}
	pad18, pad20 := strings.Repeat(" ", 18), strings.Repeat(" ", 20)
	run := func(json, stats bool, filter vlanFilter, global bool, msgs []netlink.Message) string {
		return render(json, func(p *format.Printer) {
			v := &vlanDBPrinter{cur: -1, filter: filter, names: testNames, stats: stats}
			for _, m := range msgs {
				v.print(p, m, false, global)
			}
			v.finish(p)
		})
	}
	want := "p1                1 PVID Egress Untagged\n" + pad20 + "state forwarding mcast_router 1 \n" +
		pad18 + "10-20\n" + pad20 + "state disabled \n" +
		"p2                1\n" + pad20 + "state blocking \n"
	if got := run(false, false, vlanFilter{}, false, msgs); got != want {
		t.Errorf("text: got\n%s want\n%s", got, want)
	}
	want = "p2                1\n" + pad20 + "state blocking \n" + pad20 + "RX: 1000 bytes 10 packets\n" + pad20 + "TX: 2000 bytes 20 packets\n"
	if got := run(false, true, vlanFilter{index: 6}, false, msgs); got != want {
		t.Errorf("stats: got\n%s want\n%s", got, want)
	}
	want = `[{"ifname":"p1","vlans":[{"vlan":1,"flags":["PVID","Egress Untagged"],"state":"forwarding","mcast_router":1},{"vlan":10,"vlanEnd":20,"state":"disabled"}]},{"ifname":"p2","vlans":[{"vlan":1,"flags":[],"state":"blocking"}]}]` + "\n"
	if got := run(true, false, vlanFilter{}, false, msgs); got != want {
		t.Errorf("json: got\n%s want\n%s", got, want)
	}
	if got := run(false, false, vlanFilter{}, true, msgs); got != "" {
		t.Errorf("global only: got %q, want nothing", got)
	}
	global := vlanDBMsg(2, attrs(func(ae *netlink.AttributeEncoder) {
		ae.Nested(vlandbGlobalOptions, func(ae *netlink.AttributeEncoder) error {
			ae.Uint16(goptsID, 1)
			ae.Uint16(goptsRange, 3)
			ae.Uint8(goptsMcastSnooping, 1)
			ae.Uint8(goptsIGMPVersion, 2)
			ae.Uint8(goptsMLDVersion, 1)
			ae.Uint32(goptsLastMemberCnt, 2)
			ae.Uint64(goptsLastMemberIntvl, 100)
			ae.Uint32(goptsStartupQueryCnt, 2)
			ae.Uint64(goptsStartupQueryIntv, 3125)
			ae.Uint64(goptsMembershipIntvl, 26000)
			ae.Uint64(goptsQuerierIntvl, 25500)
			ae.Uint64(goptsQueryIntvl, 12500)
			ae.Uint64(goptsQueryRespIntvl, 1000)
			ae.Uint8(goptsMcastQuerier, 0)
			return nil
		})
	}))
	want = "if2               1-3\n" + pad20 + "mcast_snooping 1 mcast_querier 0 mcast_igmp_version 2 mcast_mld_version 1 " +
		"mcast_last_member_count 2 mcast_last_member_interval 100 mcast_startup_query_count 2 " +
		"mcast_startup_query_interval 3125 mcast_membership_interval 26000 mcast_querier_interval 25500 " +
		"mcast_query_interval 12500 mcast_query_response_interval 1000 \n"
	if got := run(false, false, vlanFilter{}, true, []netlink.Message{global}); got != want {
		t.Errorf("global: got\n%s want\n%s", got, want)
	}
	if got := run(false, false, vlanFilter{vlan: 4}, true, []netlink.Message{global}); got != "" {
		t.Errorf("global vid 4: got %q", got)
	}
}

// The wanted bodies are iproute2 6.1's (strace -e write=3, p1 ifindex 4,
// br0 2, vx0 9), without the nlmsghdr.
func TestVlanRequestsGolden(t *testing.T) {
	for _, tc := range []struct{ words, want string }{
		{"vid 5 dev p1 pvid untagged master self", "07000000040000000000000000000000" + "14001a00" + "0600000003000000" + "0800020006000500"},
		{"vid 10-20 dev p1 untagged", "07000000040000000000000000000000" + "14001a00" + "080002000c000a00" + "0800020014001400"},
		{"vid 5-7 dev vx0 tunnel_info id 500-502", "07000000090000000000000000000000" + "3c001a00" +
			"1c000300" + "08000100f4010000" + "0600020005000000" + "0600030008000000" +
			"1c000300" + "08000100f6010000" + "0600020007000000" + "0600030010000000"},
	} {
		r, err := parseVlanModify(cmdline.NewArgs(strings.Fields(tc.words)))
		if err != nil {
			t.Errorf("parseVlanModify(%q) = error %v", tc.words, err)
			continue
		}
		r.index = 4
		if strings.Contains(tc.words, "vx0") {
			r.index = 9
		}
		if got := hex.EncodeToString(r.body()); got != tc.want {
			t.Errorf("parseVlanModify(%q).body() =\n%s, want\n%s", tc.words, got, tc.want)
		}
	}
	lookup := func(name string) (uint32, error) {
		return map[string]uint32{"p1": 4, "br0": 2}[name], nil
	}
	for _, tc := range []struct {
		global bool
		words  string
		want   string
	}{
		{false, "vid 1-5 dev p1 state blocking mcast_router 2", "0700000004000000" + "24000180" + "0800010040000100" + "0600020005000000" + "0500030004000000" + "0500060002000000"},
		{true, "dev br0 vid 1-10 mcast_querier 1 mcast_last_member_count 2 mcast_query_interval 12500", "0700000002000000" +
			"30000280" + "0600010001000000" + "060002000a000000" + "05000f0001000000" + "0800060002000000" + "0c000c00d430000000000000"},
	} {
		o, err := parseVlanSet(cmdline.NewArgs(strings.Fields(tc.words)), tc.global, lookup)
		if err != nil {
			t.Errorf("parseVlanSet(%q) = error %v", tc.words, err)
			continue
		}
		if got := hex.EncodeToString(o.body()); got != tc.want {
			t.Errorf("parseVlanSet(%q).body() =\n%s, want\n%s", tc.words, got, tc.want)
		}
	}
}

func FuzzVlanParsers(f *testing.F) {
	f.Add("vid 5-7 dev vx0 tunnel_info id 500-502 pvid")
	f.Add("dev br0 vid 1-10 mcast_querier 1 state 3")
	f.Fuzz(func(t *testing.T, line string) {
		if r, err := parseVlanModify(cmdline.NewArgs(strings.Split(line, " "))); err == nil && r.check() == nil {
			r.body()
		}
		for _, g := range []bool{false, true} {
			if o, err := parseVlanSet(cmdline.NewArgs(strings.Split(line, " ")), g, func(string) (uint32, error) { return 1, nil }); err == nil {
				o.body()
			}
		}
	})
}

func FuzzVlanPrinters(f *testing.F) {
	f.Add(vlanDBMsg(4, vlanEntry(vlanInfoPVID, 1, 3, 3, 1, true)).Data, vlanInfos([2]uint16{vlanInfoPVID, 1}))
	f.Fuzz(func(t *testing.T, db, afspec []byte) {
		render(true, func(p *format.Printer) {
			v := &vlanDBPrinter{cur: -1, names: testNames, stats: true}
			v.print(p, netlink.Message{Header: netlink.Header{Type: rtmNewVLAN}, Data: db}, false, false)
			v.finish(p)
			printVlanLink(p, showTunnel, &vlanFilter{}, testNames, brLinkMsg(4, afspec))
			printVlanLink(p, showVLAN, &vlanFilter{}, testNames, brLinkMsg(4, afspec))
		})
	})
}
