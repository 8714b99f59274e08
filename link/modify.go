package link

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
)

const (
	createExcl    = nl.Create | nl.Excl
	createReplace = nl.Create | nl.Replace
)

// modify is `ip link add|set|change|replace|delete` (owned by the link
// add/set/delete work).
func modify(env *cli.Env, args *cli.Args, msgType uint16, flags netlink.HeaderFlags) error {
	return cli.Exit(1, "ip link: not implemented yet")
}

func usage(env *cli.Env) error {
	return cli.Usage()
}
