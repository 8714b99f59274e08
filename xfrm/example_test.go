package xfrm_test

import (
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/xfrm"
	"golang.org/x/sys/unix"
)

// A policy that sends traffic from 10.0.0.1 to 10.0.0.2 through an ESP
// tunnel, encoded as the body of an XFRM_MSG_NEWPOLICY and decoded back.
func ExamplePolicy_Request() {
	a := func(s string) xfrm.Address { return xfrm.AddressFrom(netip.MustParseAddr(s)) }
	p := xfrm.Policy{
		Info: xfrm.PolicyInfo{
			Sel: xfrm.Selector{Saddr: a("10.0.0.1"), Daddr: a("10.0.0.2"), Family: unix.AF_INET, PrefixLenS: 32, PrefixLenD: 32},
			Lft: xfrm.NoLimits(), Dir: xfrm.DirOut,
		},
		Tmpls: []xfrm.Tmpl{{ID: xfrm.ID{Daddr: a("10.0.0.2"), Proto: xfrm.ProtoESP}, Saddr: a("10.0.0.1"),
			Family: unix.AF_INET, Reqid: 1, Mode: xfrm.ModeTunnel}},
	}
	body := p.Request()
	back, _ := xfrm.DecodePolicy(body)
	t := back.Tmpls[0]
	fmt.Println(len(body), xfrm.DirName(back.Info.Dir), xfrm.ProtoName(t.ID.Proto), xfrm.ModeName(t.Mode), t.Saddr.String(t.Family))
	// Output: 236 out esp tunnel 10.0.0.1
}
