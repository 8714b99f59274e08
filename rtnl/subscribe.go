package rtnl

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Subscription is an rtnetlink socket joined to multicast groups, read
// one datagram at a time (iproute2's rtnl_open with groups and
// rtnl_listen). It is not safe for concurrent use.
//
// Its socket is blocking, as iproute2's is, and read with one recvmsg per
// datagram: under churn the kernel queues one notification per datagram,
// and Go's runtime poller would add an EAGAIN receive and an epoll_wait
// to most of them, time in which the socket's queue fills towards an
// overrun. The message header, its vector and the buffers are the
// Subscription's own, so a receive allocates nothing.
type Subscription struct {
	fd      int
	buf     []byte
	oob     []byte
	allNSID bool
	msg     unix.Msghdr
	iov     unix.Iovec
	from    unix.RawSockaddrNetlink
}

// listenBufSize is rtnl_listen's receive buffer: a longer datagram is
// reported as truncated, as iproute2 reports it.
const listenBufSize = 16384

// DefaultRcvBuf is the socket receive buffer iproute2 asks for (-rcvbuf
// changes it).
const DefaultRcvBuf = 1024 * 1024

// iproute2SndBuf is the send buffer rtnl_open asks for.
const iproute2SndBuf = 32768

// Subscribe opens a socket in the namespace open at nsFD (-1: the current
// one), joined to the groups set in mask (bit g-1 is RTNLGRP g, the
// legacy nl_groups bind), with a receive buffer of rcvbuf bytes (0:
// DefaultRcvBuf).
func Subscribe(nsFD int, mask uint32, rcvbuf int) (*Subscription, error) {
	return SubscribeProto(nsFD, unix.NETLINK_ROUTE, mask, rcvbuf)
}

// SubscribeProto is Subscribe for another netlink protocol
// (NETLINK_XFRM, whose groups mask names; NETLINK_GENERIC, whose groups
// are joined with Join).
func SubscribeProto(nsFD, proto int, mask uint32, rcvbuf int) (*Subscription, error) {
	if rcvbuf <= 0 {
		rcvbuf = DefaultRcvBuf
	}
	// rtnl_open's options, before its bind, and as it sets them: a
	// plain SO_RCVBUF, which net.core.rmem_max caps, and no error
	// reported for a refused size.
	fd, err := openSocketGroups(nsFD, proto, mask, func(fd int) {
		_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_SNDBUF, iproute2SndBuf)
		_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, rcvbuf)
		_ = unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_EXT_ACK, 1)
	})
	if err != nil {
		return nil, err
	}
	return &Subscription{fd: fd, buf: make([]byte, listenBufSize)}, nil
}

// Join adds group g (an RTNLGRP number, those above 32 included) with
// NETLINK_ADD_MEMBERSHIP.
func (s *Subscription) Join(g uint32) error {
	if err := unix.SetsockoptInt(s.fd, unix.SOL_NETLINK, unix.NETLINK_ADD_MEMBERSHIP, int(g)); err != nil {
		return sysError(err)
	}
	return nil
}

// ListenAllNSID asks for the notifications of every namespace that has an
// id in this one (NETLINK_LISTEN_ALL_NSID); each message then comes with
// the id of its namespace.
func (s *Subscription) ListenAllNSID() error {
	if err := unix.SetsockoptInt(s.fd, unix.SOL_NETLINK, unix.NETLINK_LISTEN_ALL_NSID, 1); err != nil {
		return sysError(err)
	}
	s.allNSID = true
	s.oob = make([]byte, unix.CmsgSpace(4)*4)
	return nil
}

// Close closes the socket.
func (s *Subscription) Close() error {
	if s.fd < 0 {
		return nil
	}
	err := unix.Close(s.fd)
	s.fd = -1
	return err
}

// recv is one blocking recvmsg into the Subscription's buffers (EINTR
// retried): the datagram's length, the control data's and the flags.
// unix.Recvmsg would allocate the sender's address on every call.
func (s *Subscription) recv() (n, oobn, flags int, err error) {
	s.iov.Base = &s.buf[0]
	s.iov.SetLen(len(s.buf))
	s.msg = unix.Msghdr{
		Name:    (*byte)(unsafe.Pointer(&s.from)),
		Namelen: unix.SizeofSockaddrNetlink,
		Iov:     &s.iov,
	}
	s.msg.SetIovlen(1)
	if len(s.oob) > 0 {
		s.msg.Control = &s.oob[0]
		s.msg.SetControllen(len(s.oob))
	}
	// A datagram already queued (the rule under churn) is taken with a
	// raw, non-blocking call: a plain syscall tells the scheduler the
	// thread may block, and its monitor thread then wakes every 20µs
	// to take the processor back, which cost more CPU than the printing.
	// Only an empty queue waits, in a plain blocking call.
	wait := uintptr(unix.MSG_DONTWAIT)
	for {
		var r uintptr
		var e unix.Errno
		if wait != 0 {
			r, _, e = unix.RawSyscall(unix.SYS_RECVMSG, uintptr(s.fd), uintptr(unsafe.Pointer(&s.msg)), wait)
		} else {
			r, _, e = unix.Syscall(unix.SYS_RECVMSG, uintptr(s.fd), uintptr(unsafe.Pointer(&s.msg)), 0)
		}
		switch e {
		case 0:
			return int(r), int(s.msg.Controllen), int(s.msg.Flags), nil
		case unix.EINTR:
			continue
		case unix.EAGAIN:
			if wait != 0 {
				wait = 0
				continue
			}
		}
		return 0, 0, 0, e
	}
}

// Errors Receive reports about a datagram, in iproute2's words (the
// caller decides whether to go on, as rtnl_listen does).
var (
	// ErrTruncatedMessage: a message runs past a truncated datagram.
	ErrTruncatedMessage = errors.New("Truncated message")
	// ErrMessageTruncated: the datagram was cut short after whole
	// messages; they were delivered.
	ErrMessageTruncated = errors.New("Message truncated")
)

// MalformedError is a message whose length field does not fit its
// datagram.
type MalformedError struct{ Len int }

// Error is iproute2's "!!!malformed message" line.
func (e *MalformedError) Error() string { return fmt.Sprintf("!!!malformed message: len=%d", e.Len) }

// RemnantError is a datagram with bytes left over after its messages.
type RemnantError struct{ Size int }

// Error is iproute2's "!!!Remnant of size" line.
func (e *RemnantError) Error() string { return fmt.Sprintf("!!!Remnant of size %d", e.Size) }

// NSIDCurrent is the namespace id Receive gives a message from the
// socket's own namespace, or any message without ListenAllNSID.
const NSIDCurrent = -1

// Receive waits for one datagram and calls fn with each message in it:
// its header, its body (valid only during fn) and the id of the namespace
// it comes from. A failed receive is returned as the errno (ENOBUFS when
// the kernel dropped notifications because the socket was full: the
// socket stays usable). fn's first error stops the datagram and is
// returned.
func (s *Subscription) Receive(fn func(h netlink.Header, body []byte, nsid int) error) error {
	n, oobn, flags, err := s.recv()
	if err != nil {
		return err
	}
	nsid := NSIDCurrent
	if s.allNSID && oobn > 0 {
		if cms, err := unix.ParseSocketControlMessage(s.oob[:oobn]); err == nil {
			for _, cm := range cms {
				if cm.Header.Level == unix.SOL_NETLINK && cm.Header.Type == unix.NETLINK_LISTEN_ALL_NSID && len(cm.Data) >= 4 {
					nsid = int(int32(ne.Uint32(cm.Data)))
				}
			}
		}
	}
	b := s.buf[:n]
	for len(b) >= hdrLen {
		l := int(ne.Uint32(b))
		if l < hdrLen || l > len(b) {
			if flags&unix.MSG_TRUNC != 0 {
				return ErrTruncatedMessage
			}
			return &MalformedError{Len: l}
		}
		h := netlink.Header{
			Length:   uint32(l),
			Type:     netlink.HeaderType(ne.Uint16(b[4:])),
			Flags:    netlink.HeaderFlags(ne.Uint16(b[6:])),
			Sequence: ne.Uint32(b[8:]),
			PID:      ne.Uint32(b[12:]),
		}
		if err := fn(h, b[hdrLen:l], nsid); err != nil {
			return err
		}
		al := (l + 3) &^ 3
		if al > len(b) {
			al = len(b)
		}
		b = b[al:]
	}
	if flags&unix.MSG_TRUNC != 0 {
		return ErrMessageTruncated
	}
	if len(b) != 0 {
		return &RemnantError{Size: len(b)}
	}
	return nil
}
