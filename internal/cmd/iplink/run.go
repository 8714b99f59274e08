package iplink

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// Run is the `ip link` command. Its verbs are tried in iproute2's order, so
// `ip link s` is set and `ip link sh` is show; list is the listing show
// runs (see Lister).
func Run(env *cli.Env, args *cmdline.Args, list Lister) error {
	if !args.More() {
		return Show(env, args, list)
	}
	verb := args.Next()
	m := func(kw string) bool { return cmdline.Matches(verb, kw) }
	switch {
	case m("add"):
		return modify(env, args, unix.RTM_NEWLINK, createExcl)
	case m("set"), m("change"):
		return modify(env, args, unix.RTM_NEWLINK, 0)
	case m("replace"):
		return modify(env, args, unix.RTM_NEWLINK, createReplace)
	case m("delete"):
		return modify(env, args, unix.RTM_DELLINK, 0)
	case m("show"), m("lst"), m("list"):
		return Show(env, args, list)
	case m("xstats"):
		return xstats(env, args)
	case m("afstats"):
		return afstats(env, args)
	case m("property"):
		return property(env, args)
	case m("help"):
		return help(env, args)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip link help\".", verb)
}
