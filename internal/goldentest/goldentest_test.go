package goldentest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mdlayher/netlink"
)

func TestMessagesRoundTrip(t *testing.T) {
	var raw []byte
	for _, m := range []netlink.Message{
		{Header: netlink.Header{Length: 20, Type: 16, Sequence: 1}, Data: []byte{1, 2, 3, 0}},
		{Header: netlink.Header{Length: 20, Type: 20, Sequence: 2}, Data: []byte{4, 5, 6, 7}},
	} {
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, b...)
	}
	path := filepath.Join(t.TempDir(), "dump.bin")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	msgs := Messages(t, path)
	if len(msgs) != 2 || msgs[0].Header.Type != 16 || string(msgs[0].Data) != "\x01\x02\x03\x00" ||
		msgs[1].Header.Sequence != 2 || string(msgs[1].Data) != "\x04\x05\x06\x07" {
		t.Errorf("read back %+v", msgs)
	}
}

func TestHex(t *testing.T) {
	if got := Hex([]byte{0x0a, 0, 0xff}); got != "0a 00 ff" {
		t.Errorf("Hex = %q", got)
	}
	if got := Hex(nil); got != "" {
		t.Errorf("Hex(nil) = %q", got)
	}
}
