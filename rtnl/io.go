package rtnl

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Requests and replies go straight through the socket's syscall.RawConn
// rather than through netlink.Conn's Send/Receive, for three reasons:
//
//   - mdlayher/socket starts a goroutine for every send and receive made
//     without a deadline (to watch the context), which wakes a second OS
//     thread around every system call;
//   - without Config.MessageBufferSize, netlink.Conn peeks at every datagram
//     with a zero-length buffer and then receives it into a buffer of
//     exactly that size. The kernel sizes the next part of a dump by the
//     largest buffer the socket has been read with (up to 32 KiB), so a
//     dump then arrives in ~4 KiB pieces: eight times the round trips;
//   - it allocates a fresh buffer per datagram.
//
// Here each Conn keeps two receive buffers and reuses them.

// recvBufSize is the buffer dumps are received into. It exceeds what the
// kernel puts in one dump datagram, SKB_WITH_OVERHEAD(32768) at most
// (netlink_recvmsg caps max_recvmsg_len there), except for link dumps,
// whose parts are at least as large as the largest single link message
// (cb->min_dump_alloc, from rtnl_calcit), which is unbounded with many
// VFs: link dumps and single replies are therefore peeked at first, and
// the buffer grows when a datagram needs it.
const recvBufSize = 64 << 10

const (
	hdrLen     = unix.SizeofNlMsghdr
	nlmCapped  = 0x100 // NLM_F_CAPPED
	nlmAckTLVs = 0x200 // NLM_F_ACK_TLVS
	errAttrMsg = 1     // NLMSGERR_ATTR_MSG
)

// errTruncated is a datagram larger than the buffer it was read into;
// peeking first makes it impossible, so it means a kernel surprise.
var errTruncated = errors.New("netlink message truncated")

var errBadLength = errors.New("netlink message has a bad length")

// AppendRequest appends the datagram of one request to b: the header
// (port id 0: the kernel fills it in) and body, padded to 4 bytes and
// counted with its padding unless exact (see Conn.ExactLength).
func AppendRequest(b []byte, typ netlink.HeaderType, flags netlink.HeaderFlags, seq uint32, body []byte, exact bool) []byte {
	start, n := len(b), hdrLen+len(body)
	if !exact {
		n = (n + 3) &^ 3
	}
	b = ne.AppendUint32(b, uint32(n))
	b = ne.AppendUint16(b, uint16(typ))
	b = ne.AppendUint16(b, uint16(flags))
	b = ne.AppendUint32(b, seq)
	b = ne.AppendUint32(b, 0)
	b = append(b, body...)
	for len(b)-start < n {
		b = append(b, 0)
	}
	return b
}

// send writes one request and returns its sequence number.
func (c *Conn) send(typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) (uint32, error) {
	c.seq++
	c.errMsgRefusal = nil
	seq := c.seq
	b := AppendRequest(c.sbuf[:0], typ, flags, seq, body, c.ExactLength)
	c.sbuf = b
	if c.f == nil {
		// The blocking socket: the system call itself, without a
		// closure handed to a RawConn, which would be allocated on
		// every request.
		for {
			err := sendto(c.fd, b)
			if err == nil {
				return seq, nil
			}
			if err != unix.EINTR {
				return 0, sysError(err)
			}
		}
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
		return 0, sysError(err)
	}
	return seq, nil
}

// recv receives one datagram into *buf and returns it. With peek it first
// asks the datagram's size and grows *buf to fit; without, a datagram
// larger than *buf is an error.
func (c *Conn) recv(buf *[]byte, peek bool) ([]byte, error) {
	if *buf == nil {
		*buf = make([]byte, recvBufSize)
	}
	if c.f == nil {
		return c.recvBlocking(buf, peek)
	}
	var n int
	var rerr error
	err := c.rc.Read(func(fd uintptr) bool {
		for {
			if peek {
				n, rerr = recvfrom(int(fd), nil, unix.MSG_PEEK|unix.MSG_TRUNC)
				if rerr == nil && n > len(*buf) {
					*buf = make([]byte, (n+4095)&^4095)
				}
			}
			if rerr == nil {
				// MSG_TRUNC: the datagram's full length even when
				// the buffer was shorter.
				n, rerr = recvfrom(int(fd), *buf, unix.MSG_TRUNC)
			}
			if rerr != unix.EINTR {
				return rerr != unix.EAGAIN
			}
		}
	})
	if err == nil {
		err = rerr
	}
	if err != nil {
		return nil, sysError(err)
	}
	if n > len(*buf) {
		return nil, errTruncated
	}
	return (*buf)[:n], nil
}

// recvBlocking is recv on the blocking socket, with plain system calls
// rather than a closure handed to a RawConn (allocated on every call).
func (c *Conn) recvBlocking(buf *[]byte, peek bool) ([]byte, error) {
	for {
		if peek {
			n, err := recvfrom(c.fd, nil, unix.MSG_PEEK|unix.MSG_TRUNC)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				return nil, sysError(err)
			}
			if n > len(*buf) {
				*buf = make([]byte, (n+4095)&^4095)
			}
		}
		// MSG_TRUNC: the datagram's full length even when the buffer
		// was shorter.
		n, err := recvfrom(c.fd, *buf, unix.MSG_TRUNC)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, sysError(err)
		}
		if n > len(*buf) {
			return nil, errTruncated
		}
		return (*buf)[:n], nil
	}
}

// recvfrom and sendto are raw system calls: they wait no longer than the
// kernel takes to answer (rtnetlink answers within the send, and builds a
// dump datagram within the receive; once the poller has the socket it is
// non-blocking and waiting is left to the poller), and a plain syscall would
// let the scheduler hand the thread off whenever the kernel takes a few
// tens of microseconds, as adding a route or building a dump datagram
// does, which a batch of 100k routes turns into hundreds of thousands of
// futex wake-ups.
func recvfrom(fd int, b []byte, flags int) (int, error) {
	var p unsafe.Pointer
	if len(b) > 0 {
		p = unsafe.Pointer(&b[0])
	}
	n, _, e := unix.RawSyscall6(unix.SYS_RECVFROM, uintptr(fd), uintptr(p), uintptr(len(b)), uintptr(flags), 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}

// kernelAddr is the kernel's netlink address, in raw form for sendto.
var kernelAddr = unix.RawSockaddrNetlink{Family: unix.AF_NETLINK}

func sendto(fd int, b []byte) error {
	_, _, e := unix.RawSyscall6(unix.SYS_SENDTO, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), 0,
		uintptr(unsafe.Pointer(&kernelAddr)), unix.SizeofSockaddrNetlink)
	if e != 0 {
		return e
	}
	return nil
}

// sysError wraps a failed system call as the *Error callers expect.
func sysError(err error) error {
	var errno unix.Errno
	if errors.As(err, &errno) {
		return &Error{Errno: errno}
	}
	return err
}

// message is one netlink message of a datagram: the header fields and the
// payload (a slice of the datagram).
type message struct {
	typ   netlink.HeaderType
	flags netlink.HeaderFlags
	seq   uint32
	pid   uint32
	data  []byte
}

func (m *message) netlink() netlink.Message {
	return netlink.Message{
		Header: netlink.Header{
			Length: uint32(hdrLen + len(m.data)), Type: m.typ, Flags: m.flags,
			Sequence: m.seq, PID: m.pid,
		},
		Data: m.data,
	}
}

// next splits the first message off datagram b; ok is false at the end.
func next(b []byte) (m message, rest []byte, ok bool, err error) {
	if len(b) < hdrLen {
		return m, nil, false, nil
	}
	l := int(ne.Uint32(b))
	if l < hdrLen || l > len(b) {
		return m, nil, false, errBadLength
	}
	m = message{
		typ:   netlink.HeaderType(ne.Uint16(b[4:])),
		flags: netlink.HeaderFlags(ne.Uint16(b[6:])),
		seq:   ne.Uint32(b[8:]),
		pid:   ne.Uint32(b[12:]),
		data:  b[hdrLen:l:l],
	}
	if a := (l + 3) &^ 3; a < len(b) {
		rest = b[a:]
	}
	return m, rest, true, nil
}

// replyError is the failure an NLMSG_ERROR or NLMSG_DONE message reports,
// or nil: an acknowledgement, or a dump's normal end.
func replyError(m *message) error {
	d := m.data
	if len(d) < 4 {
		if m.typ == netlink.Error {
			return errBadLength
		}
		return nil
	}
	code := int32(ne.Uint32(d))
	if code >= 0 {
		return nil
	}
	e := &Error{Errno: unix.Errno(-code)}
	if m.flags&nlmAckTLVs == 0 {
		return e
	}
	tlvs := d[4:]
	if m.typ == netlink.Error {
		// The refused request's header comes first, and its body too
		// unless the acknowledgement is capped.
		skip := hdrLen
		if m.flags&nlmCapped == 0 && len(tlvs) >= 4 {
			skip = int(ne.Uint32(tlvs))
		}
		if skip = (skip + 3) &^ 3; skip > len(tlvs) {
			return e
		}
		tlvs = tlvs[skip:]
	}
	for len(tlvs) >= 4 {
		l := int(binary.NativeEndian.Uint16(tlvs))
		t := binary.NativeEndian.Uint16(tlvs[2:]) & 0x3fff
		if l < 4 || l > len(tlvs) {
			break
		}
		if t == errAttrMsg {
			e.Msg = cString(tlvs[4:l])
		}
		tlvs = tlvs[min((l+3)&^3, len(tlvs)):]
	}
	return e
}

func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
