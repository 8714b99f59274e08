package mroute

import (
	"bytes"
	"net/netip"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// testdata/mroute.nl is internal/cmd/ipmroute/testdata/mroute.nl: route
// messages of the multicast families made by its gen.py.
func TestDecodeCaptured(t *testing.T) {
	f, err := os.Open("testdata/mroute.nl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []Route
	err = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
		v, err := DecodeView(body)
		if err != nil {
			return err
		}
		got = append(got, v.Route())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []Route{
		{Family: FamilyIPMR, Table: 253, Source: netip.MustParseAddr("10.0.0.1"), Group: netip.MustParseAddr("239.1.1.1"), Iif: 1,
			Oifs: []Oif{{Dev: 2, TTL: 1}, {Dev: 3, TTL: 4}}, Packets: 12, Bytes: 3456, Expires: 12340 * time.Millisecond},
		{Family: FamilyIPMR, Table: 254, Group: netip.MustParseAddr("239.1.1.2"), Unresolved: true, Packets: 1, Bytes: 2, WrongIf: 3},
		{Family: FamilyIPMR, Table: 1000, Source: netip.MustParseAddr("10.0.0.3"), Group: netip.MustParseAddr("239.1.1.3"), Iif: 7,
			Oifs: []Oif{{Dev: 7, TTL: 0}}, Offload: true},
	}
	if len(got) < len(want) {
		t.Fatalf("%d routes decoded", len(got))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("route %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	if _, err := DecodeView(make([]byte, 11)); err != ErrShort {
		t.Errorf("11 bytes: %v", err)
	}
	body := rtnl.RtMsg{Family: FamilyIPMR, Type: unix.RTN_UNICAST}.Append(nil)
	if _, err := DecodeView(body); err != ErrNotMulticast {
		t.Errorf("a unicast route: %v", err)
	}
}

// NextOif stops where iproute2 stops: at an entry longer than what is
// left (not read), and after one of length 0 (read, then the end).
func TestNextOif(t *testing.T) {
	entry := func(l uint16, hops uint8, idx uint32) []byte {
		return []byte{byte(l), byte(l >> 8), 0, hops, byte(idx), 0, 0, 0}
	}
	for _, tc := range []struct {
		b    []byte
		want []Oif
	}{
		{bytes.Join([][]byte{entry(8, 1, 2), entry(8, 4, 3)}, nil), []Oif{{2, 1}, {3, 4}}},
		{bytes.Join([][]byte{entry(8, 1, 2), entry(9, 4, 3)}, nil), []Oif{{2, 1}}},
		{bytes.Join([][]byte{entry(0, 1, 2), entry(8, 4, 3)}, nil), []Oif{{2, 1}}},
		{entry(8, 1, 2)[:7], nil},
	} {
		v := View{Multipath: tc.b}
		if got := v.Route().Oifs; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%x: got %v, want %v", tc.b, got, tc.want)
		}
	}
}
