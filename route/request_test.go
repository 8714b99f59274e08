package route

import (
	"bytes"
	"encoding/hex"
	"net/netip"
	"testing"

	"github.com/gipnet/gip/rtnl"

	"golang.org/x/sys/unix"
)

// The wanted bytes are what iproute2's ip sent (after the 16-byte
// nlmsghdr) for the command in each case's comment, captured with
// `strace -e trace=sendmsg -e write=3` in a namespace where veth0 is
// ifindex 3.
func TestRequestGolden(t *testing.T) {
	pfx := netip.MustParsePrefix
	addr := netip.MustParseAddr
	for _, tc := range []struct {
		cmd  string // the equivalent ip command
		typ  uint16
		r    Route
		want string
	}{
		{"ip route add 10.1.0.0/24 table 100 proto static metric 5 via 10.0.0.2 src 10.0.0.1 dev veth0 mtu 1400",
			unix.RTM_NEWROUTE,
			Route{Dst: pfx("10.1.0.0/24"), Table: 100, Protocol: unix.RTPROT_STATIC, Priority: 5,
				Gateway: addr("10.0.0.2"), Src: addr("10.0.0.1"), OIF: 3, MTU: 1400},
			"021800006404000100000000080001000a0100000800060005000000080005000a000002080007000a00000108000400030000000c0008000800020078050000"},
		{"ip route add 10.2.0.0/24 nexthop via 10.0.0.2 dev veth0 weight 2 nexthop via 10.0.0.3 dev veth0",
			unix.RTM_NEWROUTE,
			Route{Dst: pfx("10.2.0.0/24"), Multipath: []NextHop{
				{Gateway: addr("10.0.0.2"), OIF: 3, Weight: 2},
				{Gateway: addr("10.0.0.3"), OIF: 3}}},
			"02180000fe03000100000000080001000a020000240009001000000103000000080005000a0000021000000003000000080005000a000003"},
		{"ip route replace 10.3.0.0/24 table 1000 dev veth0",
			unix.RTM_NEWROUTE,
			Route{Dst: pfx("10.3.0.0/24"), Table: 1000, OIF: 3},
			"021800000003fd0100000000080001000a03000008000f00e80300000800040003000000"},
		{"ip route del 10.1.0.0/24 table 100",
			unix.RTM_DELROUTE,
			Route{Dst: pfx("10.1.0.0/24"), Table: 100},
			"021800006400ff0000000000080001000a010000"},
		{"ip route add 2001:db8:1::/64 metric 1024 via 2001:db8::2 dev veth0",
			unix.RTM_NEWROUTE,
			Route{Dst: pfx("2001:db8:1::/64"), Priority: 1024, Gateway: addr("2001:db8::2"), OIF: 3},
			"0a400000fe030001000000001400010020010db800010000000000000000000008000600000400001400050020010db80000000000000000000000020800040003000000"},
		{"ip route add default via 10.0.0.254",
			unix.RTM_NEWROUTE,
			Route{Gateway: addr("10.0.0.254")},
			"02000000fe03000100000000080005000a0000fe"},
		{"ip route add default via 10.0.0.254 (as 0.0.0.0/0)",
			unix.RTM_NEWROUTE,
			Route{Dst: pfx("0.0.0.0/0"), Gateway: addr("10.0.0.254")},
			"02000000fe03000100000000080005000a0000fe"},
	} {
		got, err := Request(tc.typ, tc.r)
		if err != nil {
			t.Errorf("%s: %v", tc.cmd, err)
			continue
		}
		if h := hex.EncodeToString(got); h != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.cmd, h, tc.want)
		}
	}
}

// A decoded request converts back to the Route it was encoded from.
func TestFromMessageRoundTrip(t *testing.T) {
	r := Route{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.2.0.0/24"), Table: 254,
		Protocol: unix.RTPROT_BOOT, Type: unix.RTN_UNICAST, Multipath: []NextHop{
			{Gateway: netip.MustParseAddr("10.0.0.2"), OIF: 3, Weight: 2},
			{Gateway: netip.MustParseAddr("10.0.0.3"), OIF: 3, Weight: 1, Flags: unix.RTNH_F_ONLINK}}}
	b, err := Request(unix.RTM_NEWROUTE, r)
	if err != nil {
		t.Fatal(err)
	}
	var m Message
	if err := DecodeMessage(unix.RTM_NEWROUTE, b, &m); err != nil {
		t.Fatal(err)
	}
	got := FromMessage(&m)
	if got.Dst != r.Dst || got.Table != r.Table || len(got.Multipath) != 2 ||
		got.Multipath[0] != r.Multipath[0] || got.Multipath[1] != r.Multipath[1] {
		t.Errorf("FromMessage(Request(%+v)) = %+v", r, got)
	}
}

func mustAddr(s string) netip.Addr     { return netip.MustParseAddr(s) }
func mustPrefix(s string) netip.Prefix { return netip.MustParsePrefix(s) }

// AppendRequest into a reused Encoder gives Request's bytes and, for a
// route without nexthops, allocates nothing once the buffer has grown.
func TestAppendRequestReuse(t *testing.T) {
	r := Route{Dst: mustPrefix("10.1.0.0/24"), Table: 1000, Protocol: unix.RTPROT_STATIC, Priority: 5,
		Gateway: mustAddr("10.0.0.2"), Src: mustAddr("10.0.0.1"), OIF: 3, MTU: 1400}
	want, err := Request(unix.RTM_NEWROUTE, r)
	if err != nil {
		t.Fatal(err)
	}
	var e rtnl.Encoder
	build := func() {
		e.Reset()
		if err := AppendRequest(&e, unix.RTM_NEWROUTE, r); err != nil {
			t.Fatal(err)
		}
	}
	build()
	if !bytes.Equal(e.Data(), want) {
		t.Errorf("AppendRequest = %x, want %x", e.Data(), want)
	}
	if n := testing.AllocsPerRun(100, build); n != 0 {
		t.Errorf("AppendRequest into a reused Encoder: %v allocations", n)
	}
}
