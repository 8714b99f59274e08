package ipaddrlabel

import (
	"errors"

	"github.com/gipnet/gip/addrlabel"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip addrlabel`. Verbs are tried in iproute2's order, which
// decides abbreviations ("l" is list, "d" delete, "f" flush).
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return list(env, args)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("list") || m("lst") || m("show"):
		return list(env, args)
	case m("add"):
		return modify(env, addrlabel.RTMNewAddrLabel, rtnl.Create|rtnl.Excl, args)
	case m("delete"):
		return modify(env, addrlabel.RTMDelAddrLabel, 0, args)
	case m("flush"):
		return flush(env, args)
	case m("help"):
		env.P.Flush()
		usage.Addrlabel(env.Stderr)
		return cmdline.Usage()
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip addrlabel help\".", w)
}

// dumpFamily is the family a listing or flush asks for: IPv6 unless one
// is given (the kernel has labels for IPv6 only, and refuses others).
func dumpFamily(env *cli.Env) int {
	if env.Opts.Family == unix.AF_UNSPEC {
		return unix.AF_INET6
	}
	return env.Opts.Family
}

// list is `ip addrlabel list`.
func list(env *cli.Env, args *cmdline.Args) error {
	if args.More() {
		return cmdline.Exit(cmdline.StatusFailed, "\"ip addrlabel show\" does not take any arguments.")
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	names := env.LinkNames()
	defer names.Close()
	pr := NewPrinter(env.P, names.Name, env.Opts.Resolve)
	env.P.Begin()
	err = c.Dump(addrlabel.RTMGetAddrLabel, addrlabel.DumpRequest(dumpFamily(env)), func(m netlink.Message) error {
		return pr.Print(m.Header, m.Data)
	})
	if err != nil {
		// iproute2 leaves its JSON array open here, and its list
		// returns -1: exit status 255.
		return dumpFailed(env, err, "Dump terminated", cmdline.StatusUsage)
	}
	env.P.End()
	return nil
}

// dumpFailed reports a listing the kernel refused or that a message
// ended, then the tool's last words.
func dumpFailed(env *cli.Env, err error, last string, code int) error {
	env.P.Flush()
	var ne *rtnl.Error
	if errors.As(err, &ne) {
		return cmdline.Exit(code, "%s\n%s", ne.Error(), last)
	}
	var ce *cmdline.Error
	if errors.As(err, &ce) {
		return err
	}
	return cmdline.Exit(code, "%s", last)
}

// modifyRequest reads `prefix PREFIX [ dev DEV ] [ label LABEL ]` (other
// words are skipped, as iproute2 does) into the body of a request; index
// is ll_name_to_index.
func modifyRequest(family int, args *cmdline.Args, index func(string) uint32) ([]byte, error) {
	var h addrlabel.Header
	var prefix cnum.Prefix
	label := uint32(0xffffffff)
	havePrefix, haveLabel := false, false
	for args.More() {
		switch args.Next() {
		case "prefix":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if prefix, err = cnum.GetPrefix(v, family); err != nil {
				return nil, err
			}
			havePrefix = true
		case "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if h.Index = index(v); h.Index == 0 {
				return nil, cmdline.InvalidArg("dev is invalid\n", v)
			}
		case "label":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			var ok bool
			if label, ok = cnum.Uint32(v, 0); !ok || label == 0xffffffff {
				return nil, cmdline.InvalidArg("label is invalid\n", v)
			}
			haveLabel = true
		}
	}
	if !havePrefix {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: \"prefix\" argument is required.")
	}
	if !haveLabel {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: \"label\" argument is required.")
	}
	h.Family = uint8(family)
	if family == unix.AF_UNSPEC {
		h.Family = unix.AF_INET6
	}
	h.PrefixLen = uint8(prefix.BitLen)
	return addrlabel.Request(h, label, prefix.Bytes()), nil
}

// modify is add and delete.
func modify(env *cli.Env, cmd uint16, flags netlink.HeaderFlags, args *cmdline.Args) error {
	body, err := modifyRequest(env.Opts.Family, args, lookup(env))
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	return c.Exec(netlink.HeaderType(cmd), flags, body)
}

// flush deletes every label the kernel lists, each as it arrives, with
// the listed message itself as the request (over a second socket, the
// first being busy with the dump), as iproute2 does.
func flush(env *cli.Env, args *cmdline.Args) error {
	if args.More() {
		return cmdline.Exit(cmdline.StatusFailed, "\"ip addrlabel flush\" does not allow extra arguments")
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	var side *rtnl.Conn
	defer func() {
		if side != nil {
			side.Close()
		}
	}()
	err = c.Dump(addrlabel.RTMGetAddrLabel, addrlabel.DumpRequest(dumpFamily(env)), func(m netlink.Message) error {
		v, err := addrlabel.DecodeView(m.Data)
		if err != nil {
			return errShort{}
		}
		if v.Address == nil {
			return nil
		}
		if side == nil {
			var err error
			if side, err = rtnl.Dial(env.NetNSFD); err != nil {
				return err
			}
		}
		return side.Exec(addrlabel.RTMDelAddrLabel, 0, m.Data)
	})
	if err != nil {
		return dumpFailed(env, err, "Flush terminated", cmdline.StatusFailed)
	}
	return nil
}

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env) func(string) uint32 {
	return func(name string) uint32 {
		if _, err := env.Conn(); err != nil {
			return 0
		}
		return env.LinkIndex(name)
	}
}
