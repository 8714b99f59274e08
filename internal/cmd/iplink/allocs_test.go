package iplink

import (
	"io"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/link"
	"golang.org/x/sys/unix"
)

// TestPrintNoAllocs decodes and prints every link of the captured dump in
// the output modes of ip link show and wants no allocation per link: a
// listing of 4,001 links must cost the same memory as of one.
//
// The dump's kinds are veth and tun; other kinds' -details printers still
// decode IFLA_INFO_DATA with mdlayher's attribute decoder (an allocation
// per link).
func TestPrintNoAllocs(t *testing.T) {
	msgs := readDump(t, linkDump)
	for _, tc := range []struct {
		name string
		fmt  format.Options
		opts PrintOptions
	}{
		{"text", format.Options{}, PrintOptions{}},
		{"json", format.Options{JSON: true}, PrintOptions{}},
		{"brief", format.Options{}, PrintOptions{Brief: true}},
		{"oneline", format.Options{Oneline: true}, PrintOptions{}},
		{"color", format.Options{Color: true}, PrintOptions{}},
		{"details", format.Options{}, PrintOptions{Details: 1}},
		{"stats", format.Options{}, PrintOptions{Stats: 2}},
	} {
		names := link.NewNames(-1)
		for _, m := range msgs {
			l, err := link.Decode(m)
			if err != nil {
				t.Fatal(err)
			}
			names.Remember(l)
		}
		p := format.New(io.Discard, tc.fmt)
		o := tc.opts
		o.DoLink, o.Family = true, unix.AF_PACKET
		pr := newPrinter(p, o, names, nil)
		var l link.Link
		p.Begin()
		for i, m := range msgs {
			allocs := testing.AllocsPerRun(20, func() {
				if err := link.DecodeInto(&l, m); err != nil {
					t.Fatal(err)
				}
				names.Remember(&l)
				p.OpenObject("")
				pr.PrintLink(&l, false)
				p.CloseObject()
			})
			if allocs != 0 {
				t.Errorf("%s: link %d: %v allocations per link, want 0", tc.name, i, allocs)
			}
		}
		p.End()
	}
}
