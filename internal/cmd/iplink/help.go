package iplink

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
)

// help is `ip link help [TYPE]`: the general usage (exit 255) or, for a
// type iproute2 has help for, that type's options on stdout (exit 0).
func help(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return usage(env)
	}
	if !link.WriteKindHelp(env.P.Writer(), args.Next()) {
		return usage(env)
	}
	return nil
}
