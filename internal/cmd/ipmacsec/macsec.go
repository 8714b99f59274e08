// Package ipmacsec is `ip macsec`: MACsec channels and associations of
// links of kind macsec, over generic netlink.
package ipmacsec

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/macsec"
)

// Run is `ip macsec`. As in iproute2 the family is looked up before any
// word but help is read; a kernel without it ends every command there.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() || cmdline.Matches(args.Peek(), "help") {
		env.P.Flush()
		usage.Macsec(env.Stderr)
		return cmdline.Usage()
	}
	if _, _, err := env.GenlFamily(macsec.FamilyName); err != nil {
		return err
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "show"), cmdline.Matches(w, "add"), cmdline.Matches(w, "set"),
		cmdline.Matches(w, "delete"), cmdline.Matches(w, "offload"):
		// The requests of a kernel that has the family are not
		// written yet.
		return cmdline.Exit(cmdline.StatusFailed, "Object \"macsec\" is not implemented in gip yet.")
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip macsec help\".", w)
}
