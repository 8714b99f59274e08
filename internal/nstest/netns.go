package nstest

import (
	"os"
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

// NetNS makes a fresh network namespace and returns a descriptor of it,
// closed when t ends; the namespace goes when nothing holds it any more.
// A locked thread unshares it and exits, so no other goroutine ever runs
// there; inside, if non-nil, runs on that thread in the new namespace
// first (to open a socket there, say). Without root it skips t.
func NetNS(t testing.TB, inside func() error) int {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root for a network namespace of its own")
	}
	type result struct {
		fd  int
		err error
	}
	ch := make(chan result)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the goroutine
		if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
			ch <- result{-1, err}
			return
		}
		fd, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err == nil && inside != nil {
			if err = inside(); err != nil {
				unix.Close(fd)
				fd = -2
			}
		}
		ch <- result{fd, err}
	}()
	r := <-ch
	switch {
	case r.fd == -2:
		t.Fatal(r.err)
	case r.err != nil:
		t.Skipf("no network namespace: %v", r.err)
	}
	t.Cleanup(func() { unix.Close(r.fd) })
	return r.fd
}
