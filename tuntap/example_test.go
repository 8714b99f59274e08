package tuntap_test

import (
	"encoding/binary"
	"fmt"
	"os"

	"github.com/gipnet/gip/tuntap"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Decoding a captured link dump (testdata/links.bin: each message's body
// after a little-endian length) into devices.
func ExampleDecodeLink() {
	raw, err := os.ReadFile("testdata/links.bin")
	if err != nil {
		fmt.Println(err)
		return
	}
	for len(raw) >= 4 {
		n := int(binary.LittleEndian.Uint32(raw))
		m := netlink.Message{Header: netlink.Header{Type: unix.RTM_NEWLINK}, Data: raw[4 : 4+n]}
		raw = raw[4+n:]
		if d, ok := tuntap.DecodeLink(m); ok {
			fmt.Printf("%s %s persist=%v owner=%d\n", d.Name, d.Mode(), d.Flags&unix.IFF_PERSIST != 0, d.Owner)
		}
	}
	// Output:
	// tun0 tun persist=true owner=1000
	// tap0 tap persist=true owner=-1
}

// The flags TUNSETIFF is given for a spec, as `ip tuntap add mode tap
// vnet_hdr` sets them.
func ExampleSpec_Flags() {
	s := tuntap.Spec{Name: "tap0", Mode: tuntap.TAP, VnetHdr: true}
	fmt.Printf("%#x\n", s.Flags())
	fmt.Println(s.Flags() == unix.IFF_TAP|unix.IFF_NO_PI|unix.IFF_VNET_HDR)
	// Output:
	// 0x5002
	// true
}
