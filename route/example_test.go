package route_test

import (
	"encoding/hex"
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// Encoding the request `ip route add 10.1.0.0/24 via 10.0.0.2 dev veth0`
// sends (veth0 being ifindex 3), without a kernel.
func ExampleRequest() {
	b, err := route.Request(unix.RTM_NEWROUTE, route.Route{
		Dst:     netip.MustParsePrefix("10.1.0.0/24"),
		Gateway: netip.MustParseAddr("10.0.0.2"),
		OIF:     3,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(hex.EncodeToString(b))
	// Output: 02180000fe03000100000000080001000a010000080005000a0000020800040003000000
}

// Decoding a route message (here a multipath request) into an owned Route.
func ExampleFromMessage() {
	body, _ := route.Request(unix.RTM_NEWROUTE, route.Route{
		Dst: netip.MustParsePrefix("10.2.0.0/24"),
		Multipath: []route.NextHop{
			{Gateway: netip.MustParseAddr("10.0.0.2"), OIF: 3, Weight: 2},
			{Gateway: netip.MustParseAddr("10.0.0.3"), OIF: 3},
		},
	})
	var m route.Message // zero-copy view: valid while body is
	if err := route.DecodeMessage(unix.RTM_NEWROUTE, body, &m); err != nil {
		panic(err)
	}
	r := route.FromMessage(&m) // owns its memory
	fmt.Println(r.Dst, r.Table, len(r.Multipath))
	for _, nh := range r.Multipath {
		fmt.Println(nh.Gateway, nh.OIF, nh.Weight)
	}
	// Output:
	// 10.2.0.0/24 254 2
	// 10.0.0.2 3 2
	// 10.0.0.3 3 1
}

// Names and numbers as iproute2's tables have them.
func ExampleNames() {
	id, _ := route.ParseTable("main")
	fmt.Println(id, route.Names{}.Table(254), route.Names{Numeric: true}.Table(254))
	p, _ := route.ParseProtocol("static")
	fmt.Println(p, route.Names{}.Protocol(p))
	// Output:
	// 254 main 254
	// 4 static
}
