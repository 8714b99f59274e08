package rtnl

import (
	"errors"
	"testing"

	"golang.org/x/sys/unix"
)

// TestFirstError checks what a Flusher makes of the datagram it peeks
// at: the first NLMSG_ERROR's errno, nothing for other messages.
func TestFirstError(t *testing.T) {
	msg := func(typ uint16, body []byte) []byte {
		b := ne.AppendUint32(nil, uint32(hdrLen+len(body)))
		b = ne.AppendUint16(b, typ)
		b = ne.AppendUint16(b, 0)
		b = ne.AppendUint32(b, 7)
		b = ne.AppendUint32(b, 0)
		return append(b, body...)
	}
	errBody := func(errno unix.Errno) []byte {
		b := ne.AppendUint32(nil, uint32(-int32(errno)))
		return append(b, make([]byte, hdrLen)...)
	}
	if err := firstError(nil); err != nil {
		t.Errorf("empty: %v", err)
	}
	if err := firstError(msg(unix.NLMSG_DONE, make([]byte, 4))); err != nil {
		t.Errorf("done: %v", err)
	}
	b := append(msg(unix.NLMSG_DONE, make([]byte, 4)), msg(unix.NLMSG_ERROR, errBody(unix.ENOENT))...)
	if err := firstError(b); !errors.Is(err, unix.ENOENT) {
		t.Errorf("error after done: %v, want ENOENT", err)
	}
	if err := firstError(msg(unix.NLMSG_ERROR, make([]byte, 4))); !errors.Is(err, unix.EIO) {
		t.Errorf("truncated error: %v, want EIO", err)
	}
}
