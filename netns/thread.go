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
