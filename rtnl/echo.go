package rtnl

import "github.com/mdlayher/netlink"

// Echo sends a request with NLM_F_ECHO and NLM_F_ACK, as iproute2's
// rtnl_echo_talk does for -echo, and returns the kernel's first answer to
// it: the echoed notification, or the acknowledgement (type NLMSG_ERROR,
// error 0) when the kernel echoes nothing. A refusal is returned as *Error.
// The answer is the caller's to keep. An acknowledgement that follows an
// echoed message stays unread; later requests skip it by its sequence.
func (c *Conn) Echo(typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) (netlink.Message, error) {
	seq, err := c.send(typ, netlink.Request|netlink.Acknowledge|netlink.Echo|flags, body)
	if err != nil {
		return netlink.Message{}, err
	}
	for {
		b, err := c.recv(&c.bufs[0], true)
		if err != nil {
			return netlink.Message{}, err
		}
		for {
			m, rest, ok, err := next(b)
			if err != nil {
				return netlink.Message{}, err
			}
			if !ok {
				break
			}
			b = rest
			if m.seq != seq {
				continue
			}
			if m.typ == netlink.Error {
				if err := replyError(&m); err != nil {
					return netlink.Message{}, err
				}
			}
			answer := m.netlink()
			answer.Data = append([]byte(nil), m.data...)
			return answer, nil
		}
	}
}
