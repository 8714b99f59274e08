// Package iptoken is `ip token`: the IPv6 interface identifiers (tokens)
// the kernel uses for addresses it makes from router advertisements.
package iptoken

import (
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/token"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Run is `ip token`. Verbs are tried in iproute2's order: "s" is set,
// "l" list, "d" delete, "g" get.
func Run(env *cli.Env, args *cmdline.Args) error {
	env.InitLinks() // iproute2's do_iptoken loads its link cache first
	if !args.More() {
		return list(env, args)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("list") || m("lst") || m("show"):
		return list(env, args)
	case m("set") || m("add"):
		return set(env, args, false)
	case m("delete"):
		return set(env, args, true)
	case m("get"):
		return list(env, args)
	case m("help"):
		return printUsage(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip token help\".", w)
}

func printUsage(env *cli.Env) error {
	env.P.Flush()
	usage.Token(env.Stderr)
	return cmdline.Usage()
}

// errStop ends a listing as print_token's -1 does; what was wrong has
// been said already, if anything.
type errStop struct{}

func (errStop) Error() string { return "Dump terminated" }

// Printer prints the token of each link of an AF_INET6 link dump, as
// iproute2's print_token.
type Printer struct {
	p       *format.Printer
	name    func(uint32) string
	warn    func(string, ...any)
	resolve bool
	// Index: only that link's token (0: every link's).
	Index uint32
}

// Print prints one link message's token. Links without IPv6 settings of
// their own (loopback, NOARP) are left out; a message that is no link, or
// whose IPv6 settings lack a token, stops the listing.
func (pr *Printer) Print(m netlink.Message) error {
	if uint16(m.Header.Type) != unix.RTM_NEWLINK {
		return errStop{}
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return errStop{}
	}
	if hdr.Family != unix.AF_INET6 || hdr.Index == 0 {
		return nil
	}
	if pr.Index != 0 && uint32(hdr.Index) != pr.Index {
		return nil
	}
	if hdr.Flags&(unix.IFF_LOOPBACK|unix.IFF_NOARP) != 0 {
		return nil
	}
	tok, protinfo := token.Find(attrs)
	if !protinfo {
		return errStop{}
	}
	if tok == nil {
		pr.warn("Seems there's no support for IPv6 token!\n")
		return errStop{}
	}
	p := pr.p
	p.OpenObject("")
	p.Text("token ")
	p.ColorString(format.Any, format.Inet6, "token", "%s", route.HostText(pr.resolve, unix.AF_INET6, tok))
	p.Text(" dev ")
	p.ColorString(format.Any, format.Ifname, "ifname", "%s\n", pr.name(uint32(hdr.Index)))
	p.CloseObject()
	return nil
}

// list is list, show and get: `[ dev DEV ]`, other words skipped.
func list(env *cli.Env, args *cmdline.Args) error {
	var index uint32
	for args.More() {
		if args.Next() != "dev" {
			continue
		}
		v, err := args.Value()
		if err != nil {
			return err
		}
		if index = lookup(env, v); index == 0 {
			return cmdline.InvalidArg("dev is invalid\n", v)
		}
		break
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	names := env.LinkNames()
	defer names.Close()
	pr := &Printer{p: env.P, name: names.Name, warn: env.Warnf, resolve: env.Opts.Resolve, Index: index}
	env.P.Begin()
	err = c.Dump(unix.RTM_GETLINK, token.DumpRequest(), pr.Print)
	env.P.End()
	if err != nil {
		env.P.Flush()
		if ne, ok := err.(*rtnl.Error); ok {
			return cmdline.Exit(cmdline.StatusFailed, "%s\nDump terminated", ne.Error())
		}
		return cmdline.Exit(cmdline.StatusFailed, "Dump terminated")
	}
	return nil
}

// setRequest reads `TOKEN dev DEV` (the first of each counts; delete
// takes no token and sets ::) into the body of an RTM_SETLINK.
func setRequest(args *cmdline.Args, del bool, index func(string) uint32) ([]byte, error) {
	haveToken, haveDev := del, false
	var ifindex int32
	tok := make([]byte, 16)
	for args.More() {
		w := args.Next()
		if w == "dev" {
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if !haveDev {
				idx := index(v)
				if idx == 0 {
					return nil, cmdline.InvalidArg("dev is invalid\n", v)
				}
				ifindex, haveDev = int32(idx), true
			}
			continue
		}
		if cmdline.Matches(w, "help") {
			return nil, errUsage
		}
		if !haveToken {
			p, err := cnum.GetPrefix(w, unix.AF_INET6)
			if err != nil {
				return nil, err
			}
			tok, haveToken = append([]byte(nil), p.Bytes()...), true
		}
	}
	if !haveToken {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: token is required.")
	}
	if !haveDev {
		return nil, cmdline.Exit(cmdline.StatusFailed, "Not enough information: \"dev\" argument is required.")
	}
	return token.SetRequest(ifindex, tok), nil
}

var errUsage = cmdline.Usage()

// set is set (add) and delete.
func set(env *cli.Env, args *cmdline.Args, del bool) error {
	body, err := setRequest(args, del, func(name string) uint32 { return lookup(env, name) })
	if err == errUsage {
		return printUsage(env)
	}
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	return c.Exec(unix.RTM_SETLINK, 0, body)
}

// lookup is ll_name_to_index on env's namespace: 0 for no such device.
func lookup(env *cli.Env, name string) uint32 {
	if _, err := env.Conn(); err != nil {
		return 0
	}
	return env.LinkIndex(name)
}
