// Package rtnltest gives library tests a connection to a network
// namespace of their own. It is apart from nstest because rtnl's own
// tests use nstest, and this package imports rtnl.
package rtnltest

import (
	"testing"

	"github.com/gipnet/gip/internal/nstest"
	"github.com/gipnet/gip/rtnl"
)

// Dial returns a connection to a fresh network namespace (nstest.NetNS),
// closed when t ends. Without root it skips t.
func Dial(t testing.TB) *rtnl.Conn {
	t.Helper()
	c, err := rtnl.Dial(nstest.NetNS(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}
