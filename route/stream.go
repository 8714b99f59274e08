package route

import (
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// A route dump can be a million messages, and receiving it is most of what
// `ip route show` costs. nl.Conn.Dump sizes each receive by peeking first,
// which makes the kernel build its replies in small pieces and allocates a
// buffer per piece; streamDump reads the same socket with one large buffer
// instead, so the kernel fills whole 32 KiB replies and nothing is
// allocated per message.

// dumpBufSize exceeds the largest reply the kernel builds for a dump
// (SKB_WITH_OVERHEAD(32768)).
const dumpBufSize = 64 << 10

// errTruncated is a reply larger than the receive buffer.
var errTruncated = errors.New("Truncated message")

// Extended-ack bits and attributes (linux/netlink.h).
const (
	nlmFCapped   = 0x100
	nlmFAckTLVs  = 0x200
	nlmsgErrMsg  = 1
	nlmsgHdrSize = 16
)

// streamDump sends a dump request and calls fn with each reply message's
// header type and body; the body is only valid during the call. An error
// from fn stops the dump. It reports an interrupted dump through
// interrupted, as iproute2 only warns about it.
func streamDump(c *nl.Conn, typ netlink.HeaderType, body []byte, fn func(t uint16, data []byte) error) (interrupted bool, err error) {
	return streamDumpMsgs(c, typ, body, func(m *netlink.Message) error { return fn(uint16(m.Header.Type), m.Data) })
}

// streamDumpMsgs is streamDump passing whole messages, headers included
// (for ip route save); a message is valid only during the call.
func streamDumpMsgs(c *nl.Conn, typ netlink.HeaderType, body []byte, fn func(m *netlink.Message) error) (interrupted bool, err error) {
	raw := c.Raw()
	req, err := raw.Send(netlink.Message{
		Header: netlink.Header{Type: typ, Flags: netlink.Request | netlink.Dump},
		Data:   body,
	})
	if err != nil {
		return false, err
	}
	sc, err := raw.SyscallConn()
	if err != nil {
		return false, err
	}
	buf := make([]byte, dumpBufSize)
	var m netlink.Message // reused: fn only sees it during the call
	for {
		var n int
		var rerr error
		if err := sc.Read(func(fd uintptr) bool {
			n, rerr = recvTrunc(int(fd), buf)
			return rerr != unix.EAGAIN && rerr != unix.EINTR
		}); err != nil {
			return interrupted, err
		}
		if rerr != nil {
			return interrupted, rerr
		}
		if n > len(buf) {
			return interrupted, errTruncated
		}
		for b := buf[:n]; len(b) >= nlmsgHdrSize; {
			l := int(binary.NativeEndian.Uint32(b))
			if l < nlmsgHdrSize || l > len(b) {
				return interrupted, errTruncated
			}
			if err := m.UnmarshalBinary(b[:alignLen(l, len(b))]); err != nil {
				return interrupted, err
			}
			b = b[alignLen(l, len(b)):]
			if m.Header.Sequence != req.Header.Sequence {
				continue
			}
			if m.Header.Flags&netlink.DumpInterrupted != 0 {
				interrupted = true
			}
			switch m.Header.Type {
			case netlink.Done:
				return interrupted, replyError(m, false)
			case netlink.Error:
				if err := replyError(m, true); err != nil {
					return interrupted, err
				}
				return interrupted, nil
			}
			if err := fn(&m); err != nil {
				return interrupted, err
			}
		}
	}
}

// alignLen is l rounded up to netlink's 4-byte alignment, within max.
func alignLen(l, max int) int {
	a := (l + 3) &^ 3
	if a > max {
		return max
	}
	return a
}

// recvTrunc receives one datagram; with MSG_TRUNC the kernel reports its
// full length even when buf was too short.
//
// It and sendRaw are raw system calls: they never block (the socket is
// non-blocking; waiting is left to the poller), and a plain syscall lets
// the Go scheduler hand the thread off whenever the kernel takes a few tens
// of microseconds, as adding a route does, which a batch of 100k routes
// turns into hundreds of thousands of futex wake-ups.
func recvTrunc(fd int, buf []byte) (int, error) {
	n, _, e := unix.RawSyscall6(unix.SYS_RECVFROM, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(buf))),
		uintptr(len(buf)), unix.MSG_TRUNC, 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}

func sendRaw(fd int, b []byte) error {
	_, _, e := unix.RawSyscall6(unix.SYS_SENDTO, uintptr(fd), uintptr(unsafe.Pointer(unsafe.SliceData(b))),
		uintptr(len(b)), 0, 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// replyError turns an NLMSG_DONE or NLMSG_ERROR carrying a failure into an
// *nl.Error with the kernel's extended-ack message, if any.
func replyError(m netlink.Message, isError bool) error {
	d := m.Data
	if len(d) < 4 {
		return nil
	}
	code := int32(binary.NativeEndian.Uint32(d))
	if code >= 0 {
		return nil
	}
	e := &nl.Error{Errno: unix.Errno(-code)}
	if m.Header.Flags&nlmFAckTLVs == 0 {
		return e
	}
	tlvs := d[4:]
	if isError {
		// The refused request's header (and, uncapped, its body) comes first.
		skip := nlmsgHdrSize
		if m.Header.Flags&nlmFCapped == 0 && len(tlvs) >= 4 {
			skip = int(binary.NativeEndian.Uint32(tlvs))
		}
		if skip = (skip + 3) &^ 3; skip > len(tlvs) {
			return e
		}
		tlvs = tlvs[skip:]
	}
	if ad, err := nl.Decoder(tlvs); err == nil {
		for ad.Next() {
			if ad.Type() == nlmsgErrMsg {
				e.Msg = ad.String()
			}
		}
	}
	return e
}

// execBuf is the reply buffer for exec, reused by every request of a batch.
var execBuf []byte

// execSeq numbers exec's requests; replies are matched by it.
var execSeq uint32 = 0x67697000

// exec sends one request and waits for its acknowledgement, reading the
// reply straight off the socket like streamDump: under -batch a route
// command is little more than this round trip.
func exec(c *nl.Conn, typ netlink.HeaderType, flags netlink.HeaderFlags, body []byte) error {
	execSeq++
	msg, err := netlink.Message{
		Header: netlink.Header{Length: uint32(nlmsgHdrSize + len(body)), Type: typ,
			Flags: netlink.Request | netlink.Acknowledge | flags, Sequence: execSeq},
		Data: body,
	}.MarshalBinary()
	if err != nil {
		return err
	}
	sc, err := c.Raw().SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := sc.Write(func(fd uintptr) bool {
		serr = sendRaw(int(fd), msg)
		return serr != unix.EAGAIN && serr != unix.EINTR
	}); err != nil {
		return err
	}
	if serr != nil {
		return serr
	}
	if execBuf == nil {
		execBuf = make([]byte, dumpBufSize)
	}
	for {
		var n int
		var rerr error
		if err := sc.Read(func(fd uintptr) bool {
			n, rerr = recvTrunc(int(fd), execBuf)
			return rerr != unix.EAGAIN && rerr != unix.EINTR
		}); err != nil {
			return err
		}
		if rerr != nil {
			return rerr
		}
		if n > len(execBuf) {
			return errTruncated
		}
		for b := execBuf[:n]; len(b) >= nlmsgHdrSize; {
			l := int(binary.NativeEndian.Uint32(b))
			if l < nlmsgHdrSize || l > len(b) {
				return errTruncated
			}
			var m netlink.Message
			if err := m.UnmarshalBinary(b[:alignLen(l, len(b))]); err != nil {
				return err
			}
			b = b[alignLen(l, len(b)):]
			if m.Header.Sequence == execSeq && m.Header.Type == netlink.Error {
				return replyError(m, true)
			}
		}
	}
}
