// Package netns names, creates and enters Linux network namespaces the way
// iproute2's `ip netns` does: a named namespace is a bind mount of a
// namespace file at RunDir/NAME (/run/netns/NAME).
//
// Add, Attach, Delete, List and Names manage the names. Open and OpenPath
// give a namespace's fd, which rtnl.Dial takes to talk rtnetlink inside that
// namespace without moving any thread. For what netlink cannot aim at a
// namespace (tun ioctls, sysfs, sockets of other families), Do runs a
// function on a thread inside one, and Start and Exec run a command inside
// one as `ip netns exec` does (its own mount namespace, /sys remounted,
// /etc/netns/NAME files bound over /etc).
//
// Go moves goroutines between threads and starts threads from whichever
// thread needs one, while a namespace belongs to a thread. Everything here
// that changes a thread's namespaces either locks the goroutine to it and
// restores it (Do), or runs on a locked thread that ends afterwards
// (OnThrowawayThread), so no other goroutine ever runs in a namespace it did
// not ask for.
//
// Failures are *Error values whose text is iproute2's line for them and
// which unwrap to the errno (errors.Is(err, unix.EEXIST) after a second Add
// of a name); kernel refusals of netlink requests are *rtnl.Error.
package netns

import (
	"os"
	"runtime"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// RunDir is where named namespaces are bind-mounted.
const RunDir = "/run/netns"

// Path returns the file a namespace name refers to: a name with a slash is a
// path already, any other is a file under RunDir.
func Path(name string) string {
	if strings.Contains(name, "/") {
		return name
	}
	return RunDir + "/" + name
}

// Open opens the namespace a name or path names (iproute2's netns_get_fd,
// used by `link set netns`: see Path), read-only and close-on-exec, and
// returns its fd, which rtnl.Dial and DoFD take. The caller closes it with
// unix.Close. Errors are unix.Errno values.
func Open(name string) (int, error) {
	return unix.Open(Path(name), unix.O_RDONLY|unix.O_CLOEXEC, 0)
}

// OpenPath opens the namespace file at path (for example
// /proc/PID/ns/net or a bind mount outside RunDir) as Open does.
func OpenPath(path string) (int, error) {
	return unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
}

// nsGetNSType is the NS_GET_NSTYPE ioctl, _IO(0xb7, 0x3).
const nsGetNSType = 0xb703

// OpenNamed opens the namespace for `-n NAME` (iproute2's netns_switch):
// the name is always taken below RunDir, so "a/b" and "../x" are relative
// to it and an absolute path is not found. Failures are iproute2's, which
// end the command with status 255: a file that is no network namespace (an
// empty one, a directory) fails as its setns does.
func OpenNamed(name string) (int, error) {
	fd, err := unix.Open(RunDir+"/"+name, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, cmdline.Exit(cmdline.StatusUsage, "Cannot open network namespace \"%s\": %s", name, rtnl.ErrnoText(err))
	}
	if t, err := unix.IoctlRetInt(fd, nsGetNSType); err != nil || t != unix.CLONE_NEWNET {
		unix.Close(fd)
		return -1, cmdline.Exit(cmdline.StatusUsage, "setting the network namespace \"%s\" failed: %s", name, rtnl.ErrnoText(unix.EINVAL))
	}
	return fd, nil
}

// Do runs fn with the calling goroutine inside the named namespace (a name
// under RunDir, or a path: see Path) and returns fn's error, or the error
// of opening or entering the namespace (an *os.SyscallError that unwraps to
// the errno). See DoFD for what fn may and may not do.
func Do(name string, fn func() error) error {
	fd, err := Open(name)
	if err != nil {
		return os.NewSyscallError("open", err)
	}
	defer unix.Close(fd)
	return DoFD(fd, fn)
}

// DoFD runs fn with the calling goroutine locked to its thread and that
// thread inside the network namespace open at nsFD, for what netlink cannot
// aim at a namespace (tun ioctls, sockets of other families). Only the
// network namespace changes: /sys still shows the mount namespace's view.
// Goroutines fn starts run elsewhere, in the process's own namespace.
//
// The thread is returned to its namespace afterwards; if that fails it is
// left locked, so the runtime retires it with the goroutine instead of
// reusing it elsewhere. The error is fn's, or that of entering the
// namespace (an *os.SyscallError that unwraps to the errno).
func DoFD(nsFD int, fn func() error) error {
	runtime.LockOSThread()
	orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		runtime.UnlockOSThread()
		return os.NewSyscallError("open", err)
	}
	defer unix.Close(orig)
	if err := unix.Setns(nsFD, unix.CLONE_NEWNET); err != nil {
		runtime.UnlockOSThread()
		return os.NewSyscallError("setns", err)
	}
	ferr := fn()
	if err := unix.Setns(orig, unix.CLONE_NEWNET); err != nil {
		return ferr // thread stays locked and dies with its goroutine
	}
	runtime.UnlockOSThread()
	return ferr
}
