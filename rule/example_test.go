package rule_test

import (
	"encoding/hex"
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/rule"
	"golang.org/x/sys/unix"
)

// Encoding the request `ip rule add from 10.0.0.0/8 pref 100 table 100`
// sends, then decoding it back.
func ExampleRequest() {
	b, err := rule.Request(unix.RTM_NEWRULE, rule.Rule{
		Src: netip.MustParsePrefix("10.0.0.0/8"), Priority: 100, Table: 100,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(hex.EncodeToString(b))
	var m rule.Message
	rule.DecodeMessage(b, &m)
	r := rule.FromMessage(&m)
	fmt.Println(r.Src, r.Priority, r.Table, r.Action == unix.FR_ACT_TO_TBL)
	// Output:
	// 020008006400000100000000080002000a0000000800060064000000
	// 10.0.0.0/8 100 100 true
}
