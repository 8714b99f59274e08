package link

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/nl"
	"github.com/gipnet/gip/netns"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// execEcho sends a request with NLM_F_ECHO, as ip -echo does
// (rtnl_echo_talk): the kernel's first answer is printed like a listed link
// (without the link mode and queue length, as ip monitor prints it). When
// the kernel echoes nothing (a change to an existing link), the answer is
// the acknowledgement, which prints nothing (an empty object in JSON).
func execEcho(env *cli.Env, c *nl.Conn, msgType uint16, flags netlink.HeaderFlags, body []byte) error {
	answer, err := c.Echo(netlink.HeaderType(msgType), flags, body)
	if err != nil {
		return err
	}
	p := env.P
	p.Begin()
	p.OpenObject("")
	if t := answer.Header.Type; t == unix.RTM_NEWLINK || t == unix.RTM_DELLINK {
		if l, err := Decode(answer.Data); err == nil {
			names := NewNames(env.NetNSFD)
			defer names.Close()
			names.Remember(l)
			var ids *netns.IDNames
			o := &env.Opts
			pr := NewPrinter(p, PrintOptions{Details: o.Details, Stats: o.Stats, Brief: o.Brief, Numeric: o.Numeric,
				Human: o.Human, IEC: o.IEC}, names, func() *netns.IDNames {
				if ids == nil {
					if sc, err := names.Side(); err == nil {
						ids = netns.NewIDNames(sc)
					}
				}
				return ids
			})
			pr.Warnf = env.Warnf
			// iproute2 shows the queue length only in listings
			// (filter.showqueue); a zero length is not printed.
			l.TxQLen = 0
			l.mark(unix.IFLA_TXQLEN)
			pr.PrintLink(l, t == unix.RTM_DELLINK)
			// Under -brief the line stays open, without a newline,
			// as iproute2 leaves it.
		}
	}
	p.CloseObject()
	p.End()
	return nil
}
