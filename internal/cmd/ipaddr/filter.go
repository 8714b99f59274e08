package ipaddr

import (
	"path"
	"strings"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/link"
	"golang.org/x/sys/unix"
)

// listFilter is what `ip address show|flush` and `ip link show` select by
// (iproute2's struct link_filter).
type listFilter struct {
	family    int
	dev       string
	hasDev    bool // dev was given (an empty name is a name, never "any")
	ifindex   int32
	up        bool
	scope     uint8
	scopeMask uint8
	flags     uint32
	flagMask  uint32
	label     string
	hasLabel  bool
	pfx       cnum.Prefix
	group     int64 // -1: any
	master    int32 // 0: any, -1: none (nomaster)
	kind      string
	hasKind   bool
	slaveKind string
	hasSlave  bool
}

// parseListArgs reads the words of show/flush. Keywords are compared
// exactly, as iproute2 does here; any other word names the device.
func parseListArgs(env *cli.Env, args *cmdline.Args, f *listFilter, doLink bool) error {
	for args.More() {
		w := args.Next()
		switch {
		case w == "to":
			v, err := args.Value()
			if err != nil {
				return err
			}
			p, err := cnum.GetPrefix(v, f.family)
			if err != nil {
				return err
			}
			f.pfx = p
			if f.family == unix.AF_UNSPEC {
				f.family = p.Family
			}
		case w == "scope":
			v, err := args.Value()
			if err != nil {
				return err
			}
			f.scopeMask = 0xff
			s, ok := addr.ParseScope(v)
			if !ok {
				if v != "all" {
					return cmdline.InvalidArg("invalid \"scope\"\n", v)
				}
				s, f.scopeMask = unix.RT_SCOPE_NOWHERE, 0
			}
			f.scope = s
		case w == "up":
			f.up = true
		case f.addFlagFilter(w):
		case w == "label":
			v, err := args.Value()
			if err != nil {
				return err
			}
			f.label, f.hasLabel = v, true
		case w == "group":
			v, err := args.Value()
			if err != nil {
				return err
			}
			g, ok := link.ParseGroup(v)
			if !ok {
				return cmdline.InvalidArg("Invalid \"group\" value\n", v)
			}
			f.group = int64(g)
		case w == "master":
			v, err := args.Value()
			if err != nil {
				return err
			}
			idx, err := nameToIndex(env, v)
			if err != nil {
				return err
			}
			if idx == 0 {
				return cmdline.InvalidArg("Device does not exist\n", v)
			}
			f.master = idx
		case w == "vrf":
			v, err := args.Value()
			if err != nil {
				return err
			}
			// This kernel has no VRF devices, so no name is one.
			return cmdline.InvalidArg("Not a valid VRF name\n", v)
		case w == "nomaster":
			f.master = -1
		case w == "type":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if k, ok := strings.CutSuffix(v, "_slave"); ok {
				f.slaveKind, f.hasSlave = k, true
			} else {
				f.kind, f.hasKind = v, true
			}
		default:
			if w == "dev" {
				v, err := args.Value()
				if err != nil {
					return err
				}
				w = v
			}
			if cmdline.Matches(w, "help") {
				return usage(env, doLink)
			}
			if f.hasDev {
				return cmdline.Duplicate2("dev", w)
			}
			f.dev, f.hasDev = w, true
		}
	}
	return nil
}

// addFlagFilter is get_filter: a flag word, "-" before it negates, and
// dynamic/primary are the negations of permanent/secondary.
func (f *listFilter) addFlagFilter(w string) bool {
	inv := false
	if strings.HasPrefix(w, "-") {
		inv, w = true, w[1:]
	}
	switch w {
	case "dynamic":
		inv, w = !inv, "permanent"
	case "primary":
		inv, w = !inv, "secondary"
	}
	fl, ok := addr.LookupIfaFlag(w)
	if !ok {
		return false
	}
	if inv {
		f.flags &^= fl.Mask
	} else {
		f.flags |= fl.Mask
	}
	f.flagMask |= fl.Mask
	return true
}

// nameToIndex is ll_name_to_index: the device's index, else the index a
// name "ifN" stands for, else 0. Like iproute2's, the "ifN" index may be
// negative as an int: the listing commands refuse it, modify passes it on.
func nameToIndex(env *cli.Env, name string) (int32, error) {
	if _, err := env.Conn(); err != nil {
		return 0, err
	}
	return int32(env.LinkIndex(name)), nil
}

// matchAddr applies the address part of the filter (scope, flags, label,
// prefix) to a, whose link is called devName when a has no label.
// selects is iproute2's print_addrinfo filter: device, family and
// matchAddr; a nil filter (none set yet) selects every address.
func (f *listFilter) selects(a *addr.Addr, names *link.Names) bool {
	if f == nil {
		return true
	}
	if f.ifindex != 0 && uint32(f.ifindex) != a.Index {
		return false
	}
	if f.family != unix.AF_UNSPEC && f.family != int(a.Family) {
		return false
	}
	return f.matchAddr(a, names.Name)
}

func (f *listFilter) matchAddr(a *addr.Addr, devName func(uint32) string) bool {
	if (f.scope^a.Scope)&f.scopeMask != 0 {
		return false
	}
	if (f.flags^a.Flags)&f.flagMask != 0 {
		return false
	}
	if f.hasLabel {
		label := a.Label
		if !a.HasLabel {
			label = devName(a.Index)
		}
		if ok, _ := path.Match(f.label, label); !ok {
			return false
		}
	}
	return prefixMatches(&f.pfx, a.Local)
}
