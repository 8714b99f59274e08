package netns

import "github.com/gipnet/gip/internal/cli"

// Run is the `ip netns` command.
func Run(env *cli.Env, args *cli.Args) error {
	return cli.Exit(1, "ip netns: not implemented yet")
}
