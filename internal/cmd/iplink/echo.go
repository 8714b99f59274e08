package iplink

import (
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// execEcho sends a request with NLM_F_ECHO, as ip -echo does
// (rtnl_echo_talk): the kernel's first answer is printed like a listed link
// (without the link mode and queue length, as ip monitor prints it). When
// the kernel echoes nothing (a change to an existing link), the answer is
// the acknowledgement, which prints nothing (an empty object in JSON).
func execEcho(env *cli.Env, c *rtnl.Conn, msgType uint16, flags netlink.HeaderFlags, body []byte) error {
	answer, err := c.Echo(netlink.HeaderType(msgType), flags, body)
	if err != nil {
		return err
	}
	names := env.LinkNames()
	defer names.Close()
	if !env.InBatch {
		// under -batch the cache is iproute2's, which an echo does not fill
		names.RememberMsg(answer)
	}
	p := env.P
	p.Begin()
	p.OpenObject("")
	NewMessagePrinter(env, names).Print(uint16(answer.Header.Type), answer.Data)
	p.CloseObject()
	p.End()
	return nil
}
