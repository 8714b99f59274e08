// Package link is network interfaces over rtnetlink, as `ip link` sees
// them: typed operations for Go programs, the decoder of RTM_NEWLINK
// messages, and the kinds' option parsers and printers the command line
// uses.
//
// The typed operations take a context and an *rtnl.Conn, which picks the
// network namespace:
//
//	c, err := rtnl.Dial(-1) // the current namespace
//	...
//	err = link.Add(ctx, c, link.Spec{
//		Name: "host0",
//		Kind: link.Veth{Peer: link.Spec{Name: "ceth0", NetNS: link.NetNSName("blue")}},
//	})
//	err = link.Set(ctx, c, "host0", link.Change{Up: new(true)})
//	links, err := link.List(ctx, c)
//
// Each operation sends one request, the bytes `ip link` sends for the
// equivalent words (Spec and Change document the word order), built by
// the same encoders: a veth with its peer in another namespace is created
// whole or not at all. The kernel's refusals are *rtnl.Error values that
// unwrap to the errno (errors.Is(err, unix.EEXIST)); mistakes found before
// sending are iproute2's messages as *cmdline.Error values.
//
// Typed kind specs cover veth, bridge, vxlan, macvlan, macvtap and ifb;
// KindArgs takes any other kind with ip-link(8)'s words.
//
// The Links that List and Get return own their memory. Decode and
// DecodeInto, used by the command line's dumps, alias the message they
// decode: such a Link is valid only while the message is, so only during
// a dump callback; Clone copies it.
package link
