package iplink

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/mdlayher/netlink"
)

// property is `ip link property add|del dev DEV [altname NAME]…`: alternative
// names are added with RTM_NEWLINKPROP and removed with RTM_DELLINKPROP, all
// of them in one IFLA_PROP_LIST.
func property(env *cli.Env, args *cmdline.Args) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	req, err := (&link.Parser{
		Family: uint8(env.Opts.Family),
		Index:  func(name string) int32 { return indexOrZero(env, name) },
		Usage:  func() error { return usage(env) },
	}).BuildProp(args)
	if err != nil {
		return err
	}
	return c.Exec(netlink.HeaderType(req.MsgType), req.Flags, req.Body)
}
