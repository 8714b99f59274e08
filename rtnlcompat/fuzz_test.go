package rtnlcompat

import (
	"path/filepath"
	"testing"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FuzzDecode: Decode returns a message or an error for any body, seeded
// with the captured messages of every type it knows.
func FuzzDecode(f *testing.F) {
	seeds := readLengthPrefixed(f, filepath.Join("..", "link", "testdata", "show-links.bin"), unix.RTM_NEWLINK)
	seeds = append(seeds, readLengthPrefixed(f, filepath.Join("..", "addr", "testdata", "addrs.bin"), unix.RTM_NEWADDR)...)
	seeds = append(seeds, readHexLines(f, filepath.Join("..", "internal", "cmd", "iproute", "testdata", "dump.hex"), unix.RTM_NEWROUTE)...)
	seeds = append(seeds, readEvents(f, unix.RTM_NEWNEIGH)...)
	for _, s := range seeds {
		f.Add(uint16(s.typ), s.body)
	}
	f.Add(uint16(unix.RTM_NEWRULE), []byte{2, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, typ uint16, body []byte) {
		m, err := Decode(netlink.HeaderType(typ), body)
		if (m == nil) == (err == nil) {
			t.Fatalf("Decode = %v, %v: want exactly one", m, err)
		}
	})
}
