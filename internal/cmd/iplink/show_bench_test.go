package iplink

import (
	"io"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/link"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The hot path of `ip link show`: each message of a dump is decoded into
// one reused Link and printed. These benchmarks run it over the captured
// dump in testdata (lo, a veth pair with an alias, a tun device) and
// report the cost per link.

func benchLinks(b *testing.B) ([][]byte, *link.Names) {
	b.Helper()
	msgs := readDump(b, linkDump)
	names := link.NewNames(-1)
	for _, m := range msgs {
		l, err := link.Decode(m)
		if err != nil {
			b.Fatal(err)
		}
		names.Remember(l)
	}
	return msgs, names
}

func perLink(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/link")
}

// BenchmarkDecode is DecodeInto alone.
func BenchmarkDecode(b *testing.B) {
	msgs, _ := benchLinks(b)
	var l link.Link
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			if err := link.DecodeInto(&l, m); err != nil {
				b.Fatal(err)
			}
		}
	}
	perLink(b, len(msgs))
}

// BenchmarkRememberMsg is the look-ahead that records each link's name.
func BenchmarkRememberMsg(b *testing.B) {
	msgs := readDump(b, linkDump)
	names := link.NewNames(-1)
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			names.RememberMsg(nlMessage(unix.RTM_NEWLINK, m))
		}
	}
	perLink(b, len(msgs))
}

// BenchmarkDecodePrint decodes and prints every link, in each output mode
// of the scenarios the whole-process benchmark times.
func BenchmarkDecodePrint(b *testing.B) {
	modes := []struct {
		name string
		fmt  format.Options
		opts PrintOptions
	}{
		{"text", format.Options{}, PrintOptions{}},
		{"details", format.Options{}, PrintOptions{Details: 1}},
		{"json", format.Options{JSON: true}, PrintOptions{}},
		{"brief", format.Options{}, PrintOptions{Brief: true}},
		{"oneline", format.Options{Oneline: true}, PrintOptions{}},
		{"stats", format.Options{}, PrintOptions{Stats: 1}},
	}
	for _, mode := range modes {
		b.Run(mode.name, func(b *testing.B) {
			msgs, names := benchLinks(b)
			p := format.New(io.Discard, mode.fmt)
			o := mode.opts
			o.DoLink, o.Family = true, unix.AF_PACKET
			pr := newPrinter(p, o, names, nil)
			var l link.Link
			b.ReportAllocs()
			p.Begin()
			for b.Loop() {
				for _, m := range msgs {
					if err := link.DecodeInto(&l, m); err != nil {
						b.Fatal(err)
					}
					names.Remember(&l)
					p.OpenObject("")
					pr.PrintLink(&l, false)
					p.CloseObject()
				}
			}
			p.End()
			p.Flush()
			perLink(b, len(msgs))
		})
	}
}

func nlMessage(typ uint16, data []byte) netlink.Message {
	return netlink.Message{Header: netlink.Header{Type: netlink.HeaderType(typ)}, Data: data}
}
