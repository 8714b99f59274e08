package tuntap

import "github.com/gipnet/gip/internal/cli"

// Run is the `ip tuntap` command.
func Run(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "ip tuntap: not implemented yet")
}
