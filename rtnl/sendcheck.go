package rtnl

import (
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// SendCheckPeekSize is how much of the first queued answer SendUnacked
// looks at (iproute2's rtnl_send_check reads 1024 bytes).
const SendCheckPeekSize = 1024

// SendUnacked sends the requests bodies of type typ in one datagram, each
// with the next sequence number and without asking for an
// acknowledgement, then looks at the first answer already queued on the
// socket without waiting for one and without taking it off the socket: an
// NLMSG_ERROR there is returned as *Error. This is iproute2's
// rtnl_send_check, with which its flushes send their deletions in batches.
// The kernel handles the requests while they are sent, so a refusal is
// queued by the time the send returns; a refusal stays on the socket,
// where a later dump passes over it.
func (c *Conn) SendUnacked(typ netlink.HeaderType, bodies [][]byte) error {
	var b []byte
	for _, body := range bodies {
		c.seq++
		n := hdrLen + len(body)
		aligned := (n + 3) &^ 3
		b = ne.AppendUint32(b, uint32(aligned))
		b = ne.AppendUint16(b, uint16(typ))
		b = ne.AppendUint16(b, uint16(netlink.Request))
		b = ne.AppendUint32(b, c.seq)
		b = ne.AppendUint32(b, 0)
		b = append(b, body...)
		b = append(b, make([]byte, aligned-n)...)
	}
	if len(b) == 0 {
		return nil
	}
	var serr error
	err := c.rc.Write(func(fd uintptr) bool {
		for {
			serr = sendto(int(fd), b)
			if serr != unix.EINTR {
				return serr != unix.EAGAIN
			}
		}
	})
	if err == nil {
		err = serr
	}
	if err != nil {
		return sysError(err)
	}
	buf := make([]byte, SendCheckPeekSize)
	var n int
	var rerr error
	err = c.rc.Control(func(fd uintptr) {
		for {
			n, rerr = recvfrom(int(fd), buf, unix.MSG_PEEK|unix.MSG_DONTWAIT)
			if rerr != unix.EINTR {
				return
			}
		}
	})
	if err == nil {
		err = rerr
	}
	if err == unix.EAGAIN {
		return nil
	}
	if err != nil {
		return sysError(err)
	}
	return firstError(buf[:n])
}

// firstError is the refusal among the messages of datagram b, nil when
// none is an NLMSG_ERROR.
func firstError(b []byte) error {
	for len(b) >= hdrLen {
		l := int(ne.Uint32(b))
		if l < hdrLen || l > len(b) {
			return nil
		}
		if ne.Uint16(b[4:]) == unix.NLMSG_ERROR {
			if l < hdrLen+unix.SizeofNlMsgerr {
				return &Error{Errno: unix.EIO}
			}
			return &Error{Errno: unix.Errno(-int32(ne.Uint32(b[hdrLen:])))}
		}
		b = b[min((l+3)&^3, len(b)):]
	}
	return nil
}
