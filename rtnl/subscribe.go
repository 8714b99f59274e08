package rtnl

import (
	"errors"
	"fmt"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Subscription is an rtnetlink socket joined to multicast groups, read
// one datagram at a time (iproute2's rtnl_open with groups and
// rtnl_listen). It is not safe for concurrent use.
type Subscription struct {
	c       *netlink.Conn
	buf     []byte
	oob     []byte
	allNSID bool
}

// listenBufSize is rtnl_listen's receive buffer: a longer datagram is
// reported as truncated, as iproute2 reports it.
const listenBufSize = 16384

// DefaultRcvBuf is the socket receive buffer iproute2 asks for (-rcvbuf
// changes it).
const DefaultRcvBuf = 1024 * 1024

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
	cfg := &netlink.Config{Groups: mask}
	if nsFD >= 0 {
		cfg.NetNS = nsFD
	}
	c, err := netlink.Dial(proto, cfg)
	if err != nil {
		return nil, err
	}
	if rcvbuf <= 0 {
		rcvbuf = DefaultRcvBuf
	}
	// iproute2 ignores a refused size (it only warns on SO_SNDBUF).
	_ = c.SetReadBuffer(rcvbuf)
	return &Subscription{c: c, buf: make([]byte, listenBufSize)}, nil
}

// Join adds group g (an RTNLGRP number, those above 32 included) with
// NETLINK_ADD_MEMBERSHIP.
func (s *Subscription) Join(g uint32) error {
	if err := s.c.JoinGroup(g); err != nil {
		return sysError(err)
	}
	return nil
}

// ListenAllNSID asks for the notifications of every namespace that has an
// id in this one (NETLINK_LISTEN_ALL_NSID); each message then comes with
// the id of its namespace.
func (s *Subscription) ListenAllNSID() error {
	if err := s.c.SetOption(netlink.ListenAllNSID, true); err != nil {
		return sysError(err)
	}
	s.allNSID = true
	s.oob = make([]byte, unix.CmsgSpace(4)*4)
	return nil
}

// Close closes the socket.
func (s *Subscription) Close() error { return s.c.Close() }

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
	rc, err := s.c.SyscallConn()
	if err != nil {
		return err
	}
	var n, oobn, flags int
	var rerr error
	err = rc.Read(func(fd uintptr) bool {
		for {
			n, oobn, flags, _, rerr = unix.Recvmsg(int(fd), s.buf, s.oob, 0)
			if rerr != unix.EINTR {
				return rerr != unix.EAGAIN
			}
		}
	})
	if err == nil {
		err = rerr
	}
	if err != nil {
		var errno unix.Errno
		if errors.As(err, &errno) {
			return errno
		}
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
