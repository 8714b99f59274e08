package tunnel_test

import (
	"encoding/hex"
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/tunnel"
)

// The request `ip tunnel add gre1 mode gre remote 192.0.2.2 local
// 192.0.2.1 ttl 64 key 7` makes: SIOCADDTUNNEL on gre0 with this
// structure.
func ExampleParm_Marshal() {
	p := tunnel.NewParm()
	p.Name, p.Protocol, p.TTL = "gre1", tunnel.ProtoGRE, 64
	p.IFlags, p.OFlags, p.IKey, p.OKey = tunnel.FlagKey, tunnel.FlagKey, 7, 7
	p.Local, p.Remote = netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.2")
	fmt.Println(p.FallbackDevice())
	fmt.Println(hex.EncodeToString(p.Marshal()))
	// Output:
	// gre0
	// 67726531000000000000000000000000000000002000200000000007000000074500000000004000402f0000c0000201c0000202
}

// Reading what SIOCGETTUNNEL returned for an ip6gre tunnel.
func ExampleDecodeParm6() {
	b, _ := hex.DecodeString("78360000000000000000000000000000010000002f07090004512345000000000003000000000000000000000000000400010000000000000000000000000002200020000000000500000005")
	p, err := tunnel.DecodeParm6(b)
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Name, p.Proto == tunnel.ProtoGRE, p.Local, p.Remote, p.HopLimit, p.EncapLimit, p.IKey)
	// Output:
	// x6 true 3::4 1::2 9 7 5
}
