// Package l2tp is the kernel's L2TP tunnels and sessions over generic
// netlink (family "l2tp").
//
// Only the family lookup is implemented so far: this kernel has no l2tp
// family, and ip l2tp looks it up before it reads any other word.
package l2tp

// FamilyName is the generic netlink family of L2TP (L2TP_GENL_NAME).
const FamilyName = "l2tp"

// Version is L2TP_GENL_VERSION.
const Version = 1
