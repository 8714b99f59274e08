package nl

import (
	"fmt"
	"io"

	"github.com/mdlayher/netlink"
)

// savedBufSize is iproute2's rtnl_from_file buffer: no saved message is
// longer.
const savedBufSize = 16384

// SavedError is a broken saved stream, worded as iproute2 reports it; the
// caller picks the exit status (ip route and ip address differ).
type SavedError struct{ Msg string }

func (e *SavedError) Error() string { return e.Msg }

var errSavedTruncated = &SavedError{"rtnl-from_file: truncated message"}

// ReadSaved is iproute2's rtnl_from_file: it calls fn with the header and
// body of each netlink message in r (a `save` stream after its magic) until
// r ends, and stops at fn's first error. body is valid only during fn.
func ReadSaved(r io.Reader, fn func(h netlink.Header, body []byte) error) error {
	const hdrLen = 16 // struct nlmsghdr
	buf := make([]byte, savedBufSize)
	for {
		n, err := io.ReadFull(r, buf[:hdrLen])
		if n == 0 && err == io.EOF {
			return nil
		}
		if err != nil {
			return errSavedTruncated
		}
		l := int(int32(ne.Uint32(buf)))
		if l < hdrLen || l > len(buf) {
			// iproute2 prints ftell here: the offset just past this header
			// for the first message, which is all gip reports.
			return &SavedError{fmt.Sprintf("!!!malformed message: len=%d @%d", l, hdrLen)}
		}
		payload := (l - hdrLen + 3) &^ 3
		if hdrLen+payload > len(buf) {
			payload = len(buf) - hdrLen
		}
		if _, err := io.ReadFull(r, buf[hdrLen:hdrLen+payload]); err != nil {
			return errSavedTruncated
		}
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
