package ipaddr

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// execEcho is rtnl_echo_talk with print_addrinfo, for `ip -echo address
// add|change|replace|del`: the kernel's answer is printed as ip monitor
// prints an address, after "INDEX: DEV". When the kernel echoes nothing
// (IPv6 addresses) the answer is the acknowledgement, which prints nothing
// (an empty object in JSON).
func execEcho(env *cli.Env, c *rtnl.Conn, msgType uint16, flags netlink.HeaderFlags, body []byte) error {
	m, err := c.Echo(netlink.HeaderType(msgType), flags, body)
	if err != nil {
		return cmdline.Exit(cmdline.StatusRefused, "%s", err.Error())
	}
	names := env.LinkNames()
	defer names.Close()
	p := env.P
	p.Begin()
	p.OpenObject("")
	NewMessagePrinter(env, names.Name).Print(uint16(m.Header.Type), m.Data)
	p.CloseObject()
	p.End()
	return nil
}
