package rtnl

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

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

// Conn is an rtnetlink socket in one network namespace, opened by Dial,
// DialNetNS or DialNetNSPath. It is not safe for concurrent use.
type Conn struct {
	fd int
	rc syscall.RawConn // blockingConn{fd}, or f's once the poller has it
	f  *os.File        // the socket in Go's runtime poller (nil: not there)

	// Interrupted, when set, is called at the end of every Dump,
	// DumpAhead or DumpContext the kernel flagged as inconsistent
	// (NLM_F_DUMP_INTR: the table changed while it was read). iproute2
	// only warns about such a dump and uses it whole, so the dump itself
	// still succeeds. Messages yields ErrDumpInterrupted instead.
	Interrupted func()

	// Warn, when set, prints a line to stderr: what libnetlink prints
	// on its way (addattr_l's "message exceeded bound") and goes on.
	Warn func(line string)

	// ExactLength, when set, sends a request whose body is not a
	// multiple of 4 bytes long as it is: nlmsg_len counts the body's bytes
	// and no padding follows, as libnetlink sends a request that is a
	// bare struct of odd size (NLMSG_LENGTH(sizeof(struct))): xfrm's
	// xfrm_usersa_flush (17 bytes) and xfrm_userpolicy_default (19).
	// Unset, every request is padded to 4 bytes and nlmsg_len counts the
	// padding. The kernel reads either.
	ExactLength bool

	seq uint32
	// errMsgRefusal is the refusal that ended the last request, a dump,
	// when the kernel sent it as NLMSG_ERROR rather than in NLMSG_DONE.
	errMsgRefusal *Error
	sbuf          []byte                  // the request being sent
	bufs          [inlineDatagrams][]byte // receive buffers of requests and a dump's first datagrams
	pipe          [][]byte                // the receiver's buffers, kept for the next dump
}

// Dial opens an rtnetlink socket in the network namespace that the open
// file descriptor nsFD refers to (a namespace file: /run/netns/NAME,
// /proc/PID/ns/net), or in the caller's namespace when nsFD is negative.
// The caller keeps nsFD and may close it once Dial returns: the socket
// stays in that namespace. Extended acknowledgements are turned on, so the
// kernel's reasons reach Error.Msg. A failure is the system call's error,
// which wraps its errno (errors.Is(err, unix.EPERM) works).
func Dial(nsFD int) (*Conn, error) { return DialProto(nsFD, unix.NETLINK_ROUTE) }

// DialNetNS is Dial in the network namespace named name, as ip netns
// names them: the file /run/netns/NAME.
func DialNetNS(name string) (*Conn, error) {
	if name == "" || name == "." || name == ".." || strings.ContainsRune(name, '/') {
		return nil, &os.PathError{Op: "open", Path: filepath.Join(NetNSDir, name), Err: unix.EINVAL}
	}
	return DialNetNSPath(filepath.Join(NetNSDir, name))
}

// NetNSDir is where named network namespaces are mounted.
const NetNSDir = "/run/netns"

// DialNetNSPath is Dial in the network namespace the file at path refers
// to (/run/netns/NAME, /proc/PID/ns/net, a bind mount of either). A path
// that cannot be opened fails with its *os.PathError.
func DialNetNSPath(path string) (*Conn, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Dial(int(f.Fd()))
}

// DialProto is Dial for another netlink protocol (NETLINK_GENERIC).
func DialProto(nsFD, proto int) (*Conn, error) {
	fd, err := openSocket(nsFD, proto)
	if err != nil {
		return nil, err
	}
	// Without extended acks the kernel's reasons are lost; an old kernel
	// without them still works, so failure here is not fatal.
	_ = setBoolOption(fd, unix.NETLINK_EXT_ACK, true)
	// Sequence numbers start from the clock, as iproute2's do.
	return &Conn{fd: fd, rc: blockingConn{fd}, seq: uint32(time.Now().Unix())}, nil
}

// DumpErrorMessage returns the refusal that ended the last request sent,
// when that was a dump and the kernel refused it with an NLMSG_ERROR
// message rather than in its NLMSG_DONE; nil otherwise. iproute2 reports
// the two kinds from different places (rtnl_dump_error and
// rtnl_dump_done), and a handle of ip's that `ip netconf` has listed
// through stops reporting the first kind.
func (c *Conn) DumpErrorMessage() *Error { return c.errMsgRefusal }

// Close closes the socket.
func (c *Conn) Close() error {
	if c.f != nil {
		return c.f.Close()
	}
	return os.NewSyscallError("close", unix.Close(c.fd))
}

// SetStrict turns on strict checking of dump requests, which lets the kernel
// filter dumps by the fields set in the request header.
func (c *Conn) SetStrict(on bool) error {
	return setBoolOption(c.fd, unix.NETLINK_GET_STRICT_CHK, on)
}

// Exec sends one request and waits for the kernel's acknowledgement.
func (c *Conn) Exec(typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) error {
	seq, err := c.send(typ, netlink.Request|netlink.Acknowledge|flags, body)
	if err != nil {
		return err
	}
	// The acknowledgement of an error echoes the request: make room.
	if need := hdrLen + 4 + hdrLen + len(body) + 4096; len(c.bufs[0]) < need {
		c.bufs[0] = make([]byte, max(need, recvBufSize))
	}
	for {
		b, err := c.recv(&c.bufs[0], false)
		if err != nil {
			return err
		}
		for {
			m, rest, ok, err := next(b)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			b = rest
			if m.seq == seq && m.typ == netlink.Error {
				return replyError(&m)
			}
		}
	}
}

// Query sends one request and returns the kernel's single reply (a GET for
// one object). The reply is the caller's to keep.
func (c *Conn) Query(typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) (netlink.Message, error) {
	seq, err := c.send(typ, netlink.Request|flags, body)
	if err != nil {
		return netlink.Message{}, err
	}
	var reply netlink.Message
	found := false
	for {
		b, err := c.recv(&c.bufs[0], true)
		if err != nil {
			return netlink.Message{}, err
		}
		more := false
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
			if m.typ == netlink.Error || (m.typ == netlink.Done && m.flags&netlink.Multi != 0) {
				if err := replyError(&m); err != nil {
					return netlink.Message{}, err
				}
				if m.typ == netlink.Done {
					more = false
					break
				}
			}
			if m.flags&netlink.Multi != 0 {
				more = true
			}
			if !found {
				found = true
				reply = m.netlink()
				reply.Data = append([]byte(nil), m.data...)
			}
		}
		if found && !more {
			return reply, nil
		}
	}
}

// DumpInterruptedText is iproute2's warning about a dump the kernel flagged
// as inconsistent, without its newline.
const DumpInterruptedText = "Dump was interrupted and may be inconsistent."

// Dump sends a dump request and calls fn for each message as it arrives. The
// message's Data is only valid during the call. After fn returns an error the
// rest of the dump is read and dropped, so the socket stays usable, and that
// error is returned. A dump the kernel flagged as interrupted is a
// successful one, reported through c.Interrupted.
func (c *Conn) Dump(typ netlink.HeaderType, body []byte, fn func(netlink.Message) error) error {
	return c.DumpAhead(typ, body, nil, fn)
}

// DumpAhead is Dump with a look-ahead: before fn is called for a message,
// ahead has been called for every message of the same datagram and of the
// next one (a dump arrives in datagrams of up to 32 KiB). A link listing
// uses it to learn the names of links printed before the ones they refer
// to, as iproute2 knows every name by reading the whole dump first.
func (c *Conn) DumpAhead(typ netlink.HeaderType, body []byte, ahead func(netlink.Message), fn func(netlink.Message) error) error {
	seq, err := c.send(typ, netlink.Request|netlink.Dump, body)
	if err != nil {
		return err
	}
	d := c.newDump(typ, seq)
	d.fn, d.ahead = fn, ahead
	return d.run()
}

// newDump returns the receiving side of dump seq of message type typ.
func (c *Conn) newDump(typ netlink.HeaderType, seq uint32) dump {
	peek := typ == unix.RTM_GETLINK
	return dump{c: c, seq: seq, recv: func(buf *[]byte) ([]byte, error) { return c.recv(buf, peek) }}
}

type dump struct {
	c     *Conn
	seq   uint32
	fn    func(netlink.Message) error
	ahead func(netlink.Message)
	recv  func(buf *[]byte) ([]byte, error) // the next datagram, into *buf
	fnErr error
	intr  bool // the kernel flagged the dump NLM_F_DUMP_INTR
	quiet bool // leave intr to the caller: no c.Interrupted call
}

// run receives and delivers the dump, through a source that hands a large
// dump over to a receiver goroutine (see source).
func (d *dump) run() error {
	src := source{c: d.c, seq: d.seq, recv: d.recv}
	cur, err := src.next()
	if err != nil {
		return err
	}
	if d.ahead != nil {
		d.scan(cur.b)
	}
	for {
		var nxt datagram
		if !cur.last && d.ahead != nil {
			if nxt, err = src.next(); err != nil {
				return err
			}
			d.scan(nxt.b)
		}
		done, err := d.deliver(cur.b)
		if err != nil || done || cur.last {
			if err == nil {
				err = d.fnErr
			}
			if err == nil && d.intr && !d.quiet && d.c.Interrupted != nil {
				d.c.Interrupted()
			}
			return err
		}
		src.release(cur)
		if d.ahead == nil {
			if nxt, err = src.next(); err != nil {
				return err
			}
		}
		cur = nxt
	}
}

// endsDump reports whether datagram b holds the end of dump seq (its
// NLMSG_DONE or NLMSG_ERROR), or is malformed, which ends it too. It runs
// on the receiver's thread, the one the kernel builds the dump on, for
// every datagram, so it reads only what it needs of each header.
func endsDump(b []byte, seq uint32) bool {
	for len(b) >= hdrLen {
		l := int(ne.Uint32(b))
		if l < hdrLen || l > len(b) {
			return true
		}
		if t := netlink.HeaderType(ne.Uint16(b[4:])); (t == netlink.Done || t == netlink.Error) && ne.Uint32(b[8:]) == seq {
			return true
		}
		a := (l + 3) &^ 3
		if a >= len(b) {
			return false
		}
		b = b[a:]
	}
	return false
}

// scan shows the messages of datagram b to ahead.
func (d *dump) scan(b []byte) {
	for {
		m, rest, ok, err := next(b)
		if err != nil || !ok {
			return
		}
		b = rest
		if m.seq != d.seq {
			continue
		}
		if m.typ == netlink.Done || m.typ == netlink.Error {
			return
		}
		d.ahead(m.netlink())
	}
}

// deliver calls fn for the messages of datagram b and reports whether b
// ended the dump, with the error its end carried.
func (d *dump) deliver(b []byte) (bool, error) {
	for {
		m, rest, ok, err := next(b)
		if err != nil || !ok {
			return false, err
		}
		b = rest
		if m.seq != d.seq {
			continue
		}
		if m.flags&netlink.DumpInterrupted != 0 {
			d.intr = true
		}
		if m.typ == netlink.Done || m.typ == netlink.Error {
			err := replyError(&m)
			if e, ok := err.(*Error); ok && m.typ == netlink.Error {
				d.c.errMsgRefusal = e
			}
			if err != nil && d.fnErr != nil {
				err = d.fnErr
			}
			return true, err
		}
		if d.fnErr == nil {
			d.fnErr = d.fn(m.netlink())
		}
	}
}
