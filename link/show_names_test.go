package link

import (
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

// TestNamesCache checks the paged name cache: names survive the arena
// growing under them, a re-remembered link keeps its name, an unknown
// index is remembered as such, and large indexes go to the map.
func TestNamesCache(t *testing.T) {
	n := NewNames(-1)
	var held []string
	for i := uint32(1); i <= 3000; i++ {
		n.store(i, []byte(fmt.Sprintf("eth%d", i)), i, true)
		e, ok := n.find(i)
		if !ok || !e.ok {
			t.Fatalf("find(%d) after store = %+v, %v", i, e, ok)
		}
		held = append(held, e.name) // views of the arena as it was
	}
	for i, s := range held {
		if want := fmt.Sprintf("eth%d", i+1); s != want {
			t.Fatalf("name %d read earlier = %q, want %q", i+1, s, want)
		}
	}
	if got := n.Name(2999); got != "eth2999" {
		t.Errorf("Name(2999) = %q, want eth2999", got)
	}
	if f, ok := n.Flags(7); !ok || f != 7 {
		t.Errorf("Flags(7) = %d, %v, want 7, true", f, ok)
	}
	size := len(n.arena)
	l := &Link{Index: 5, Name: "eth5", Flags: 99}
	l.mark(unix.IFLA_IFNAME)
	n.Remember(l)
	if len(n.arena) != size {
		t.Errorf("Remember of a known name grew the arena by %d bytes", len(n.arena)-size)
	}
	if f, _ := n.Flags(5); f != 99 {
		t.Errorf("Flags(5) after Remember = %d, want 99", f)
	}
	n.store(4000, nil, 0, false)
	if e, ok := n.find(4000); !ok || e.ok {
		t.Errorf("find(4000) stored as unknown = %+v, %v, want known-missing", e, ok)
	}
	if got := n.Name(4000); got != "if4000" {
		t.Errorf("Name(4000) = %q, want if4000", got)
	}
	n.store(denseMax+1, []byte("big"), 1, true)
	if got := n.Name(denseMax + 1); got != "big" {
		t.Errorf("Name(denseMax+1) = %q, want big", got)
	}
	if _, ok := n.find(3500); ok {
		t.Errorf("find(3500) on an empty slot reported a hit")
	}
}
