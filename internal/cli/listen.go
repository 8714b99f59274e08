package cli

import (
	"errors"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Listen hands every notification s receives to accept until something
// ends it, as iproute2's rtnl_listen does for ip monitor and bridge
// monitor: a receive error is printed with iproute2's words, an ENOBUFS
// overrun (events the kernel dropped) and a truncated datagram are
// reported and listening goes on, anything else ends the monitor with
// iproute2's status. When accept returns stop (a printer's -1 in
// iproute2), the monitor ends with status 2 and no message.
func Listen(env *Env, s *rtnl.Subscription, accept func(h netlink.Header, body []byte, nsid int) error, stop error) error {
	for {
		if err := s.Receive(accept); err != nil {
			if err := listenError(env, err, stop); err != nil {
				return err
			}
		}
	}
}

// listenError reports a failed receive as rtnl_listen does and returns
// the monitor's end, or nil to go on. It is Listen's loop body for errors
// only: the targets errors.As takes escape to the heap, and declared in
// the loop they cost three allocations per datagram.
func listenError(env *Env, err error, stop error) error {
	var errno unix.Errno
	var mal *rtnl.MalformedError
	var rem *rtnl.RemnantError
	switch {
	case errors.As(err, &errno):
		env.Warnf("netlink receive error %s (%d)\n", rtnl.Strerror(errno), int(errno))
		if errno != unix.ENOBUFS {
			return cmdline.Silent(cmdline.StatusRefused)
		}
	case errors.Is(err, rtnl.ErrMessageTruncated):
		env.Warnf("%s\n", err)
	case errors.Is(err, rtnl.ErrTruncatedMessage):
		env.Warnf("%s\n", err)
		return cmdline.Silent(cmdline.StatusRefused)
	case errors.As(err, &mal), errors.As(err, &rem):
		env.Warnf("%s\n", err)
		return cmdline.Silent(cmdline.StatusFailed)
	case stop != nil && errors.Is(err, stop):
		return cmdline.Silent(cmdline.StatusRefused)
	default:
		env.Warnf("netlink receive error %s\n", err)
		return cmdline.Silent(cmdline.StatusRefused)
	}
	return nil
}
