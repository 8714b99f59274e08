package netns

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// vforkFlags make the fork a vfork: the child borrows the parent's memory
// until it execs, so nothing of the Go process is copied.
const vforkFlags = unix.CLONE_VM | unix.CLONE_VFORK

// vforkSyscall is in vfork_amd64.s.
//
//go:noescape
func vforkSyscall(trap, a1, a2, a3 uintptr) (r1 uintptr, err syscall.Errno)
