package link

import (
	"errors"

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
	raw := c.Raw()
	req, err := raw.Send(netlink.Message{
		Header: netlink.Header{Type: netlink.HeaderType(msgType), Flags: netlink.Request | netlink.Acknowledge | netlink.Echo | flags},
		Data:   body,
	})
	if err != nil {
		return echoError(err)
	}
	var answer *netlink.Message
	for answer == nil {
		msgs, err := raw.Receive()
		if err != nil {
			return echoError(err)
		}
		for i := range msgs {
			if msgs[i].Header.Sequence == req.Header.Sequence {
				answer = &msgs[i]
				break
			}
		}
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
			// TODO(linkgram): a PrintOptions field in show_print.go.
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

// echoError turns a failed exchange into the kernel's refusal, worded as
// nl.Conn.Exec words it.
func echoError(err error) error {
	var op *netlink.OpError
	if errors.As(err, &op) {
		var errno unix.Errno
		if errors.As(op.Err, &errno) {
			return &nl.Error{Errno: errno, Msg: op.Message}
		}
	}
	return err
}
