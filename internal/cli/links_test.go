package cli

import (
	"io"
	"testing"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// offlineEnv is an Env whose namespace fd is no fd: every dial fails, so
// nothing reaches a kernel and only the cache and "ifN" answer.
func offlineEnv(batch bool) *Env {
	e := NewEnv(Options{}, nil, io.Discard, io.Discard)
	e.NetNSFD = 1 << 30
	e.InBatch = batch
	return e
}

func newlink(t *testing.T, index int32, name string) []byte {
	b, err := rtnl.Body(rtnl.IfInfomsg{Index: index}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.String(unix.IFLA_IFNAME, name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLinkIndex(t *testing.T) {
	e := offlineEnv(true)
	defer e.Close()
	e.Links().Remember(unix.RTM_NEWLINK, newlink(t, 3, "v0"))
	for _, tc := range []struct {
		name string
		want uint32
	}{
		{"v0", 3},  // cached: the kernel is not asked
		{"if7", 7}, // ll_idx_a2n
		{"v1", 0},
		{"", 0},
	} {
		if got := e.LinkIndex(tc.name); got != tc.want {
			t.Errorf("LinkIndex(%q) = %d, want %d", tc.name, got, tc.want)
		}
	}
	e.DropLink(3)
	if got := e.LinkIndex("v0"); got != 0 {
		t.Errorf("LinkIndex(v0) after DropLink = %d, want 0", got)
	}
}

func TestLinkCachePerRun(t *testing.T) {
	e := offlineEnv(true)
	defer e.Close()
	if e.CloneLinks() != nil {
		t.Error("CloneLinks made a cache")
	}
	e.Links().Remember(unix.RTM_NEWLINK, newlink(t, 3, "v0"))
	// a forked copy works on a copy
	saved := e.SetLinks(e.CloneLinks())
	e.DropLink(3)
	e.SetLinks(saved)
	if got := e.LinkIndex("v0"); got != 3 {
		t.Errorf("LinkIndex(v0) after the copy dropped it = %d, want 3", got)
	}
	// under -batch the printers' names are the run's
	if got := e.LinkNames().Name(3); got != "v0" {
		t.Errorf("LinkNames().Name(3) = %q, want v0", got)
	}
	// a single command's printers have a cache of their own
	one := offlineEnv(false)
	defer one.Close()
	one.Links().Remember(unix.RTM_NEWLINK, newlink(t, 3, "v0"))
	if got := one.LinkNames().Name(3); got != "if3" {
		t.Errorf("single command: LinkNames().Name(3) = %q, want if3", got)
	}
	one.InitLinks() // no dump outside -batch (it would fail here)
	if one.Links().Inited() {
		t.Error("InitLinks loaded the cache outside -batch")
	}
}
