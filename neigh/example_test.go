package neigh_test

import (
	"encoding/hex"
	"fmt"
	"net"
	"net/netip"

	"github.com/gipnet/gip/neigh"
)

// Encoding the request `ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev
// veth0` sends (veth0 being ifindex 3), then decoding it back.
func ExampleRequest() {
	hw, _ := net.ParseMAC("02:00:00:00:00:05")
	b, err := neigh.Request(neigh.Neighbor{Index: 3, Addr: netip.MustParseAddr("10.0.0.5"), LLAddr: hw})
	if err != nil {
		panic(err)
	}
	fmt.Println(hex.EncodeToString(b))
	var m neigh.Message
	neigh.DecodeMessage(b, &m)
	n := neigh.FromMessage(&m)
	fmt.Println(n.Index, n.Addr, n.LLAddr, n.State)
	// Output:
	// 020000000300000080000000080001000a0000050a0002000200000000050000
	// 3 10.0.0.5 02:00:00:00:00:05 128
}

// A state word as ip neigh reads it.
func ExampleParseState() {
	s, ok := neigh.ParseState("reach")
	fmt.Printf("%#x %v\n", s, ok)
	// Output: 0x2 true
}
