package addr

import (
	"iter"

	"golang.org/x/sys/unix"
)

// IfaFlag is one row of iproute2's address flag table: its order is the
// print order and the lookup order.
type IfaFlag struct {
	Name     string
	Mask     uint32 // IFA_F_*
	Readonly bool   // kernel-set; a warning when given to add
	V6Only   bool   // settable on IPv6 addresses only
}

var ifaFlags = [...]IfaFlag{
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

// LookupIfaFlag returns the flag called name (case-sensitively, as
// iproute2 compares them), or false.
func LookupIfaFlag(name string) (IfaFlag, bool) {
	for _, f := range ifaFlags {
		if f.Name == name {
			return f, true
		}
	}
	return IfaFlag{}, false
}

// IfaFlags yields the address flags in iproute2's print order.
func IfaFlags() iter.Seq[IfaFlag] {
	return func(yield func(IfaFlag) bool) {
		for _, f := range ifaFlags {
			if !yield(f) {
				return
			}
		}
	}
}
