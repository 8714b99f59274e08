// Command cni-veth wires a container-style namespace with gip's library
// alone: namespace blue, veth host0 here with its peer ceth0 in blue,
// 10.99.0.1/24 and 10.99.0.2/24, links up, a default route in blue via
// 10.99.0.1; then it lists blue's links and, from inside blue, its routes.
// Run it as root; a second run fails at its first step with EEXIST.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// check ends the program on an error; EEXIST gets a status of its own.
func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "cni-veth:", err)
		if errors.Is(err, unix.EEXIST) {
			os.Exit(17)
		}
		os.Exit(1)
	}
}

func main() {
	ctx := context.Background()
	check(netns.Add("blue"))   // first, so that a second run changes nothing
	host, err := rtnl.Dial(-1) // this namespace
	check(err)
	blue, err := rtnl.DialNetNS("blue") // a socket in blue; no thread moves
	check(err)
	veth := link.Veth{Peer: link.Spec{Name: "ceth0", NetNS: link.NetNSName("blue")}}
	check(link.Add(ctx, host, link.Spec{Name: "host0", Kind: veth}))

	up := true
	for _, s := range [][3]string{{"", "host0", "10.99.0.1/24"}, {"blue", "ceth0", "10.99.0.2/24"}, {"blue", "lo", ""}} {
		c := map[string]*rtnl.Conn{"": host, "blue": blue}[s[0]]
		l, err := link.Get(ctx, c, s[1])
		check(err)
		if s[2] != "" {
			check(addr.Add(ctx, c, addr.Address{Index: int(l.Index), Prefix: netip.MustParsePrefix(s[2])}))
		}
		check(link.Set(ctx, c, s[1], link.Change{Up: &up}))
	}
	check(route.Add(ctx, blue, route.Route{Gateway: netip.MustParseAddr("10.99.0.1")}))

	links, err := link.List(ctx, blue)
	check(err)
	for _, l := range links {
		fmt.Println(l.Name, l.Index, l.MTU, link.OperStates[l.OperState])
	}
	check(netns.Do("blue", func() error { // this goroutine's thread is in blue here
		c, err := rtnl.Dial(-1)
		if err != nil {
			return err
		}
		defer c.Close()
		routes, err := route.List(ctx, c, route.Filter{})
		for _, r := range routes {
			gw := "none"
			if r.Gateway.IsValid() {
				gw = r.Gateway.String()
			}
			fmt.Println("route", r.Dst, "gateway", gw, "oif", r.OIF, "table", r.Table)
		}
		return err
	}))
}
