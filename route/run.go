package route

import "github.com/gipnet/gip/internal/cli"

// Run is the `ip route` command.
func Run(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "ip route: not implemented yet")
}
