package bridge

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/mdlayher/netlink"
)

// testdataMessages reads a capture: each message as a little-endian 32-bit
// length and the payload (an AF_BRIDGE neighbour dump in fdb.bin).
func testdataMessages(t testing.TB, path string) []netlink.Message {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return splitCapture(b)
}

func splitCapture(b []byte) []netlink.Message {
	var msgs []netlink.Message
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		b = b[4:]
		if n > len(b) {
			n = len(b)
		}
		msgs = append(msgs, testMessage(28, b[:n])) // RTM_NEWNEIGH
		b = b[n:]
	}
	return msgs
}

func testMessage(typ netlink.HeaderType, b []byte) netlink.Message {
	return netlink.Message{Header: netlink.Header{Type: typ}, Data: b}
}
