// Package ipnetns is the `ip netns` command: its word grammar, usage text
// and printers over the netns package, which does the work.
package ipnetns

import (
	"fmt"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/netns"
)

// Run is the `ip netns` command. Its status codes follow iproute2: a
// subcommand that fails returns 1 (or 2 when the kernel refused a request),
// while argument errors end ip with 255.
func Run(env *cli.Env, args *cmdline.Args) error {
	words := args.Rest()
	if len(words) == 0 {
		return list(env)
	}
	// iproute2 checks the word after the subcommand as a name for every
	// subcommand (unless -all is given), before it even looks at which one.
	if !env.Opts.All && len(words) > 1 && !netns.ValidName(words[1]) {
		return cmdline.Fatal(cmdline.StatusUsage, "Invalid netns name \"%s\"", words[1])
	}
	cmd, rest := words[0], words[1:]
	m := func(kw string) bool { return cmdline.Matches(cmd, kw) }
	switch {
	case m("list") || m("show") || m("lst"):
		return list(env)
	case m("list-id"):
		return listID(env, rest)
	case m("help"):
		return usage(env)
	case m("add"):
		return add(env, rest, true)
	case m("set"):
		return set(env, rest)
	case m("delete"):
		return del(env, rest)
	case m("identify"):
		return identify(env, rest)
	case m("pids"):
		return pids(env, rest)
	case m("exec"):
		return execCmd(env, rest)
	case m("monitor"):
		return monitor(env)
	case m("attach"):
		return add(env, rest, false)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip netns help\".", cmd)
}

func usage(env *cli.Env) error {
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip netns { list | ls | show }
       ip netns add NAME
       ip netns attach NAME PID
       ip netns set NAME { NETNSID | auto }
       ip [ -all ] netns delete [ NAME ]
       ip netns identify [ PID ]
       ip netns pids NAME
       ip [ -all ] netns exec [ NAME ] cmd ...
       ip netns monitor
       ip netns list-id [ target-nsid POSITIVE-INT ] [ nsid POSITIVE-INT ]
NETNSID := auto | POSITIVE-INT (auto lets the kernel pick one)
`)
	return cmdline.Usage()
}

// fail prints msg to stderr (after stdout, so the two interleave as
// iproute2's would) and returns the status code as an error with nothing
// further to print.
func fail(env *cli.Env, code int, format string, args ...any) error {
	env.Warnf(format+"\n", args...)
	return cmdline.Silent(code)
}
