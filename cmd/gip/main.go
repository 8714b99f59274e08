// Command gip is iproute2's ip and bridge and bridge-utils' brctl in one
// binary; it acts as the applet its name (or first word) says.

// A gip process lives for milliseconds and needs no GOMAXPROCS updates from
// cgroup limits: skipping that work at start-up saves about half a
// millisecond, a tenth of iproute2's whole run.
//
//go:debug updatemaxprocs=0
//go:debug containermaxprocs=0
package main

import (
	"os"
	"runtime"

	"github.com/gipnet/gip/internal/app"
)

// The main goroutine keeps the main thread, so that no goroutine that
// enters another namespace for good (netns exec under -batch, netns add)
// runs there: the runtime can only wedge, not end, a main thread left
// locked, and /proc/self (netns identify, netns pids) shows its namespace.
func init() { runtime.LockOSThread() }

func main() {
	os.Exit(app.Main(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
