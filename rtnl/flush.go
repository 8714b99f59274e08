package rtnl

import (
	"context"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FlushBufferSize is the size of the datagrams iproute2's flushes fill
// with deletions before sending them: their buffer of 4096-512 bytes.
const FlushBufferSize = 4096 - 512

// iproute2RcvBuf is the receive buffer iproute2 asks for on its rtnetlink
// sockets.
const iproute2RcvBuf = 1 << 20

// SendCheckPeekSize is how much of the first queued answer a Flusher looks
// at after each send (iproute2's rtnl_send_check reads 1024 bytes).
const SendCheckPeekSize = 1024

// Flusher sends many requests of one type, the deletions of a flush,
// packed into datagrams of at most a given size and without asking for
// acknowledgements, as iproute2's flushes do: requests are added while a
// dump is read (from inside the callback of the Flusher's Dump), a
// datagram goes out when the next request would not fit, and Send sends
// the rest once the dump has ended. Memory stays at one datagram and one
// receive buffer whatever the number of requests.
//
// The Flusher's Dump reads a dump as iproute2 does: one datagram at a
// time, on the caller's goroutine, peeking at each before receiving it.
// Every receive, a peek too, has the kernel build the dump's next part
// while the socket's receive buffer has room, so which deletions a part
// sees depends on that sequence of calls. That matters beyond timing:
// some tables (addresses, neighbours) are dumped by position, and
// deleting entries under a dump makes it pass over others, which the next
// round finds; the same interleaving gives the same rounds.
//
// After each send the Flusher looks at the first answer already queued
// on the socket, without waiting and without taking it off (iproute2's
// rtnl_send_check): the kernel handles the requests during the send, so a
// refusal of one of them is queued by the time the send returns, unless
// something else (the rest of a dump being read) is queued first. An
// NLMSG_ERROR there is the send's error, as *Error. Refusals stay on the
// socket; a later Dump passes over them, as iproute2's does.
//
// A Flusher belongs to its Conn and shares its sequence numbers; like
// the Conn it is not safe for concurrent use.
type Flusher struct {
	c     *Conn
	typ   netlink.HeaderType
	limit int
	buf   []byte // the datagram being filled; its length is the end of the last request
	peek  []byte
	send  func(b []byte) error // sendCheck; tests collect the datagrams instead
}

// NewFlusher returns a Flusher of requests of type typ in datagrams of at
// most limit bytes (FlushBufferSize for iproute2's flushes). A single
// request larger than limit goes out alone.
//
// It sets the socket's receive buffer as iproute2 does (SO_RCVBUF of
// 1 MiB, which the kernel caps at net.core.rmem_max): the kernel builds a
// dump ahead of the reader until half of that buffer is taken, so the
// buffer decides which deletions a dump's later parts see.
func (c *Conn) NewFlusher(typ netlink.HeaderType, limit int) *Flusher {
	_ = unix.SetsockoptInt(c.fd, unix.SOL_SOCKET, unix.SO_RCVBUF, iproute2RcvBuf)
	return &Flusher{c: c, typ: typ, limit: limit, buf: make([]byte, 0, limit)}
}

// Dump sends a dump request and calls fn for each message as it arrives,
// as Conn.Dump does, but receiving each datagram only after fn has seen
// every message of the previous one (see Flusher). fn's message aliases
// the receive buffer and is valid only during the call.
func (f *Flusher) Dump(typ netlink.HeaderType, body []byte, fn func(netlink.Message) error) error {
	seq, err := f.c.send(typ, netlink.Request|netlink.Dump, body)
	if err != nil {
		return err
	}
	d := dump{c: f.c, seq: seq, fn: fn}
	for {
		// Peeking first, as iproute2 does, is not only for the size:
		// every receive, a peek too, lets the kernel build the next
		// part of the dump.
		b, err := f.c.recv(&f.c.bufs[0], true)
		if err != nil {
			return err
		}
		done, err := d.deliver(b)
		if err != nil || done {
			if err == nil {
				err = d.fnErr
			}
			if err == nil && d.intr && f.c.Interrupted != nil {
				f.c.Interrupted()
			}
			return err
		}
	}
}

// DumpContext is Dump under ctx: when ctx ends during the dump, fn is not
// called again and ctx's error is returned.
func (f *Flusher) DumpContext(ctx context.Context, typ netlink.HeaderType, body []byte, fn func(netlink.Message) error) error {
	done, err := f.c.watch(ctx)
	if err != nil {
		return err
	}
	if done == nil {
		return f.Dump(typ, body, fn)
	}
	return done(f.Dump(typ, body, func(m netlink.Message) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(m)
	}))
}

// Add queues a request with body and a header of its own (port id 0),
// sending the datagram first when the request would take it past the
// limit; an error is that send's, and the request is then not queued.
func (f *Flusher) Add(body []byte) error { return f.add(0, body) }

// AddReply queues a request made of message m, a reply the kernel sent
// this socket (a dumped object): its header keeps m's port id and gets
// the Flusher's type, the flag NLM_F_REQUEST alone and the next sequence
// number, as iproute2's flushes turn each dumped object into its deletion.
// m may alias a receive buffer: it is copied. Otherwise as Add.
func (f *Flusher) AddReply(m netlink.Message) error { return f.add(m.Header.PID, m.Data) }

func (f *Flusher) add(pid uint32, body []byte) error {
	start := (len(f.buf) + 3) &^ 3
	n := hdrLen + len(body)
	if start+n > f.limit && len(f.buf) > 0 {
		if err := f.Send(); err != nil {
			return err
		}
		start = 0
	}
	for len(f.buf) < start {
		f.buf = append(f.buf, 0)
	}
	f.c.seq++
	b := ne.AppendUint32(f.buf, uint32(n))
	b = ne.AppendUint16(b, uint16(f.typ))
	b = ne.AppendUint16(b, uint16(netlink.Request))
	b = ne.AppendUint32(b, f.c.seq)
	b = ne.AppendUint32(b, pid)
	f.buf = append(b, body...)
	return nil
}

// Send sends the requests queued so far in one datagram, if there are
// any, and reports a refusal queued first on the socket (see Flusher).
func (f *Flusher) Send() error {
	if len(f.buf) == 0 {
		return nil
	}
	b := f.buf
	f.buf = f.buf[:0]
	if f.send != nil {
		return f.send(b)
	}
	return f.sendCheck(b)
}

// sendCheck is rtnl_send_check: send datagram b, then look at the first
// answer queued on the socket.
func (f *Flusher) sendCheck(b []byte) error {
	var serr error
	err := f.c.rc.Write(func(fd uintptr) bool {
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
	if f.peek == nil {
		f.peek = make([]byte, SendCheckPeekSize)
	}
	var n int
	var rerr error
	err = f.c.rc.Control(func(fd uintptr) {
		for {
			n, rerr = recvfrom(int(fd), f.peek, unix.MSG_PEEK|unix.MSG_DONTWAIT)
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
	return firstError(f.peek[:min(n, len(f.peek))])
}

// firstError is the refusal among the messages of datagram b, nil when
// none is an NLMSG_ERROR. A message cut short by the end of b ends the
// search, as NLMSG_OK does.
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
