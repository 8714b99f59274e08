package netns

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// OnThrowawayThread runs fn and waits for it, on a goroutine locked to a
// thread that is not the process's main thread and that exits when fn
// returns. fn may change that thread's namespaces (setns, unshare) and need
// not undo anything.
//
// It must not be the main thread: the runtime cannot end a main thread left
// locked (it parks it for good), and /proc/PID — netns identify, netns pids
// — shows the main thread's namespaces, which must stay gip's own. gip does
// not pin the main goroutine to the main thread at start-up (that costs a
// runtime template thread on every run), so whichever thread the goroutine
// lands on is checked here.
func OnThrowawayThread(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread() // never unlocked: the thread ends with fn
		if unix.Gettid() == unix.Getpid() {
			// The main thread: hold it, locked and parked, while
			// another thread (it cannot be this one) does the work,
			// then give it back unchanged.
			OnThrowawayThread(fn)
			runtime.UnlockOSThread()
			return
		}
		fn()
	}()
	<-done
}

// onNetRestoredThread runs fn and waits for it, on a goroutine locked to a
// thread whose network namespace is put back afterwards; the thread then
// returns to the runtime. fn may change that thread's network namespace
// (unshare, setns) and nothing else of it.
//
// Retiring a thread is what makes OnThrowawayThread dear: ending a locked
// thread cost `ip netns add` about 2 ms of wall time here (11.4 against
// 13.3 ms a run, `gip netns add` then `del`, 200 runs each), a sixth of
// it. iproute2 too enters the namespace in place and goes back with setns.
// When the namespace cannot be saved or put back, the thread is retired
// instead.
func onNetRestoredThread(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		self, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			// No way back: the goroutine ends locked, with its thread.
			OnThrowawayThread(fn)
			runtime.UnlockOSThread()
			return
		}
		fn()
		if unix.Setns(self, unix.CLONE_NEWNET) == nil {
			runtime.UnlockOSThread()
		}
		unix.Close(self)
	}()
	<-done
}
