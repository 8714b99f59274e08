package addr

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Run is the `ip address` command. Verbs are tried in iproute2's order,
// which is the abbreviation rule (`ip a a` is add, `ip a d` delete).
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return Show(env, args, false)
	}
	verb := args.Next()
	m := func(kw string) bool { return cmdline.Matches(verb, kw) }
	switch {
	case m("add"):
		return modify(env, args, unix.RTM_NEWADDR, rtnl.Create|rtnl.Excl)
	case m("change"), verb == "chg":
		return modify(env, args, unix.RTM_NEWADDR, rtnl.Replace)
	case m("replace"):
		return modify(env, args, unix.RTM_NEWADDR, rtnl.Create|rtnl.Replace)
	case m("delete"):
		return modify(env, args, unix.RTM_DELADDR, 0)
	case m("list"), m("show"), m("lst"):
		return Show(env, args, false)
	case m("flush"):
		return flush(env, args)
	case m("save"):
		return save(env, args)
	case m("showdump"):
		return showdump(env)
	case m("restore"):
		return restore(env)
	case m("help"):
		return usage(env, false)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip address help\".", verb)
}
