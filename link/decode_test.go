package link

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/gipnet/gip/rtnl"
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

// DecodeInto's written-out attribute walk fails exactly where rtnl.Attrs
// does, on any input.
func FuzzDecodeIntoWalk(f *testing.F) {
	f.Add(append(make([]byte, 16), 5, 0, 3, 0, 'a', 0, 0, 0, 8, 0, 4, 0, 0xdc, 5, 0, 0))
	f.Add(append(make([]byte, 16), 0, 0, 3, 0, 9, 0))
	f.Fuzz(func(t *testing.T, b []byte) {
		var l Link
		err := DecodeInto(&l, b)
		_, attrs, herr := rtnl.ParseIfInfomsg(b)
		if herr != nil {
			if err == nil {
				t.Fatalf("DecodeInto(% x) = nil on a short header", b)
			}
			return
		}
		a := rtnl.NewAttrs(attrs)
		for a.Next() {
		}
		if (err == nil) != (a.Err() == nil) {
			t.Fatalf("DecodeInto(% x) = %v, the attribute walk: %v", b, err, a.Err())
		}
	})
}

// Each u32 attribute lands in its own field of the Link, through the
// offset table.
func TestDecodeU32Fields(t *testing.T) {
	for _, tc := range []struct {
		typ   uint16
		field func(l *Link) uint32
	}{
		{unix.IFLA_MTU, func(l *Link) uint32 { return l.MTU }},
		{unix.IFLA_LINK, func(l *Link) uint32 { return l.Link }},
		{unix.IFLA_MASTER, func(l *Link) uint32 { return l.Master }},
		{unix.IFLA_TXQLEN, func(l *Link) uint32 { return l.TxQLen }},
		{unix.IFLA_GROUP, func(l *Link) uint32 { return l.Group }},
		{unix.IFLA_PROMISCUITY, func(l *Link) uint32 { return l.Promiscuity }},
		{unix.IFLA_ALLMULTI, func(l *Link) uint32 { return l.Allmulti }},
		{unix.IFLA_MIN_MTU, func(l *Link) uint32 { return l.MinMTU }},
		{unix.IFLA_MAX_MTU, func(l *Link) uint32 { return l.MaxMTU }},
		{unix.IFLA_NUM_TX_QUEUES, func(l *Link) uint32 { return l.NumTxQueues }},
		{unix.IFLA_NUM_RX_QUEUES, func(l *Link) uint32 { return l.NumRxQueues }},
		{unix.IFLA_GSO_MAX_SIZE, func(l *Link) uint32 { return l.GSOMaxSize }},
		{unix.IFLA_GSO_MAX_SEGS, func(l *Link) uint32 { return l.GSOMaxSegs }},
		{unix.IFLA_TSO_MAX_SIZE, func(l *Link) uint32 { return l.TSOMaxSize }},
		{unix.IFLA_TSO_MAX_SEGS, func(l *Link) uint32 { return l.TSOMaxSegs }},
		{unix.IFLA_GRO_MAX_SIZE, func(l *Link) uint32 { return l.GROMaxSize }},
		{unix.IFLA_CARRIER_CHANGES, func(l *Link) uint32 { return l.CarrierChanges }},
		{unix.IFLA_EVENT, func(l *Link) uint32 { return l.Event }},
	} {
		b := make([]byte, 16)
		b = binary.NativeEndian.AppendUint16(b, 8)
		b = binary.NativeEndian.AppendUint16(b, tc.typ)
		b = binary.NativeEndian.AppendUint32(b, 0x01020304)
		var l Link
		if err := DecodeInto(&l, b); err != nil {
			t.Fatalf("attribute %d: %v", tc.typ, err)
		}
		if got := tc.field(&l); got != 0x01020304 || !l.Has(tc.typ) {
			t.Errorf("attribute %d: field = %#x, present %v; want 0x01020304, true", tc.typ, got, l.Has(tc.typ))
		}
	}
}
