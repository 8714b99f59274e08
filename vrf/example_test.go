package vrf_test

import (
	"encoding/binary"
	"fmt"

	"github.com/gipnet/gip/vrf"
)

// The program `ip vrf exec blue` attaches to blue's cgroup, for blue at
// index 3: six instructions (opcode, immediate), the index in the second
// one's immediate.
func ExampleBindProgram() {
	p := vrf.BindProgram(3)
	for i := 0; i < len(p); i += 8 {
		fmt.Printf("%#02x %d\n", p[i], binary.NativeEndian.Uint32(p[i+4:]))
	}
	// Output:
	// 0xbf 0
	// 0xb7 3
	// 0xb7 0
	// 0x63 0
	// 0xb7 1
	// 0x95 0
}

// The RTM_GETLINK body `ip vrf exec blue` sends to learn whether blue is a
// VRF: struct ifinfomsg (16 bytes), then IFLA_IFNAME (a 4-byte header,
// "blue" and its NUL, padded to 4 bytes).
func ExampleLinkRequest() {
	b := vrf.LinkRequest(0, "blue")
	fmt.Printf("%d bytes, name %q\n", len(b), b[20:25])
	// Output:
	// 28 bytes, name "blue\x00"
}
