package ipaddr

import (
	"io"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/link"
)

// The hot path of `ip address show`: the address dump is indexed (one
// buffer, sorted by link), then each link of the link dump is decoded and
// printed with its addresses. These benchmarks run it over the captured
// dumps in testdata and report the cost per link.

func benchLister(b testing.TB, opts cli.Options) (*lister, [][]byte, [][]byte) {
	b.Helper()
	links := readDump(b, linkDump)
	addrs := readDump(b, addrDump)
	env := cli.NewEnv(opts, nil, io.Discard, io.Discard)
	ls := &lister{env: env, p: env.P}
	ls.f.family = opts.Family
	ls.f.group = -1
	ls.setup()
	ls.noLink = opts.Oneline
	for _, m := range links {
		l, err := link.Decode(m)
		if err != nil {
			b.Fatal(err)
		}
		ls.names.Remember(l)
	}
	return ls, links, addrs
}

// BenchmarkAddrIndex is the address half of the join: storing the dump.
func BenchmarkAddrIndex(b *testing.B) {
	_, _, addrs := benchLister(b, cli.Options{})
	b.ReportAllocs()
	for b.Loop() {
		var x addrIndex
		for _, m := range addrs {
			x.add(m)
		}
		x.sort()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(addrs)), "ns/addr")
}

// BenchmarkAddrDecode is decodeInto alone.
func BenchmarkAddrDecode(b *testing.B) {
	_, _, addrs := benchLister(b, cli.Options{})
	var a addr.Addr
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range addrs {
			if err := addr.DecodeInto(&a, m); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(addrs)), "ns/addr")
}

// BenchmarkAddrShow is the join: every link decoded and printed with its
// addresses, in the output modes of `ip address show`.
func BenchmarkAddrShow(b *testing.B) {
	modes := []struct {
		name string
		opts cli.Options
	}{
		{"text", cli.Options{}},
		{"json", cli.Options{JSON: true}},
		{"brief", cli.Options{Brief: true}},
		{"oneline", cli.Options{Oneline: true}},
	}
	for _, mode := range modes {
		b.Run(mode.name, func(b *testing.B) {
			ls, links, addrs := benchLister(b, mode.opts)
			for _, m := range addrs {
				ls.addrs.add(m)
			}
			ls.addrs.sort()
			l := &ls.link
			b.ReportAllocs()
			ls.p.Begin()
			for b.Loop() {
				for _, m := range links {
					if err := link.DecodeInto(l, m); err != nil {
						b.Fatal(err)
					}
					ls.names.Remember(l)
					ls.show(l)
				}
			}
			ls.p.End()
			ls.p.Flush()
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(links)), "ns/link")
		})
	}
}
