package rtnl

import (
	"fmt"
	"io"
	"os"

	"github.com/mdlayher/netlink"
)

// savedBufSize is iproute2's rtnl_from_file buffer: no saved message is
// longer.
const savedBufSize = 16384

// SavedError is a broken saved stream, worded as iproute2 reports it; the
// caller picks the exit status (ip route and ip address differ).
type SavedError struct{ Msg string }

// Error is the message iproute2 prints for the broken stream.
func (e *SavedError) Error() string { return e.Msg }

var errSavedTruncated = &SavedError{"rtnl-from_file: truncated message"}

// savedReadError is what iproute2 says when fread stops short: the stream
// ended inside a message, or reading it failed (perror's line).
func savedReadError(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errSavedTruncated
	}
	return &SavedError{"rtnl_from_file: fread: " + ErrnoText(err)}
}

// ftell is what C's ftell says of the stream r after ReadSaved read consumed
// bytes of it: a regular file's offset (the magic before the messages
// included); -1 for a pipe, which cannot seek, and for a device, whose
// offset stays below what stdio has read ahead. A reader that is no file
// counts from where ReadSaved started.
func ftell(r io.Reader, consumed int64) int64 {
	f, ok := r.(*os.File)
	if !ok {
		return consumed
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	off, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return -1
	}
	return off
}

// ReadSaved is iproute2's rtnl_from_file: it calls fn with the header and
// body of each netlink message in r (a `save` stream after its magic) until
// r ends, and stops at fn's first error. body is valid only during fn.
func ReadSaved(r io.Reader, fn func(h netlink.Header, body []byte) error) error {
	const hdrLen = 16 // struct nlmsghdr
	buf := make([]byte, savedBufSize)
	var consumed int64 // bytes of r read here
	for {
		n, err := io.ReadFull(r, buf[:hdrLen])
		if n == 0 && err == io.EOF {
			return nil
		}
		if err != nil {
			return savedReadError(err)
		}
		consumed += hdrLen
		l := int(int32(ne.Uint32(buf)))
		if l < hdrLen || l > len(buf) {
			return &SavedError{fmt.Sprintf("!!!malformed message: len=%d @%d", l, uint64(ftell(r, consumed)))}
		}
		payload := (l - hdrLen + 3) &^ 3
		if hdrLen+payload > len(buf) {
			payload = len(buf) - hdrLen
		}
		if _, err := io.ReadFull(r, buf[hdrLen:hdrLen+payload]); err != nil {
			return savedReadError(err)
		}
		consumed += int64(payload)
		h := netlink.Header{
			Length:   uint32(l),
			Type:     netlink.HeaderType(ne.Uint16(buf[4:])),
			Flags:    netlink.HeaderFlags(ne.Uint16(buf[6:])),
			Sequence: ne.Uint32(buf[8:]),
			PID:      ne.Uint32(buf[12:]),
		}
		if err := fn(h, buf[hdrLen:l]); err != nil {
			return err
		}
	}
}
