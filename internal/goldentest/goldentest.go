// Package goldentest holds what the printers' golden tests share: captured
// kernel answers kept in testdata as raw netlink messages (the format
// rtmon writes and `ip monitor file` reads, so iproute2 can print the same
// capture for the golden text), and the hex form the golden request bytes
// are written in.
package goldentest

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// CaptureVar is the environment variable that turns Capture on: a capture
// runs only inside the namespace a package's testdata script prepares.
const CaptureVar = "GIP_CAPTURE"

// Dump is one dump request whose answer Capture records.
type Dump struct {
	Type uint16 // the RTM_GET* message type
	Body []byte // the request's body (its header struct and attributes)
}

// Capture runs the dumps in the current network namespace and writes the
// kernel's answers, one raw message after another, to path. It skips t
// unless CaptureVar is set.
func Capture(t *testing.T, path string, dumps ...Dump) {
	t.Helper()
	if os.Getenv(CaptureVar) == "" {
		t.Skipf("set %s=1 inside the prepared namespace to regenerate %s", CaptureVar, path)
	}
	c, err := rtnl.Dial(-1)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var out bytes.Buffer
	for _, d := range dumps {
		err := c.Dump(netlink.HeaderType(d.Type), d.Body, func(m netlink.Message) error {
			b, err := m.MarshalBinary()
			out.Write(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Messages reads the raw messages Capture wrote to path.
func Messages(t testing.TB, path string) []netlink.Message {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []netlink.Message
	for len(raw) >= 16 {
		l := int(binary.NativeEndian.Uint32(raw))
		if l < 16 || l > len(raw) {
			t.Fatalf("%s: a message of %d bytes where %d are left", path, l, len(raw))
		}
		var m netlink.Message
		if err := m.UnmarshalBinary(raw[:l]); err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, m)
		raw = raw[min((l+3)&^3, len(raw)):]
	}
	return msgs
}

// Hex is b as lower-case hex bytes separated by spaces ("0a 00 20"), the
// form golden requests are written in (strace -xx's bytes, respaced).
func Hex(b []byte) string {
	var sb strings.Builder
	for i := range b {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(hex.EncodeToString(b[i : i+1]))
	}
	return sb.String()
}
