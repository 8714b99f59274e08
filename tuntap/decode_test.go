package tuntap

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FuzzDecodeLink decodes arbitrary link message bodies (seeded with the
// captured dump in testdata/links.bin). A device it finds has a name, an
// owner and group in uid_t range or -1, and owns its memory: overwriting
// the message afterwards does not change it.
func FuzzDecodeLink(f *testing.F) {
	raw, err := os.ReadFile("testdata/links.bin")
	if err != nil {
		f.Fatal(err)
	}
	for len(raw) >= 4 {
		n := int(binary.LittleEndian.Uint32(raw))
		f.Add(raw[4 : 4+n])
		raw = raw[4+n:]
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, ok := DecodeLink(netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: body})
		if !ok {
			return
		}
		if d.Name == "" {
			t.Fatalf("a device without a name: %x", body)
		}
		if d.Owner < -1 || d.Owner > 0xffffffff || d.Group < -1 || d.Group > 0xffffffff {
			t.Fatalf("owner %d group %d", d.Owner, d.Group)
		}
		kept := d
		name := string([]byte(d.Name)) // a copy to compare with
		for i := range body {
			body[i] = 'X'
		}
		if d != kept || d.Name != name {
			t.Fatalf("device changed with the message: %+v, was %+v", d, kept)
		}
	})
}
