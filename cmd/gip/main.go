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

	"github.com/gipnet/gip/internal/app"
	"github.com/gipnet/gip/internal/prestack"
	"github.com/gipnet/gip/internal/sigpipe"
)

// Goroutines that leave gip's namespaces for good run through
// netns.OnThrowawayThread, which keeps them off the main thread; main does
// not pin itself there (LockOSThread would start a runtime template thread
// on every run, most of a millisecond here).

func main() {
	// First, while the stack holds only main's frame: see prestack.
	prestack.Grow()
	sigpipe.KeepIgnored()
	os.Exit(app.Main(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
