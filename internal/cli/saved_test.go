package cli

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/gipnet/gip/internal/cmdline"
	"testing"

	"github.com/mdlayher/netlink"
)

// FuzzRestoreSaved reads arbitrary restore input: it ends as ip exits,
// status 0 at the stream's end or 255 with iproute2's message, and a
// callback's own error comes back unchanged.
func FuzzRestoreSaved(f *testing.F) {
	msg := func(body []byte) []byte {
		b := binary.NativeEndian.AppendUint32(nil, uint32(16+len(body)))
		b = append(b, 20, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0)
		return append(b, body...)
	}
	f.Add(msg([]byte{2, 24, 0, 0, 1, 0, 0, 0}), false)
	f.Add(append(msg(nil), 1, 2), false)
	f.Add([]byte{4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, true)
	stop := errors.New("stop")
	f.Fuzz(func(t *testing.T, stream []byte, fail bool) {
		n := 0
		err := RestoreSaved(bytes.NewReader(stream), func(h netlink.Header, data []byte) error {
			n++
			if int(h.Length) != 16+len(data) {
				t.Fatalf("header length %d, body %d bytes", h.Length, len(data))
			}
			if fail {
				return stop
			}
			return nil
		})
		if fail && n > 0 {
			if err != stop {
				t.Fatalf("callback error came back as %v", err)
			}
			return
		}
		var ce *cmdline.Error
		if !errors.As(err, &ce) {
			t.Fatalf("RestoreSaved = %v, want a *cmdline.Error", err)
		}
		if st := ce.Code; st != 0 && st != 255 {
			t.Fatalf("RestoreSaved exits %d", st)
		}
	})
}
