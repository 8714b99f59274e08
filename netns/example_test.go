package netns_test

import (
	"encoding/binary"
	"fmt"
	"os"

	"github.com/gipnet/gip/netns"
)

// Decoding a captured `ip netns list-id` dump (testdata/nsid.bin: each
// RTM_NEWNSID body after a little-endian length).
func ExampleDecodeNSID() {
	raw, err := os.ReadFile("testdata/nsid.bin")
	if err != nil {
		fmt.Println(err)
		return
	}
	for len(raw) >= 4 {
		n := int(binary.LittleEndian.Uint32(raw))
		v, err := netns.DecodeNSID(raw[4 : 4+n])
		raw = raw[4+n:]
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("nsid %d current %d\n", v.ID, v.Current)
	}
	// Output:
	// nsid 0 current -1
	// nsid 5 current -1
}

// Names as `ip netns add` takes them, and the file each one is.
func ExampleValidName() {
	for _, name := range []string{"blue", "a/b", ".."} {
		fmt.Println(name, netns.ValidName(name), netns.Path(name))
	}
	// Output:
	// blue true /run/netns/blue
	// a/b false a/b
	// .. false /run/netns/..
}

// The RTM_NEWNSID body `ip netns set blue auto` sends once blue is open at
// fd 3: NETNSA_FD 3, then NETNSA_NSID -1 (let the kernel pick).
func ExampleSetIDRequest() {
	fmt.Printf("% x\n", netns.SetIDRequest(3, -1))
	// Output:
	// 00 00 00 00 08 00 03 00 03 00 00 00 08 00 01 00 ff ff ff ff
}
