package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/netip"
	"testing"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/nstest"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
)

// BenchmarkBatchRouteAdd is the per-line cost of `ip -batch` adding routes,
// the bench row "batch 100k route add": a line read, split, parsed,
// encoded, sent and acknowledged by a real kernel, in a namespace of the
// benchmark's own (root only) with a veth that has 192.0.2.1/24. allocs/op
// is the goal here: 0 (a text chunk per ~1,600 lines rounds away).
func BenchmarkBatchRouteAdd(b *testing.B) {
	nsFD := nstest.NetNS(b, func() error {
		c, err := rtnl.Dial(-1)
		if err != nil {
			return err
		}
		defer c.Close()
		ctx := context.Background()
		if err := link.Add(ctx, c, link.Spec{Name: "up0", Kind: link.Veth{Peer: link.Spec{Name: "up1"}}}); err != nil {
			return err
		}
		up := true
		for _, n := range []string{"up0", "up1"} {
			if err := link.Set(ctx, c, n, link.Change{Up: &up}); err != nil {
				return err
			}
		}
		l, err := link.Get(ctx, c, "up0")
		if err != nil {
			return err
		}
		return addr.Add(ctx, c, addr.Address{Index: int(l.Index), Prefix: netip.MustParsePrefix("192.0.2.1/24")})
	})
	// Each round has a namespace of its own: the routes are all new.
	if b.N > 1<<24 {
		b.Fatal("more lines than addresses in 10.0.0.0/8")
	}
	var in bytes.Buffer
	for i := 0; i < b.N; i++ {
		fmt.Fprintf(&in, "route add 10.%d.%d.%d/32 via 192.0.2.2\n", i>>16&0xff, i>>8&0xff, i&0xff)
	}
	var errOut bytes.Buffer
	env := cli.NewEnv(cli.Options{}, nil, io.Discard, &errOut)
	env.NetNSFD = nsFD
	env.InBatch = true
	defer env.Close()
	if _, err := env.Conn(); err != nil { // dial outside the timing
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	status, _ := batchLoop(env, "-", newBatchReader(&in), doCmd)
	b.StopTimer()
	if status != 0 {
		b.Fatalf("status %d: %s", status, errOut.Bytes())
	}
}
