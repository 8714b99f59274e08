package app

import (
	"io"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/brctl"
	"github.com/gipnet/gip/internal/cmd/bridgecmd"
	"github.com/gipnet/gip/internal/cmdline"
)

// brctlMain runs brctl; netnsFD is the namespace of gip's -n (or -1).
func brctlMain(netnsFD int, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := cli.NewEnv(cli.Options{}, stdin, stdout, stderr)
	env.NetNSFD = netnsFD
	env.QuietInterrupts = true
	defer env.Close()
	err := brctl.Brctl(env, cmdline.NewArgs(args))
	env.P.Flush()
	return report(stderr, err)
}

// bridgeMain runs bridge; netnsFD is the namespace of gip's -n (or -1),
// which bridge's own -n replaces.
func bridgeMain(netnsFD int, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := cli.NewEnv(cli.Options{}, stdin, stdout, stderr)
	env.NetNSFD = netnsFD
	defer env.Close()
	a := cmdline.NewArgs(args)
	batch, isBatch, err := bridgecmd.Options(env, a)
	if err != nil {
		env.P.Flush()
		return report(stderr, err)
	}
	if isBatch {
		return runBatchWith(env, batch, bridgecmd.Command)
	}
	err = bridgecmd.Command(env, a)
	env.P.Flush()
	return report(stderr, err)
}
