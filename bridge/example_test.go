package bridge_test

import (
	"encoding/binary"
	"fmt"
	"net"
	"net/netip"
	"os"

	"github.com/gipnet/gip/bridge"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// A VXLAN device's forwarding entry: MAC address 02:00:00:00:00:02 is
// behind 192.0.2.1, VNI 100. FDBRequest is the request body FDBReplace
// sends for it (after filling in the default state and NTF_SELF), the same
// bytes as `bridge fdb replace 02:00:00:00:00:02 dev vx0 dst 192.0.2.1 vni
// 100 self` when vx0 is link 5.
func ExampleFDBRequest() {
	mac, _ := net.ParseMAC("02:00:00:00:00:02")
	e := bridge.FDBEntry{
		Index:  5,
		LLAddr: mac,
		State:  unix.NUD_NOARP | unix.NUD_PERMANENT,
		Flags:  unix.NTF_SELF,
		Dst:    netip.MustParseAddr("192.0.2.1"),
		VNI:    new(uint32(100)),
	}
	fmt.Printf("%x\n", bridge.FDBRequest(e, nil))
	// Output:
	// 0700000005000000c00002000a000200020000000002000008000100c00002010800070064000000
}

// The settings `bridge link set dev v0 cost 7 hairpin on` sends when v0 is
// link 4: fields left nil are not sent, so the port keeps them.
func ExamplePortRequest() {
	s := bridge.PortSettings{Cost: new(uint32(7)), Hairpin: new(true)}
	fmt.Printf("%x\n", bridge.PortRequest(4, s))
	// Output:
	// 0700000004000000000000000000000014000c8005000400010000000800030007000000
}

// Decoding a captured AF_BRIDGE neighbour dump (testdata/fdb.bin: each
// message as a little-endian length and the payload) into owned entries.
func ExampleDecodeFDB() {
	b, err := os.ReadFile("testdata/fdb.bin")
	if err != nil {
		fmt.Println(err)
		return
	}
	f := bridge.FDBFilter{Index: 7} // the entries of link 7, a VXLAN device
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		m := netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWNEIGH}, Data: b[4 : 4+n]}
		b = b[4+n:]
		if e, ok := bridge.DecodeFDB(m); ok && f.Match(&e) {
			vni := "-"
			if e.VNI != nil {
				vni = fmt.Sprint(*e.VNI)
			}
			fmt.Println(e.LLAddr, e.Dst, e.Port, vni)
		}
	}
	// Output:
	// 02:00:00:00:00:35 10.0.0.3 4790 7
	// 00:00:00:00:00:00 10.0.0.2 0 -
}

func ExamplePortState() {
	s, ok := bridge.ParsePortState("forwarding")
	fmt.Println(uint8(s), ok, bridge.PortBlocking)
	// Output:
	// 3 true blocking
}
