package iproute

import (
	"io"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/route"
	"golang.org/x/sys/unix"
)

// TestPrintNoAllocs decodes and prints every message of the captured dump
// (single routes, multipath, encaps, metrics) in each output mode and
// wants no allocation per message: ip route show of 100k routes must cost
// the same memory as of one.
func TestPrintNoAllocs(t *testing.T) {
	bodies := goldenBodies(t)
	for _, tc := range []struct {
		name    string
		opts    format.Options
		details int
	}{
		{"text", format.Options{}, 0},
		{"details", format.Options{}, 1},
		{"json", format.Options{JSON: true}, 0},
		{"oneline", format.Options{Oneline: true}, 0},
	} {
		f := newFilter(unix.AF_UNSPEC)
		f.table = 0
		pr := &printer{p: format.New(io.Discard, tc.opts), f: &f, details: tc.details, links: testLinks()}
		pr.p.Begin()
		var r route.Message
		for i, b := range bodies {
			allocs := testing.AllocsPerRun(20, func() {
				if err := route.DecodeMessage(unix.RTM_NEWROUTE, b, &r); err != nil {
					t.Fatal(err)
				}
				if f.match(&r) {
					pr.print(&r)
				}
			})
			if allocs != 0 {
				t.Errorf("%s: message %d: %v allocations per message, want 0", tc.name, i, allocs)
			}
		}
		pr.p.End()
		pr.p.Flush()
	}
}

// BenchmarkPrintGoldenDump decodes and prints the captured dump.
func BenchmarkPrintGoldenDump(b *testing.B) {
	bodies := goldenBodies(b)
	f := newFilter(unix.AF_UNSPEC)
	f.table = 0
	pr := &printer{p: format.New(io.Discard, format.Options{}), f: &f, links: testLinks()}
	var r route.Message
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			if err := route.DecodeMessage(unix.RTM_NEWROUTE, body, &r); err != nil {
				b.Fatal(err)
			}
			if f.match(&r) {
				pr.print(&r)
			}
		}
	}
	pr.p.Flush()
}

// TestPrintFlagsBits checks rtFlagBits names every bit printFlags prints.
func TestPrintFlagsBits(t *testing.T) {
	var all uint32
	for _, fl := range rtFlagNames {
		all |= fl.bit
	}
	if all != rtFlagBits {
		t.Errorf("rtFlagBits = %#x, the names' bits are %#x", rtFlagBits, all)
	}
}

// TestPrintEncapsNoAllocs prints the encapsulations of testdata/encap2.bin
// (xfrm, rpl, ioam6, seg6local with flavors, ip/ip6 tunnels, ila, eBPF
// programs) and wants no allocation per route.
func TestPrintEncapsNoAllocs(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts format.Options
	}{
		{"text", format.Options{}},
		{"json", format.Options{JSON: true}},
	} {
		f := newFilter(unix.AF_UNSPEC)
		f.table = 0
		pr := &printer{p: format.New(io.Discard, tc.opts), f: &f, details: 1, links: testLinks()}
		pr.p.Begin()
		var r route.Message
		for i, b := range encapMoreBodies(t) {
			allocs := testing.AllocsPerRun(20, func() {
				if err := route.DecodeMessage(unix.RTM_NEWROUTE, b, &r); err != nil {
					t.Fatal(err)
				}
				if f.match(&r) {
					pr.print(&r)
				}
			})
			if allocs != 0 {
				t.Errorf("%s: route %d: %v allocations per route, want 0", tc.name, i, allocs)
			}
		}
		pr.p.End()
	}
}
