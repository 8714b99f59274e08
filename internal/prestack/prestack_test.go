package prestack

import (
	"testing"
	"unsafe"
)

// addr is where a local variable of the caller's frame is now: a stack
// that grows is copied elsewhere, and its frames' locals move with it.
//
//go:noinline
func addr(p *int) uintptr { return uintptr(unsafe.Pointer(p)) }

// bigFrame uses most of Size in one frame, which overflows any stack
// smaller than Size.
//
//go:noinline
func bigFrame() {
	var frame [Size - 8<<10]byte
	sinkBytes(frame[:])
}

//go:noinline
func sinkBytes([]byte) {}

// TestGrowOnce checks, on a fresh goroutine (whose stack starts small),
// that Grow moves the stack (it grew) and that a frame nearly Size deep
// does not move it again (it grew enough).
func TestGrowOnce(t *testing.T) {
	type result struct{ before, grown, after uintptr }
	done := make(chan result)
	go func() {
		var local int
		var r result
		r.before = addr(&local)
		Grow()
		r.grown = addr(&local)
		bigFrame()
		r.after = addr(&local)
		done <- r
	}()
	r := <-done
	if r.before == r.grown {
		t.Errorf("Grow left a fresh goroutine's stack where it was")
	}
	if r.grown != r.after {
		t.Errorf("a %d-byte frame grew the stack again after Grow", Size-8<<10)
	}
}

// TestGrowKeepsFrames calls Grow at the bottom of recursions of several
// depths; each frame checks its local after the return (a stack copy that
// lost a frame would show).
func TestGrowKeepsFrames(t *testing.T) {
	for _, depth := range []int{0, 1, 10, 200} {
		done := make(chan int)
		go func() { done <- recurse(depth) }()
		if got := <-done; got != depth {
			t.Errorf("depth %d: recursion returned %d", depth, got)
		}
	}
}

func recurse(n int) int {
	if n == 0 {
		Grow()
		return 0
	}
	local := n
	r := recurse(n - 1)
	if local != n {
		return -1
	}
	return r + 1
}
