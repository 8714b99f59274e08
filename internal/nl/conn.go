// Package nl is gip's thin layer over mdlayher/netlink for rtnetlink: dial in
// a namespace, send a request and wait for its acknowledgement, stream a dump
// one message at a time, and turn kernel errors into iproute2's wording.
package nl

import (
	"errors"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Request flags, re-exported so callers need not import netlink for them.
const (
	Create  = netlink.Create
	Excl    = netlink.Excl
	Replace = netlink.Replace
	Append  = netlink.Append
)

// Conn is an rtnetlink socket.
type Conn struct {
	c *netlink.Conn
}

// Dial opens an rtnetlink socket in the network namespace nsFD refers to, or
// in the calling thread's namespace when nsFD is negative. Extended acks are
// on, so kernel error text reaches the user.
func Dial(nsFD int) (*Conn, error) {
	cfg := &netlink.Config{}
	if nsFD >= 0 {
		cfg.NetNS = nsFD
	}
	c, err := netlink.Dial(unix.NETLINK_ROUTE, cfg)
	if err != nil {
		return nil, err
	}
	// Without extended acks the kernel's reasons are lost; an old kernel
	// without them still works, so failure here is not fatal.
	_ = c.SetOption(netlink.ExtendedAcknowledge, true)
	return &Conn{c: c}, nil
}

// Close closes the socket.
func (c *Conn) Close() error { return c.c.Close() }

// SetStrict turns on strict checking of dump requests, which lets the kernel
// filter dumps by the fields set in the request header.
func (c *Conn) SetStrict(on bool) error { return c.c.SetOption(netlink.GetStrictCheck, on) }

// Raw is the underlying netlink connection, for the few callers that need
// multicast groups or socket options.
func (c *Conn) Raw() *netlink.Conn { return c.c }

// Exec sends one request and waits for the kernel's acknowledgement.
func (c *Conn) Exec(typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) error {
	_, err := c.c.Execute(netlink.Message{
		Header: netlink.Header{Type: typ, Flags: netlink.Request | netlink.Acknowledge | flags},
		Data:   body,
	})
	return convert(err)
}

// Query sends one request and returns the kernel's single reply (a GET for
// one object).
func (c *Conn) Query(typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) (netlink.Message, error) {
	msgs, err := c.c.Execute(netlink.Message{
		Header: netlink.Header{Type: typ, Flags: netlink.Request | flags},
		Data:   body,
	})
	if err != nil {
		return netlink.Message{}, convert(err)
	}
	if len(msgs) == 0 {
		return netlink.Message{}, &Error{Errno: unix.ENODATA}
	}
	return msgs[0], nil
}

// ErrDumpInterrupted is returned after a dump the kernel flagged as
// inconsistent (NLM_F_DUMP_INTR); every message was still delivered.
var ErrDumpInterrupted = errors.New("Dump was interrupted and may be inconsistent.")

// Dump sends a dump request and calls fn for each message as it arrives. The
// message's Data is only valid during the call. After fn returns an error the
// rest of the dump is read and dropped, so the socket stays usable, and that
// error is returned.
func (c *Conn) Dump(typ netlink.HeaderType, body []byte, fn func(netlink.Message) error) error {
	req, err := c.c.Send(netlink.Message{
		Header: netlink.Header{Type: typ, Flags: netlink.Request | netlink.Dump},
		Data:   body,
	})
	if err != nil {
		return convert(err)
	}
	var fnErr error
	intr := false
	for m, err := range c.c.ReceiveIter() {
		if err != nil {
			if fnErr != nil {
				return fnErr
			}
			return convert(err)
		}
		if m.Header.Sequence != req.Header.Sequence {
			continue
		}
		if m.Header.Flags&netlink.DumpInterrupted != 0 {
			intr = true
		}
		if fnErr == nil {
			fnErr = fn(m)
		}
	}
	if fnErr != nil {
		return fnErr
	}
	if intr {
		return ErrDumpInterrupted
	}
	return nil
}

// Error is a request the kernel refused.
type Error struct {
	Errno unix.Errno
	Msg   string // the extended ack text, if the kernel sent one
}

// Error renders the failure as iproute2 prints it: the kernel's own text as
// "Error: TEXT." when there is one, else "RTNETLINK answers: STRERROR".
func (e *Error) Error() string {
	if e.Msg != "" {
		m := e.Msg
		if m[len(m)-1] != '.' {
			m += "."
		}
		return "Error: " + m
	}
	return "RTNETLINK answers: " + Strerror(e.Errno)
}

// Unwrap exposes the errno, so errors.Is(err, unix.EEXIST) works.
func (e *Error) Unwrap() error { return e.Errno }

func convert(err error) error {
	if err == nil {
		return nil
	}
	var op *netlink.OpError
	if errors.As(err, &op) {
		var errno unix.Errno
		if errors.As(op.Err, &errno) {
			return &Error{Errno: errno, Msg: op.Message}
		}
	}
	return err
}

// Strerror is glibc's strerror text for errno (Go's table is the same text
// with a lower-case first letter).
func Strerror(errno unix.Errno) string {
	s := errno.Error()
	if s == "" {
		return s
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	return s
}

// IsErrno reports whether err is the kernel refusal errno.
func IsErrno(err error, errno unix.Errno) bool {
	var e *Error
	return errors.As(err, &e) && e.Errno == errno
}
