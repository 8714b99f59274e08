package cnum

import (
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// GetAddr is iproute2's get_addr: ParseAddr, or its error message and
// exit status 1 (a fatal error: it also ends a -batch).
func GetAddr(s string, family int) (Prefix, error) {
	p, ok := ParseAddr(s, family)
	if !ok {
		// For a link-layer family get_addr_1 read s with ll_addr_a2n
		// first, which says what it could not read before get_addr does.
		if family == unix.AF_PACKET {
			_, bad, _ := LLAddr(s, LLAddrMax)
			// ll_addr_a2n cut the word at its colons as it read:
			// get_addr then names the first piece.
			if strings.IndexByte(s, '.') < 0 {
				s, _, _ = strings.Cut(s, ":")
			}
			return p, cmdline.Fatal(cmdline.StatusFailed, "\"%s\" is invalid lladdr.\nError: %s address is expected rather than \"%s\".", bad, VerboseFamilyName(family), s)
		}
		msg := ""
		if family == unix.AF_MPLS && tooManyLabels(s) {
			msg = "Error: too many labels.\n"
		}
		return p, cmdline.Fatal(cmdline.StatusFailed, "%sError: %s address is expected rather than \"%s\".", msg, VerboseFamilyName(family), s)
	}
	return p, nil
}

// GetPrefix is iproute2's get_prefix: ParsePrefix, or its error message
// and exit status 1 (fatal). A link-layer family is refused whatever s is.
func GetPrefix(s string, family int) (Prefix, error) {
	if family == unix.AF_PACKET {
		return Prefix{}, cmdline.Fatal(cmdline.StatusFailed, "Error: \"%s\" may be inet prefix, but it is not allowed in this context.", s)
	}
	p, ok := ParsePrefix(s, family)
	if !ok {
		return p, cmdline.Fatal(cmdline.StatusFailed, "Error: %s prefix is expected rather than \"%s\".", VerboseFamilyName(family), s)
	}
	return p, nil
}
