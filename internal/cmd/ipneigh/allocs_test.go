package ipneigh

import (
	"io"
	"testing"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"golang.org/x/sys/unix"
)

// neighDumpMsgs are neighbour messages as the kernel dumps them: IPv4 with
// a link-layer address, cache info, probes and protocol; IPv6 proxy
// entries; a bridge entry; and a neighbour of an interface index no name
// is known for.
func neighDumpMsgs() [][]byte {
	return [][]byte{
		neighMsg(unix.AF_INET, 1, unix.NUD_STALE, unix.NTF_ROUTER|unix.NTF_EXT_LEARNED,
			"08000100"+"0a00000b"+"0a000200"+"02000000000b"+"0000"+
				"14000300"+"70170000"+"c8000000"+"2c010000"+"02000000"+
				"08000400"+"03000000"+"05000c00"+"04000000"),
		neighMsg(unix.AF_INET, 1, unix.NUD_REACHABLE, 0, "08000100"+"0ac80102"+"0a000200"+"020000000102"+"0000"),
		neighMsg(unix.AF_INET6, 1, unix.NUD_NOARP|unix.NUD_PERMANENT, unix.NTF_PROXY, "14000100"+"20010db8000000000000000000000005"),
		neighMsg(unix.AF_INET, 1, 0, 0, "08000100"+"0a00000a"),
		neighMsg(unix.AF_BRIDGE, 1, 0, 0, "14000100"+"20010db8000000000000000000000005"),
	}
}

// TestPrintNoAllocs decodes and prints neighbour messages in each output
// mode and wants no allocation per message: ip neigh show of 10k entries
// must cost the same memory as of one.
func TestPrintNoAllocs(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts cli.Options
	}{
		{"text", cli.Options{}},
		{"stats", cli.Options{Stats: 1}},
		{"json", cli.Options{JSON: true}},
		{"brief", cli.Options{Brief: true}},
	} {
		env := cli.NewEnv(tc.opts, nil, io.Discard, io.Discard)
		env.P = format.New(io.Discard, format.Options{JSON: tc.opts.JSON})
		f := neighFilter{state: ^uint32(0), index: 1}
		pr := newNeighPrinter(env, &f)
		env.P.Begin()
		for i, body := range neighDumpMsgs() {
			allocs := testing.AllocsPerRun(20, func() { pr.print(unix.RTM_NEWNEIGH, 0, body) })
			if allocs != 0 {
				t.Errorf("%s: message %d: %v allocations per message, want 0", tc.name, i, allocs)
			}
		}
		env.P.End()
	}
}

// BenchmarkPrint decodes and prints neighbour messages.
func BenchmarkPrint(b *testing.B) {
	env := cli.NewEnv(cli.Options{}, nil, io.Discard, io.Discard)
	f := neighFilter{state: ^uint32(0), index: 1}
	pr := newNeighPrinter(env, &f)
	msgs := neighDumpMsgs()
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range msgs {
			pr.print(unix.RTM_NEWNEIGH, 0, body)
		}
	}
}
