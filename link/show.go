package link

import "github.com/gipnet/gip/internal/cli"

// Show is `ip link show` (owned by the link show work).
func Show(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "ip link show: not implemented yet")
}
