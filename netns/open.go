// Package netns names and enters network namespaces: open one by name, path
// or pid, run a function inside one on a locked thread, and the `ip netns`
// command.
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
// used by `link set netns`), read-only and close-on-exec, and returns its fd.
func Open(name string) (int, error) {
	return unix.Open(Path(name), unix.O_RDONLY|unix.O_CLOEXEC, 0)
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

// Do runs fn on a thread that has entered the namespace nsFD, for the few
// operations netlink cannot aim at a namespace (tun ioctls, sysfs). The
// thread is returned to its namespace afterwards; if that fails it is left
// locked, so the runtime retires it instead of reusing it elsewhere.
func Do(nsFD int, fn func() error) error {
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
