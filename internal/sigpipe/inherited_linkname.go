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

// runtimeSignalIgnore is the runtime's half of signal.Ignore (os/signal
// adds only its table of channels, which gip has none in): it sets the
// kernel's disposition to SIG_IGN and records the signal as ignored, which
// is what makes the runtime return EPIPE from writes to stdout and stderr
// instead of raising SIGPIPE itself. Setting SIG_IGN with a bare
// rt_sigaction would not do: the runtime would still kill gip.
//
//go:linkname runtimeSignalIgnore os/signal.signal_ignore
func runtimeSignalIgnore(sig uint32)

func ignore() { runtimeSignalIgnore(uint32(syscall.SIGPIPE)) }
