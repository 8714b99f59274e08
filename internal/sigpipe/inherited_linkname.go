//go:build giplinkname

package sigpipe

import (
	"syscall"
	_ "unsafe" // for go:linkname
)

// runtimeFwdSig is the Go runtime's record of each signal's disposition at
// start-up (before it installed its handlers): 0 is SIG_DFL, 1 SIG_IGN. The
// linker refuses this reference unless run with -checklinkname=0, which
// the Makefile passes along with the giplinkname tag.
//
//go:linkname runtimeFwdSig runtime.fwdSig
var runtimeFwdSig [65]uintptr

const sigIgn = 1

func ignoredAtExec() bool { return runtimeFwdSig[syscall.SIGPIPE] == sigIgn }
