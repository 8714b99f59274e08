package mptcp

import (
	"bytes"
	"fmt"
	"net/netip"
	"testing"
)

// TestRequestGolden: typed endpoints encode as iproute2 6.1 sent `ip
// mptcp endpoint add 2001:db8::1 signal port 1000` and `… delete id 7`
// (strace -f -e trace=sendmsg -xx, bodies after the netlink header).
func TestRequestGolden(t *testing.T) {
	e := EndpointFromAddr(netip.MustParseAddr("2001:db8::1"))
	e.Flags, e.Port = FlagSignal, 1000
	want := []byte{0x01, 0x01, 0x00, 0x00, 0x30, 0x00, 0x01, 0x80, 0x08, 0x00, 0x06, 0x00, 0x01, 0x00, 0x00, 0x00,
		0x06, 0x00, 0x05, 0x00, 0xe8, 0x03, 0x00, 0x00, 0x06, 0x00, 0x01, 0x00, 0x0a, 0x00, 0x00, 0x00,
		0x14, 0x00, 0x04, 0x00, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}
	if got := Request(CmdAddAddr, e); !bytes.Equal(got, want) {
		t.Errorf("add:\n got % x\nwant % x", got, want)
	}
	want = []byte{0x02, 0x01, 0x00, 0x00, 0x0c, 0x00, 0x01, 0x80, 0x05, 0x00, 0x02, 0x00, 0x07, 0x00, 0x00, 0x00}
	if got := Request(CmdDelAddr, Endpoint{ID: 7, HasID: true}); !bytes.Equal(got, want) {
		t.Errorf("delete:\n got % x\nwant % x", got, want)
	}
	three, four := uint32(3), uint32(4)
	want = []byte{0x05, 0x01, 0x00, 0x00, 0x08, 0x00, 0x02, 0x00, 0x04, 0x00, 0x00, 0x00, 0x08, 0x00, 0x03, 0x00, 0x03, 0x00, 0x00, 0x00}
	if got := LimitsRequest(CmdSetLimits, Limits{Subflows: &three, AddAddrAccepted: &four}); !bytes.Equal(got, want) {
		t.Errorf("limits:\n got % x\nwant % x", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	e := EndpointFromAddr(netip.MustParseAddr("10.0.0.2"))
	e.ID, e.HasID, e.Flags, e.IfIndex = 7, true, FlagSubflow|FlagBackup, 3
	back, ok := ParseEndpoint(Request(CmdAddAddr, e))
	if !ok || back.IP() != e.IP() || back.ID != 7 || back.Flags != e.Flags || back.IfIndex != 3 || back.Family != e.Family {
		t.Errorf("%+v came back as %+v", e, back)
	}
}

func ExampleRequest() {
	e := EndpointFromAddr(netip.MustParseAddr("10.0.0.2"))
	e.Flags = FlagSubflow
	fmt.Printf("% x\n", Request(CmdAddAddr, e))
	// Output: 01 01 00 00 1c 00 01 80 08 00 06 00 02 00 00 00 06 00 01 00 02 00 00 00 08 00 03 00 0a 00 00 02
}

// FuzzParse: the decoders take any body.
func FuzzParse(f *testing.F) {
	f.Add(Request(CmdAddAddr, EndpointFromAddr(netip.MustParseAddr("10.0.0.2"))))
	f.Fuzz(func(t *testing.T, b []byte) {
		ParseEndpoint(b)
		ParseLimits(b)
		if ev, ok := ParseEvent(b); ok {
			ev.Copy()
			for i := range ev.Attrs {
				ev.U8(i)
				ev.BE16(i)
			}
		}
	})
}
