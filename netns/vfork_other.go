//go:build linux && !amd64

package netns

import (
	"runtime"
	"syscall"
)

// vforkFlags is 0 where gip has no vfork-safe system call: a plain fork.
const vforkFlags = 0

//go:nosplit
//go:norace
func vforkSyscall(trap, a1, a2, a3 uintptr) (uintptr, syscall.Errno) {
	if runtime.GOARCH == "s390x" {
		a1, a2 = a2, a1 // clone(stack, flags, …) there
	}
	r, _, e := syscall.RawSyscall6(trap, a1, a2, a3, 0, 0, 0)
	return r, e
}
