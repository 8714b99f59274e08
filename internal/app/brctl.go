package app

import (
	"io"

	"github.com/gipnet/gip/bridge"
	"github.com/gipnet/gip/internal/cli"
)

func brctlMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := cli.NewEnv(cli.Options{}, stdin, stdout, stderr)
	env.QuietInterrupts = true
	defer env.Close()
	err := bridge.Brctl(env, cli.NewArgs(args))
	env.P.Flush()
	return report(stderr, err)
}

func bridgeMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := cli.NewEnv(cli.Options{}, stdin, stdout, stderr)
	defer env.Close()
	err := bridge.Bridge(env, cli.NewArgs(args))
	env.P.Flush()
	return report(stderr, err)
}
