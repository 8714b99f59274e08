package route

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// execEcho is rtnl_echo_talk with print_route, for `ip -echo route
// add|del|…`: the kernel's answer is printed as ip monitor prints a route,
// with iproute2's unset filter (every table shown), inside an object of its
// own (so JSON nests the route's object in another).
func execEcho(env *cli.Env, c *nl.Conn, cmd uint16, flags netlink.HeaderFlags, body []byte) error {
	m, err := c.Echo(netlink.HeaderType(cmd), flags, body)
	if err != nil {
		return err
	}
	var f filter
	f.family = env.Opts.Family
	pr := newPrinter(env, &f)
	defer pr.links.close()
	p := env.P
	p.Begin()
	p.OpenObject("")
	t := uint16(m.Header.Type)
	var r route
	switch {
	case t != unix.RTM_NEWROUTE && t != unix.RTM_DELROUTE:
		env.Warnf("Not a route: %08x %08x %08x\n", m.Header.Length, t, uint16(m.Header.Flags))
	case len(m.Data) < unix.SizeofRtMsg:
		env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-unix.SizeofRtMsg)
	default:
		if decodeRoute(t, m.Data, &r) == nil && f.match(&r) {
			pr.print(&r)
		}
	}
	p.CloseObject()
	p.End()
	return nil
}
