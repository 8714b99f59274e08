package nexthop

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
)

// FuzzModifyRequest feeds the add/replace/del parser arbitrary words: it
// must return a request or an error, never panic, and a request must
// hold a whole struct nhmsg and well-formed attributes.
func FuzzModifyRequest(f *testing.F) {
	for _, s := range []string{
		"id 5 via 172.18.0.1 dev eth0",
		"id 11 group 5/6,3 type resilient buckets 8 idle_timer 120 unbalanced_timer 3",
		"id 12 encap mpls 100/200 via 172.18.0.1 dev eth0 onlink protocol static",
		"id 9 blackhole fdb", "group ,/", "via inet6 ::1", "type resilient",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := modifyRequest(0, cli.NewArgs(strings.Split(s, " ")), testLookup)
		if err != nil {
			return
		}
		if len(b) < nhmsgLen {
			t.Fatalf("%q: request of %d bytes", s, len(b))
		}
		a := nl.NewAttrs(b[nhmsgLen:])
		for a.Next() {
		}
		if a.Err() != nil {
			t.Fatalf("%q: %v", s, a.Err())
		}
	})
}

// FuzzPrintMessage feeds the printer arbitrary nexthop and bucket
// messages in every output mode: it must print or refuse, never panic.
func FuzzPrintMessage(f *testing.F) {
	for _, m := range goldenMessages(f) {
		f.Add(uint16(m.Header.Type), m.Data)
	}
	f.Add(uint16(rtmNewNexthop), []byte{2, 0, 0, 0})
	f.Fuzz(func(t *testing.T, typ uint16, data []byte) {
		for _, o := range []cli.Options{{}, {Details: 1, Stats: 1}, {JSON: true, Pretty: true}, {Oneline: true, Numeric: true}} {
			var out bytes.Buffer
			env := cli.NewEnv(o, nil, &out, &out)
			pr := NewPrinter(env)
			pr.aux.NoLookups()
			for i := uint32(0); i < 8; i++ {
				pr.aux.KnowLink(i, "eth"+string(rune('0'+i)))
			}
			m := netlink.Message{Header: netlink.Header{Type: netlink.HeaderType(typ), Length: uint32(16 + len(data))}, Data: data}
			env.P.Begin()
			_ = pr.PrintMessage(m)
			env.P.End()
			env.P.Flush()
		}
	})
}
