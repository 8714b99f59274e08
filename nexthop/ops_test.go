package nexthop

import (
	"context"
	"errors"
	"net/netip"
	"reflect"
	"testing"

	"github.com/gipnet/gip/internal/rtnltest"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// newNetNS dials a fresh network namespace (root only) with lo up.
func newNetNS(t *testing.T) *rtnl.Conn {
	c := rtnltest.Dial(t)
	// lo up (RTM_NEWLINK: struct ifinfomsg for index 1, IFF_UP set and
	// changed), so that nexthops through it are accepted.
	up := []byte{0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0}
	if err := c.Exec(unix.RTM_NEWLINK, 0, up); err != nil {
		t.Fatal(err)
	}
	return c
}

// The typed operations against the kernel: add, get, list, replace and
// delete, and the kernel's refusals as *rtnl.Error with their errno.
func TestOperations(t *testing.T) {
	c := newNetNS(t)
	ctx := context.Background()
	adds := []Nexthop{
		{ID: 1, Dev: 1},
		{ID: 2, Gateway: netip.MustParseAddr("127.0.0.2"), Dev: 1, Protocol: unix.RTPROT_STATIC},
		{ID: 3, Blackhole: true},
		{ID: 10, Group: []GroupMember{{ID: 1, Weight: 1}, {ID: 2, Weight: 5}}},
		{ID: 11, Group: []GroupMember{{ID: 1, Weight: 1}}, Type: GroupResilient,
			Resilient: Resilient{Buckets: 8, IdleTimer: 1230 * tick}},
	}
	for _, nh := range adds {
		if err := Add(ctx, c, nh); err != nil {
			t.Fatalf("add %+v: %v", nh, err)
		}
	}
	err := Add(ctx, c, adds[0])
	var re *rtnl.Error
	if !errors.Is(err, unix.EEXIST) || !errors.As(err, &re) {
		t.Errorf("adding id 1 twice: %v (%T), want EEXIST as *rtnl.Error", err, err)
	}
	list, err := List(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(adds) {
		t.Fatalf("listed %d nexthops, want %d: %+v", len(list), len(adds), list)
	}
	for i, got := range list {
		want := adds[i]
		// What the kernel fills in.
		want.Family, want.Scope = got.Family, got.Scope
		want.Resilient.UnbalancedTimer, want.Resilient.UnbalancedTime = got.Resilient.UnbalancedTimer, got.Resilient.UnbalancedTime
		if !reflect.DeepEqual(got, want) {
			t.Errorf("listed\n %+v\nwant %+v", got, want)
		}
	}
	if list[0].Family != unix.AF_INET || list[3].Family != unix.AF_UNSPEC {
		t.Errorf("families %d and %d, want AF_INET and AF_UNSPEC", list[0].Family, list[3].Family)
	}
	got, err := Get(ctx, c, 2)
	if err != nil || !reflect.DeepEqual(got, list[1]) {
		t.Errorf("get 2: %+v %v, want %+v", got, err, list[1])
	}
	if _, err := Get(ctx, c, 99); !errors.Is(err, unix.ENOENT) {
		t.Errorf("get 99: %v, want ENOENT", err)
	}
	if err := Replace(ctx, c, Nexthop{ID: 3, Dev: 1}); err != nil {
		t.Fatal(err)
	}
	if got, err := Get(ctx, c, 3); err != nil || got.Blackhole || got.Dev != 1 {
		t.Errorf("after replace: %+v %v", got, err)
	}
	if err := Delete(ctx, c, 10); err != nil {
		t.Fatal(err)
	}
	if err := Delete(ctx, c, 10); !errors.Is(err, unix.ENOENT) {
		t.Errorf("deleting 10 twice: %v, want ENOENT", err)
	}
	groups, err := ListFiltered(ctx, c, Filter{Groups: true})
	if err != nil || len(groups) != 1 || groups[0].ID != 11 {
		t.Errorf("groups: %+v %v, want 11 alone", groups, err)
	}
}
