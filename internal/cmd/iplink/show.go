package iplink

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// Lister is the listing `ip link show` runs, called with linkShow set: in
// iproute2 `ip link show` and `ip address show` are one function
// (ipaddr_list_link), with one argument parser and one filter, so the
// address command provides it (ipaddr.Show) and the front end passes it to
// Run.
type Lister func(env *cli.Env, args *cmdline.Args, linkShow bool) error

// Show is `ip link show|list|lst`.
func Show(env *cli.Env, args *cmdline.Args, list Lister) error {
	env.LinksOnly = true
	return list(env, args, true)
}

// Usage prints `ip link`'s usage (for `ip link show help`).
func Usage(env *cli.Env) error { return usage(env) }
