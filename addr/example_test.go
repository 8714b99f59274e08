package addr_test

import (
	"encoding/hex"
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/addr"
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
