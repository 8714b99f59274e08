package rtnl

import (
	"context"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// BenchmarkQueryContext measures what a context costs a request: nothing
// for one that cannot end, a deadline and an AfterFunc otherwise. It asks
// the test's namespace for link 1 (read-only).
func BenchmarkQueryContext(b *testing.B) {
	c, err := Dial(-1)
	if err != nil {
		b.Skip(err)
	}
	defer c.Close()
	req := IfInfomsg{Index: 1}.Append(nil)
	for _, bc := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
	}{
		{"plain", nil},
		{"background", func() (context.Context, context.CancelFunc) { return context.Background(), func() {} }},
		{"cancel", func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }},
		{"timeout", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), time.Minute)
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var ctx context.Context
			if bc.ctx != nil {
				var cancel context.CancelFunc
				ctx, cancel = bc.ctx()
				defer cancel()
			}
			for b.Loop() {
				var err error
				if ctx == nil {
					_, err = c.Query(unix.RTM_GETLINK, 0, req)
				} else {
					_, err = c.QueryContext(ctx, unix.RTM_GETLINK, 0, req)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
