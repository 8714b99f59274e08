// Package route is the kernel's routing tables over rtnetlink.
//
// A Go program lists, looks up, adds, replaces and deletes routes as owned
// Route values:
//
//	c, _ := rtnl.Dial(-1)
//	rs, err := route.List(ctx, c, route.Filter{Family: unix.AF_INET})
//	err = route.Add(ctx, c, route.Route{Dst: netip.MustParsePrefix("10.9.0.0/16"),
//		Gateway: netip.MustParseAddr("10.0.0.1")})
//
// The typed operations encode their requests with the same encoders
// (NewHeader, SetTable, PutGateway, AppendNextHop, ApplyDefaults) as the
// `ip route` command line, so a Route sends the bytes ip sends for the
// equivalent words. Request returns a request's body; AppendRequest
// encodes it into an rtnl.Encoder the caller resets and reuses, for a
// program that adds many routes without allocating for each. Message is
// the zero-copy decoder `ip route show` prints from; the package also
// holds iproute2's name tables (rt_tables, rt_protos, rt_scopes,
// rt_realms), the address text helpers other printers share and the
// lightweight-tunnel (encap) word parsers.
package route
