package link

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// Lister is the listing command `ip address show` runs, called with linkShow
// set for `ip link show`: in iproute2 the two are one function
// (ipaddr_list_link), with one argument parser and one filter. The addr
// package installs it, as link cannot import addr.
var Lister func(env *cli.Env, args *cmdline.Args, linkShow bool) error

// Show is `ip link show|list|lst`.
func Show(env *cli.Env, args *cmdline.Args) error {
	if Lister == nil {
		return cmdline.Exit(cmdline.StatusFailed, "ip link show: no lister installed")
	}
	env.LinksOnly = true
	return Lister(env, args, true)
}

// Usage prints `ip link`'s usage (for `ip link show help`).
func Usage(env *cli.Env) error { return usage(env) }
