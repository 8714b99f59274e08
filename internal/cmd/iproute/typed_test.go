package iproute

import (
	"bytes"
	"net/netip"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// The grammar and the typed API share one path to the kernel: words and
// the equivalent Route encode to the same request (eth0 is ifindex 3).
func TestGrammarMatchesTyped(t *testing.T) {
	pfx, addr := netip.MustParsePrefix, netip.MustParseAddr
	for _, tc := range []struct {
		cmd   uint16
		words string
		r     route.Route
	}{
		{unix.RTM_NEWROUTE, "10.1.0.0/24 table 100 proto static metric 5 via 172.18.0.2 src 172.18.0.1 dev eth0 mtu 1400",
			route.Route{Dst: pfx("10.1.0.0/24"), Table: 100, Protocol: unix.RTPROT_STATIC, Priority: 5,
				Gateway: addr("172.18.0.2"), Src: addr("172.18.0.1"), OIF: 3, MTU: 1400}},
		{unix.RTM_NEWROUTE, "10.2.0.0/24 nexthop via 172.18.0.7 dev eth0 weight 3 nexthop via 172.18.0.8 dev eth0 onlink",
			route.Route{Dst: pfx("10.2.0.0/24"), Multipath: []route.NextHop{
				{Gateway: addr("172.18.0.7"), OIF: 3, Weight: 3},
				{Gateway: addr("172.18.0.8"), OIF: 3, Flags: unix.RTNH_F_ONLINK}}}},
		{unix.RTM_NEWROUTE, "10.3.0.0/24 table 70000 dev eth0",
			route.Route{Dst: pfx("10.3.0.0/24"), Table: 70000, OIF: 3}},
		{unix.RTM_NEWROUTE, "2001:db8:1::/64 metric 1024 via 2001:db8::2 dev eth0",
			route.Route{Dst: pfx("2001:db8:1::/64"), Priority: 1024, Gateway: addr("2001:db8::2"), OIF: 3}},
		{unix.RTM_NEWROUTE, "default via 172.18.0.9",
			route.Route{Gateway: addr("172.18.0.9")}},
		{unix.RTM_NEWROUTE, "blackhole 12.0.0.0/16 proto static",
			route.Route{Type: unix.RTN_BLACKHOLE, Dst: pfx("12.0.0.0/16"), Protocol: unix.RTPROT_STATIC}},
		{unix.RTM_NEWROUTE, "local 14.1.2.3 dev eth0",
			route.Route{Type: unix.RTN_LOCAL, Dst: pfx("14.1.2.3/32"), OIF: 3}},
		{unix.RTM_NEWROUTE, "10.4.0.0/16 nhid 7",
			route.Route{Dst: pfx("10.4.0.0/16"), NHID: 7}},
		{unix.RTM_DELROUTE, "10.2.0.0/24 table 100",
			route.Route{Dst: pfx("10.2.0.0/24"), Table: 100}},
	} {
		words, err := parseModify(testEnv(0), tc.cmd, cmdline.NewArgs(strings.Fields(tc.words)), testLookup)
		if err != nil {
			t.Fatalf("%q: %v", tc.words, err)
		}
		typed, err := route.Request(tc.cmd, tc.r)
		if err != nil {
			t.Fatalf("%+v: %v", tc.r, err)
		}
		if !bytes.Equal(words, typed) {
			t.Errorf("%q:\nwords %x\ntyped %x", tc.words, words, typed)
		}
	}
}
