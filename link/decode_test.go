package link

import (
	"encoding/binary"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// readDump reads testdata written by a capture: payloads of one dump, each
// after its 4-byte little-endian length.
func readDump(t testing.TB, path string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var msgs [][]byte
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		if 4+n > len(b) {
			t.Fatalf("%s: truncated", path)
		}
		msgs = append(msgs, b[4:4+n])
		b = b[4+n:]
	}
	return msgs
}

func TestDecodeOptionalAttributes(t *testing.T) {
	msgs := readDump(t, "testdata/show-links.bin")
	lo, err := Decode(msgs[0])
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		attr uint16
		want bool
	}{
		{unix.IFLA_MTU, true},
		{unix.IFLA_MASTER, false},
		{unix.IFLA_LINK, false},
		{unix.IFLA_LINK_NETNSID, false},
		{unix.IFLA_TXQLEN, true},
		{unix.IFLA_ALLMULTI, true},
	}
	for _, tt := range tests {
		if got := lo.Has(tt.attr); got != tt.want {
			t.Errorf("lo.Has(%d) = %v, want %v", tt.attr, got, tt.want)
		}
	}
	if lo.Name != "lo" || lo.MTU != 65536 || lo.Index != 1 {
		t.Errorf("Decode(lo) = name %q mtu %d index %d, want lo 65536 1", lo.Name, lo.MTU, lo.Index)
	}
}

func TestHWAddrString(t *testing.T) {
	tests := []struct {
		addr []byte
		typ  uint16
		want string
	}{
		{[]byte{0, 0x1b, 0xaa, 0, 0, 0xff}, unix.ARPHRD_ETHER, "00:1b:aa:00:00:ff"},
		{[]byte{10, 0, 0, 1}, unix.ARPHRD_TUNNEL, "10.0.0.1"},
		{[]byte{10, 0, 0, 1}, unix.ARPHRD_ETHER, "0a:00:00:01"},
		{nil, unix.ARPHRD_ETHER, "00"},
	}
	for _, tt := range tests {
		if got := HWAddrString(tt.addr, tt.typ); got != tt.want {
			t.Errorf("HWAddrString(%x, %d) = %q, want %q", tt.addr, tt.typ, got, tt.want)
		}
	}
}

func TestGroupName(t *testing.T) {
	tests := []struct {
		id      uint32
		numeric bool
		want    string
	}{
		{0, false, "default"},
		{0, true, "0"},
		{42, false, "42"},
	}
	for _, tt := range tests {
		if got := GroupName(tt.id, tt.numeric); got != tt.want {
			t.Errorf("GroupName(%d, %v) = %q, want %q", tt.id, tt.numeric, got, tt.want)
		}
	}
}
