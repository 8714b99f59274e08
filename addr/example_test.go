package addr_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"net/netip"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// EncodeRequest builds the request Add sends: here the bytes `ip address
// add 10.0.0.1/24 dev e0` sends when e0 is ifindex 3.
func ExampleEncodeRequest() {
	body, err := addr.EncodeRequest(unix.RTM_NEWADDR, addr.Address{
		Index:  3,
		Prefix: netip.MustParsePrefix("10.0.0.1/24"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hex.EncodeToString(body))
	// Output:
	// 0218000003000000080002000a000001080001000a000001
}

// Add puts an address on a link found by name, then lists the link's
// addresses. (Not run: it needs root.)
func ExampleAdd() {
	ctx := context.Background()
	c, err := rtnl.Dial(-1)
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	l, err := link.Get(ctx, c, "host0")
	if err != nil {
		log.Fatal(err)
	}
	err = addr.Add(ctx, c, addr.Address{Index: int(l.Index), Prefix: netip.MustParsePrefix("10.99.0.1/24")})
	if err != nil && !errors.Is(err, unix.EEXIST) {
		log.Fatal(err)
	}
	addrs, err := addr.List(ctx, c, addr.Filter{Index: int(l.Index)})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range addrs {
		fmt.Println(a.Prefix, a.Label)
	}
}
