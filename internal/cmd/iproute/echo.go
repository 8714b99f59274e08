package iproute

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// execEcho is rtnl_echo_talk with print_route, for `ip -echo route
// add|del|…`: the kernel's answer is printed as ip monitor prints a route,
// with iproute2's unset filter (every table shown), inside an object of its
// own (so JSON nests the route's object in another).
func execEcho(env *cli.Env, c *rtnl.Conn, cmd uint16, flags netlink.HeaderFlags, body []byte) error {
	m, err := c.Echo(netlink.HeaderType(cmd), flags, body)
	if err != nil {
		return err
	}
	pr := NewMessagePrinter(env, nil, 0)
	defer pr.Close()
	p := env.P
	p.Begin()
	p.OpenObject("")
	pr.Print(m.Header, m.Data)
	p.CloseObject()
	p.End()
	return nil
}
