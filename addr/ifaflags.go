package addr

import (
	"fmt"

	"github.com/gipnet/gip/format"
	"golang.org/x/sys/unix"
)

// ifaFlag is one row of iproute2's address flag table: its order is the
// print order and the lookup order.
type ifaFlag struct {
	name     string
	mask     uint32
	readonly bool // kernel-set; a warning when given to add
	v6only   bool
}

var ifaFlags = []ifaFlag{
	{"secondary", unix.IFA_F_SECONDARY, true, false},
	{"temporary", unix.IFA_F_SECONDARY, true, false},
	{"nodad", unix.IFA_F_NODAD, false, true},
	{"optimistic", unix.IFA_F_OPTIMISTIC, false, true},
	{"dadfailed", unix.IFA_F_DADFAILED, true, true},
	{"home", unix.IFA_F_HOMEADDRESS, false, true},
	{"deprecated", unix.IFA_F_DEPRECATED, true, true},
	{"tentative", unix.IFA_F_TENTATIVE, true, true},
	{"permanent", unix.IFA_F_PERMANENT, true, true},
	{"mngtmpaddr", unix.IFA_F_MANAGETEMPADDR, false, true},
	{"noprefixroute", unix.IFA_F_NOPREFIXROUTE, false, false},
	{"autojoin", unix.IFA_F_MCAUTOJOIN, false, false},
	{"stable-privacy", unix.IFA_F_STABLE_PRIVACY, true, true},
}

func lookupIfaFlag(name string) *ifaFlag {
	for i := range ifaFlags {
		if ifaFlags[i].name == name {
			return &ifaFlags[i]
		}
	}
	return nil
}

// printIfaFlags prints the flag words: "dynamic" for an address without
// IFA_F_PERMANENT, "temporary" for an IPv6 secondary, and leftover bits as
// "flags %02x".
func printIfaFlags(p *format.Printer, family uint8, flags uint32) {
	for _, f := range ifaFlags {
		switch {
		case f.mask == unix.IFA_F_PERMANENT:
			if flags&f.mask == 0 {
				p.Bool(format.Any, "dynamic", "dynamic ", true)
			}
		case flags&f.mask != 0:
			if f.mask == unix.IFA_F_SECONDARY && family == unix.AF_INET6 {
				p.Bool(format.Any, "temporary", "temporary ", true)
			} else {
				p.String(format.Text, "", "%s ", f.name)
				p.Bool(format.JSON, f.name, "", true)
			}
		}
		flags &^= f.mask
	}
	if flags != 0 {
		if p.IsJSON() {
			p.String(format.JSON, "ifa_flags", "", fmt.Sprintf("%02x", flags))
		} else {
			p.Uint(format.Text, "", "flags %02x ", uint64(flags))
		}
	}
}
