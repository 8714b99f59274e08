package netns

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The test binary's main goroutine keeps the main thread, and onMain runs
// functions on it, so that OnThrowawayThread can be called as gip calls it:
// from the main goroutine, which leaves the main thread idle while it waits.
func init() { runtime.LockOSThread() }

var onMainQueue = make(chan func())

func TestMain(m *testing.M) {
	code := make(chan int)
	go func() { code <- m.Run() }()
	for {
		select {
		case fn := <-onMainQueue:
			fn()
		case c := <-code:
			os.Exit(c)
		}
	}
}

func onMain(fn func()) {
	done := make(chan struct{})
	onMainQueue <- func() { fn(); close(done) }
	<-done
}

func TestOnThrowawayThread(t *testing.T) {
	for _, tc := range []struct {
		name string
		call func(func())
	}{
		{"from a test goroutine", func(fn func()) { fn() }},
		// gip's main goroutine is not pinned: while it waits the main
		// thread is free to pick up the new goroutine. Last, as the main
		// goroutine may come back on another thread.
		{"from the unpinned main goroutine", func(fn func()) {
			onMain(func() {
				runtime.UnlockOSThread()
				defer runtime.LockOSThread()
				fn()
			})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var worker int
			tc.call(func() {
				OnThrowawayThread(func() { worker = unix.Gettid() })
			})
			if worker == 0 {
				t.Fatal("fn did not run")
			}
			if worker == unix.Getpid() {
				t.Fatalf("fn ran on the main thread (tid %d)", worker)
			}
			// The worker's thread ends with fn: it is never reused with
			// whatever namespaces fn left it in.
			task := "/proc/self/task/" + strconv.Itoa(worker)
			deadline := time.Now().Add(5 * time.Second)
			for {
				if _, err := os.Stat(task); os.IsNotExist(err) {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("thread %d still exists after fn returned", worker)
				}
				time.Sleep(time.Millisecond)
			}
		})
	}
}

// onNetRestoredThread's worker thread is back in the caller's network
// namespace after fn moved it, and lives on.
func TestOnNetRestoredThread(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("unshare(CLONE_NEWNET) needs root")
	}
	var st0 unix.Stat_t
	if err := unix.Stat("/proc/thread-self/ns/net", &st0); err != nil {
		t.Skip(err)
	}
	var worker int
	var moved unix.Stat_t
	var uerr error
	onNetRestoredThread(func() {
		worker = unix.Gettid()
		if uerr = unix.Unshare(unix.CLONE_NEWNET); uerr == nil {
			uerr = unix.Stat("/proc/thread-self/ns/net", &moved)
		}
	})
	if uerr != nil {
		t.Fatal(uerr)
	}
	if moved.Ino == st0.Ino {
		t.Fatal("fn's unshare left the thread in the same namespace")
	}
	var back unix.Stat_t
	if err := unix.Stat("/proc/self/task/"+strconv.Itoa(worker)+"/ns/net", &back); err != nil {
		t.Fatalf("thread %d gone: %v", worker, err)
	}
	if back.Ino != st0.Ino || back.Dev != st0.Dev {
		t.Fatalf("thread %d left in namespace %d, want %d", worker, back.Ino, st0.Ino)
	}
}
