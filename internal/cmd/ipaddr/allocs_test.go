package ipaddr

import (
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/link"
)

// TestShowNoAllocs decodes and prints every link of the captured dump with
// its addresses, in each output mode of ip address show, and wants no
// allocation per link: the join costs its index, not memory per message.
func TestShowNoAllocs(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts cli.Options
	}{
		{"text", cli.Options{}},
		{"json", cli.Options{JSON: true}},
		{"brief", cli.Options{Brief: true}},
		{"oneline", cli.Options{Oneline: true}},
		{"details", cli.Options{Details: 1}},
	} {
		ls, links, addrs := benchLister(t, tc.opts)
		for _, m := range addrs {
			ls.addrs.add(m)
		}
		ls.addrs.sort()
		l := &ls.link
		ls.p.Begin()
		for i, m := range links {
			allocs := testing.AllocsPerRun(20, func() {
				if err := link.DecodeInto(l, m); err != nil {
					t.Fatal(err)
				}
				ls.names.Remember(l)
				ls.show(l)
			})
			if allocs != 0 {
				t.Errorf("%s: link %d: %v allocations per link, want 0", tc.name, i, allocs)
			}
		}
		ls.p.End()
	}
}
