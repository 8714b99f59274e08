package addr

import "github.com/gipnet/gip/internal/cli"

// Run is the `ip addr` command.
func Run(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "ip addr: not implemented yet")
}
