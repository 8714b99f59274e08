package nexthop_test

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/netip"
	"os"

	"github.com/gipnet/gip/nexthop"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// A request body as `ip nexthop add id 5 via 172.18.0.1 dev eth0` sends
// it (eth0 being device 3).
func ExampleEncode() {
	body := nexthop.Encode(nexthop.Nexthop{ID: 5, Gateway: netip.MustParseAddr("172.18.0.1"), Dev: 3})
	fmt.Println(hex.EncodeToString(body))
	// Output:
	// 0200000000000000080001000500000008000600ac1200010800050003000000
}

// The nexthops of a captured dump (testdata/dump.bin, in the format rtmon
// writes), decoded into owned values.
func ExampleDecode() {
	f, err := os.Open("testdata/dump.bin")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	_ = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
		if h.Type != nexthop.RTMNewNexthop {
			return nil
		}
		nh, err := nexthop.Decode(body)
		if err != nil {
			return err
		}
		switch {
		case nh.Group != nil:
			fmt.Println(nh.ID, "group", nh.Group)
		case nh.Blackhole:
			fmt.Println(nh.ID, "blackhole")
		default:
			fmt.Println(nh.ID, nh.Gateway, nh.Dev)
		}
		return nil
	})
	// Output:
	// 5 172.18.0.1 3
	// 6 172.18.0.3 3
	// 7 group [{5 1} {6 3}]
	// 8 2001:db8::1 3
	// 9 blackhole
	// 10 invalid IP 3
	// 11 group [{5 1} {6 1}]
	// 13 172.18.0.9 0
	// 14 172.18.0.1 3
	// 15 172.18.0.4 3
	// 17 group [{13 1}]
}

// A multipath group of two nexthops through device 3, then the listing.
func ExampleAdd() {
	ctx := context.Background()
	c, err := rtnl.Dial(-1) // the current network namespace
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	for _, nh := range []nexthop.Nexthop{
		{ID: 1, Gateway: netip.MustParseAddr("192.0.2.1"), Dev: 3},
		{ID: 2, Gateway: netip.MustParseAddr("192.0.2.2"), Dev: 3},
		{ID: 10, Group: []nexthop.GroupMember{{ID: 1}, {ID: 2, Weight: 2}}},
	} {
		if err := nexthop.Add(ctx, c, nh); err != nil {
			fmt.Println(err) // a *rtnl.Error: errors.Is(err, unix.EEXIST) for an id in use
			return
		}
	}
	list, err := nexthop.List(ctx, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, nh := range list {
		fmt.Println(nh.ID, nh.Gateway, nh.Group)
	}
}
