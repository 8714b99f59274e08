package rtnl

import (
	"os"
	"runtime"
	"syscall"

	"golang.org/x/sys/unix"
)

// A Conn's socket is a plain blocking descriptor, not a netlink.Conn: a
// one-shot command then never starts Go's runtime poller (an epoll and an
// eventfd descriptor, a registration per socket, and a scheduler that
// polls them), and dialling seeds no random number generator and starts
// no goroutine. rtnetlink answers a request while it is being sent, and
// builds each dump datagram inside the receive that asks for it, so a
// receive on this socket never waits for long. Only a context that can
// end needs the poller (its deadline interrupts a receive): the socket
// is handed to it then, and stays there (see pollable).

// openSocket returns a bound netlink socket of protocol proto in the
// namespace open at nsFD (negative: the calling thread's).
func openSocket(nsFD, proto int) (int, error) {
	return openSocketGroups(nsFD, proto, 0, nil)
}

// openSocketGroups is openSocket bound to the legacy multicast groups in
// mask; before binds calls it (if not nil) on the socket first, for the
// options iproute2 sets before its bind.
func openSocketGroups(nsFD, proto int, mask uint32, before func(fd int)) (int, error) {
	if nsFD < 0 {
		return newSocket(proto, mask, before)
	}
	type result struct {
		fd  int
		err error
	}
	done := make(chan result, 1)
	go func() {
		// The namespace is entered on a thread of this goroutine's own;
		// when it cannot be left again, the goroutine ends still
		// locked and the runtime discards the thread.
		runtime.LockOSThread()
		fd, err, restored := socketInNetNS(nsFD, proto, mask, before)
		if restored {
			runtime.UnlockOSThread()
		}
		done <- result{fd, err}
	}()
	r := <-done
	return r.fd, r.err
}

// socketInNetNS creates the socket on the calling (locked) thread inside
// the namespace open at nsFD, and reports whether the thread is back in
// its own namespace.
func socketInNetNS(nsFD, proto int, mask uint32, before func(fd int)) (fd int, err error, restored bool) {
	self, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, &os.PathError{Op: "open", Path: "/proc/thread-self/ns/net", Err: err}, true
	}
	defer unix.Close(self)
	if err := unix.Setns(nsFD, unix.CLONE_NEWNET); err != nil {
		return -1, os.NewSyscallError("setns", err), true
	}
	fd, err = newSocket(proto, mask, before)
	if rerr := unix.Setns(self, unix.CLONE_NEWNET); rerr != nil {
		if err == nil {
			unix.Close(fd)
		}
		return -1, os.NewSyscallError("setns", rerr), false
	}
	return fd, err, true
}

// newSocket creates a blocking netlink socket of protocol proto in the
// calling thread's namespace and binds it to the groups in mask, as
// iproute2's rtnl_open does (before, if not nil, first sets options).
func newSocket(proto int, mask uint32, before func(fd int)) (int, error) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, proto)
	if err != nil {
		return -1, os.NewSyscallError("socket", err)
	}
	if before != nil {
		before(fd)
	}
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK, Groups: mask}); err != nil {
		unix.Close(fd)
		return -1, os.NewSyscallError("bind", err)
	}
	return fd, nil
}

// setBoolOption sets a SOL_NETLINK option on or off.
func setBoolOption(fd, opt int, on bool) error {
	v := 0
	if on {
		v = 1
	}
	return os.NewSyscallError("setsockopt", unix.SetsockoptInt(fd, unix.SOL_NETLINK, opt, v))
}

// blockingConn is the syscall.RawConn of a blocking socket: Read and Write
// call f until it reports done (on a blocking socket its first call does,
// short of EINTR, which f retries itself).
type blockingConn struct{ fd int }

func (b blockingConn) Control(f func(fd uintptr)) error {
	f(uintptr(b.fd))
	return nil
}

func (b blockingConn) Read(f func(fd uintptr) bool) error {
	for !f(uintptr(b.fd)) {
	}
	return nil
}

func (b blockingConn) Write(f func(fd uintptr) bool) error {
	for !f(uintptr(b.fd)) {
	}
	return nil
}

// pollable hands the socket to Go's runtime poller, which read deadlines
// need, and returns its file; later calls return the same file.
func (c *Conn) pollable() (*os.File, error) {
	if c.f != nil {
		return c.f, nil
	}
	if err := unix.SetNonblock(c.fd, true); err != nil {
		return nil, os.NewSyscallError("fcntl", err)
	}
	// A non-blocking descriptor given to os.NewFile is registered with
	// the poller.
	f := os.NewFile(uintptr(c.fd), "netlink")
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	c.f, c.rc = f, rc
	return f, nil
}

// SyscallConn returns the socket as a syscall.RawConn, for socket options
// this package does not set. The socket is handed to Go's runtime poller
// first (it becomes non-blocking), as the Context forms do.
func (c *Conn) SyscallConn() (syscall.RawConn, error) {
	if _, err := c.pollable(); err != nil {
		return nil, err
	}
	return c.rc, nil
}

var _ syscall.RawConn = blockingConn{}
