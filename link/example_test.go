package link_test

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"net/netip"
	"os"

	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Decode reads one RTM_NEWLINK message, here from a captured dump
// (each message after its 4-byte length). The Link aliases the message;
// Clone makes a copy that may be kept.
func ExampleDecode() {
	b, err := os.ReadFile("testdata/show-links.bin")
	if err != nil {
		fmt.Println(err)
		return
	}
	var kept []*link.Link
	for len(b) >= 4 {
		n := int(binary.LittleEndian.Uint32(b))
		l, err := link.Decode(b[4 : 4+n])
		if err != nil {
			fmt.Println(err)
			return
		}
		kept = append(kept, l.Clone())
		b = b[4+n:]
	}
	for _, l := range kept {
		fmt.Printf("%d: %s mtu %d kind %q\n", l.Index, l.Name, l.MTU, l.Kind)
	}
	// Output:
	// 1: lo mtu 65536 kind ""
	// 2: v2 mtu 1500 kind "veth"
	// 3: v1 mtu 1500 kind "veth"
	// 4: tun0 mtu 1500 kind "tun"
}

// EncodeAdd builds the request Add sends: here a veth pair whose peer
// ceth0 is created in the namespace open as fd 4, the bytes `ip link add
// host0 type veth peer name ceth0 netns blue` sends.
func ExampleEncodeAdd() {
	body, err := link.EncodeAdd(link.Spec{
		Name: "host0",
		Kind: link.Veth{Peer: link.Spec{Name: "ceth0", NetNS: link.NetNSFD(4)}},
	}, link.Resolver{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hex.EncodeToString(body))
	// Output:
	// 000000000000000000000000000000000a000300686f7374300000003800120008000100766574682c000200280001000000000000000000000000000000000008001c00040000000a0003006365746830000000
}

// A VXLAN endpoint on e0 (ifindex 3 here), as `ip link add vx0 type vxlan
// id 42 dev e0 remote 10.0.0.2 dstport 4789` sends it.
func ExampleVXLAN() {
	body, err := link.EncodeAdd(link.Spec{
		Name: "vx0",
		Kind: link.VXLAN{ID: 42, Dev: "e0", Remote: netip.MustParseAddr("10.0.0.2"), DstPort: 4789},
	}, link.Resolver{Index: func(name string) int { return map[string]int{"e0": 3}[name] }})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hex.EncodeToString(body))
	// Output:
	// 0000000000000000000000000000000008000300767830003c0012000900010076786c616e0000002c0002000800030003000000080001002a000000080002000a000002050007000100000006000f0012b50000
}

// KindArgs creates any other kind with ip-link(8)'s words, read by the
// same parser as the command line.
func ExampleKindArgs() {
	body, err := link.EncodeAdd(link.Spec{
		Name:   "e0.5",
		Parent: "e0",
		Kind:   link.KindArgs{Kind: "vlan", Args: []string{"id", "5"}},
	}, link.Resolver{Index: func(name string) int { return map[string]int{"e0": 3}[name] }})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hex.EncodeToString(body))
	// Output:
	// 0000000000000000000000000000000008000500030000000900030065302e35000000001800120008000100766c616e0c0002000600010005000000
}

// Add creates a veth pair whose peer goes straight into the namespace
// "blue" (/run/netns/blue), then sets the host end up and lists the
// links, as a CNI plugin would. (Not run: it needs root.)
func ExampleAdd() {
	ctx := context.Background()
	c, err := rtnl.Dial(-1)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	err = link.Add(ctx, c, link.Spec{
		Name: "host0",
		MTU:  1450,
		Kind: link.Veth{Peer: link.Spec{Name: "ceth0", NetNS: link.NetNSName("blue")}},
	})
	if errors.Is(err, unix.EEXIST) {
		log.Fatal("host0 exists already")
	} else if err != nil {
		log.Fatal(err)
	}
	if err := link.Set(ctx, c, "host0", link.Change{Up: new(true)}); err != nil {
		log.Fatal(err)
	}
	links, err := link.List(ctx, c)
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links {
		fmt.Println(l.Index, l.Name, l.MTU)
	}
}
