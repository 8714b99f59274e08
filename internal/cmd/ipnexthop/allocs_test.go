package ipnexthop

import (
	"io"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/nexthop"
)

// TestPrintNoAllocs prints every message of the captured dump (single
// nexthops, groups, resilient groups, buckets, encaps) in each output mode
// and wants no allocation per message: ip nexthop show of 10k nexthops
// must cost the same memory as of one.
func TestPrintNoAllocs(t *testing.T) {
	msgs := goldenMessages(t)
	for _, tc := range []struct {
		name string
		o    cli.Options
	}{
		{"text", cli.Options{}},
		{"details", cli.Options{Details: 1}},
		{"json", cli.Options{Details: 1, JSON: true, Pretty: true}},
		{"numeric oneline", cli.Options{Numeric: true, Oneline: true}},
	} {
		o := tc.o
		env := cli.NewEnv(o, nil, io.Discard, io.Discard)
		pr := NewPrinter(env)
		pr.aux.NoLookups()
		pr.aux.KnowLink(1, "lo")
		pr.aux.KnowLink(2, "eth1")
		pr.aux.KnowLink(3, "eth0")
		env.P.Begin()
		for i, m := range msgs {
			if o.JSON && uint16(m.Header.Type) != nexthop.RTMNewNexthop {
				continue
			}
			allocs := testing.AllocsPerRun(20, func() {
				if err := pr.PrintMessage(m); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("%s: message %d: %v allocations per message, want 0", tc.name, i, allocs)
			}
		}
		env.P.End()
		env.P.Flush()
	}
}

// BenchmarkPrintDump prints the captured dump.
func BenchmarkPrintDump(b *testing.B) {
	msgs := goldenMessages(b)
	env := cli.NewEnv(cli.Options{}, nil, io.Discard, io.Discard)
	pr := NewPrinter(env)
	pr.aux.NoLookups()
	pr.aux.KnowLink(1, "lo")
	pr.aux.KnowLink(2, "eth1")
	pr.aux.KnowLink(3, "eth0")
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			if err := pr.PrintMessage(m); err != nil {
				b.Fatal(err)
			}
		}
	}
	env.P.Flush()
}
