// Package ipl2tp is `ip l2tp`: L2TP tunnels and sessions over generic
// netlink.
package ipl2tp

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/l2tp"
)

// Run is `ip l2tp`. As in iproute2 the family is looked up before any word
// but help is read; a kernel without it ends every command there.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		env.P.Flush()
		usage.L2tp(env.Stderr)
		return cmdline.Usage()
	}
	if _, _, err := env.GenlFamily(l2tp.FamilyName); err != nil {
		return err
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "add"), cmdline.Matches(w, "delete"),
		cmdline.Matches(w, "show"), cmdline.Matches(w, "lst"), cmdline.Matches(w, "list"):
		// The requests of a kernel that has the family are not
		// written yet.
		return cmdline.Exit(cmdline.StatusFailed, "Object \"l2tp\" is not implemented in gip yet.")
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip l2tp help\".", w)
}
