package rtnlcompat_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/rtnlcompat"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/jsimonetti/rtnetlink/v2/driver"
	"golang.org/x/sys/unix"
)

// Decoding a captured message body into rtnetlink's type: 127.0.0.1/8 on
// lo, from addr/testdata/addrs.bin.
func ExampleDecode() {
	body, _ := hex.DecodeString("020880fe01000000080001007f000001080002007f000001070003006c6f0000" +
		"080008008000000014000600ffffffffffffffffef610300ef610300")
	m, err := rtnlcompat.Decode(unix.RTM_NEWADDR, body)
	if err != nil {
		panic(err)
	}
	a := m.(*rtnetlink.AddressMessage)
	fmt.Printf("%s/%d on index %d, label %s\n", a.Attributes.Local, a.PrefixLength, a.Index, a.Attributes.Label)
	// Output: 127.0.0.1/8 on index 1, label lo
}

// Creating a veth pair with rtnetlink's message types, in the namespace
// blue, through gip's connection: a second run fails with the kernel's
// EEXIST, as an *rtnl.Error.
func ExampleExecute() {
	ctx := context.Background()
	c, err := rtnl.DialNetNS("blue")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	veth := &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{
		Name: "host0",
		Info: &rtnetlink.LinkInfo{Kind: "veth", Data: &driver.Veth{
			PeerInfo: &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{Name: "ceth0"}},
		}},
	}}
	err = rtnlcompat.Execute(ctx, c, unix.RTM_NEWLINK, rtnl.Create|rtnl.Excl, veth)
	if errors.Is(err, unix.EEXIST) {
		fmt.Println("host0 exists already")
	}
	for l, err := range rtnlcompat.Links(ctx, c) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(l.Index, l.Attributes.Name)
	}
}
