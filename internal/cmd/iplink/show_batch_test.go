package iplink

import (
	"io"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// TestShowMarksLinksOnly: after `ip link show`, iproute2 lists links only
// for the rest of a -batch, so Show must leave that mark on the Env.
func TestShowMarksLinksOnly(t *testing.T) {
	var gotDoLink bool
	list := func(env *cli.Env, args *cmdline.Args, doLink bool) error {
		gotDoLink = doLink
		return nil
	}
	env := cli.NewEnv(cli.Options{}, nil, io.Discard, io.Discard)
	if env.LinksOnly {
		t.Fatal("a new Env is LinksOnly")
	}
	if err := Show(env, cmdline.NewArgs(nil), list); err != nil {
		t.Fatal(err)
	}
	if !gotDoLink || !env.LinksOnly {
		t.Errorf("Show: lister doLink = %v, env.LinksOnly = %v; want both true", gotDoLink, env.LinksOnly)
	}
}
