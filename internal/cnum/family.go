package cnum

import "golang.org/x/sys/unix"

// FamilyName is iproute2's family_name: the keyword of an address family
// as commands print it and read it back ("inet", "inet6", "link", "mpls",
// "bridge"), "???" for any other.
func FamilyName(family int) string {
	switch family {
	case unix.AF_INET:
		return "inet"
	case unix.AF_INET6:
		return "inet6"
	case unix.AF_PACKET:
		return "link"
	case unix.AF_MPLS:
		return "mpls"
	case unix.AF_BRIDGE:
		return "bridge"
	}
	return "???"
}

// VerboseFamilyName is iproute2's family_name_verbose, the family in its
// "Error: %s address is expected" messages: FamilyName, but "any valid"
// for AF_UNSPEC.
func VerboseFamilyName(family int) string {
	if family == unix.AF_UNSPEC {
		return "any valid"
	}
	return FamilyName(family)
}

// ReadFamily is iproute2's read_family, the inverse of FamilyName: the
// family a keyword names, or AF_UNSPEC when it names none (iproute2 6.1
// knows no "ipx" or "dnet" any more).
func ReadFamily(name string) int {
	switch name {
	case "inet":
		return unix.AF_INET
	case "inet6":
		return unix.AF_INET6
	case "link":
		return unix.AF_PACKET
	case "mpls":
		return unix.AF_MPLS
	case "bridge":
		return unix.AF_BRIDGE
	}
	return unix.AF_UNSPEC
}

// AddrBits is iproute2's af_bit_len: the length in bits of an address of
// family, the longest prefix it can have; 0 for a family without one.
func AddrBits(family int) int {
	switch family {
	case unix.AF_INET6:
		return 128
	case unix.AF_INET:
		return 32
	case unix.AF_MPLS:
		return 20
	}
	return 0
}
