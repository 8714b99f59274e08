// Package addr is interface addresses over rtnetlink, as `ip address`
// sees them: typed operations for Go programs (List, Add, Replace, Delete,
// Flush) on Address values, and the decoder of RTM_NEWADDR messages the
// command line uses.
//
//	err := addr.Add(ctx, c, addr.Address{Index: idx, Prefix: netip.MustParsePrefix("10.99.0.1/24")})
//	addrs, err := addr.List(ctx, c, addr.Filter{Index: idx})
//
// The requests are the bytes `ip address add|delete` sends for the
// equivalent words (EncodeRequest documents the word order). The kernel's
// refusals are *rtnl.Error values that unwrap to the errno. The Addresses
// List returns own their memory; Decode's Addr aliases the message it
// decodes.
package addr
