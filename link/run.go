package link

import "github.com/gipnet/gip/internal/cli"

// Run is the `ip link` command.
func Run(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "ip link: not implemented yet")
}
