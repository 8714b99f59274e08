// Package macsec is the kernel's MACsec secure channels and associations
// (on links of kind macsec) over generic netlink (family "macsec").
//
// Only the family lookup is implemented so far: this kernel has no macsec
// family, and ip macsec looks it up before it reads any other word.
package macsec

// FamilyName is the generic netlink family of MACsec (MACSEC_GENL_NAME).
const FamilyName = "macsec"

// Version is MACSEC_GENL_VERSION.
const Version = 1
