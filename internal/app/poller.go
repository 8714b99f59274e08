package app

import (
	"os"

	"golang.org/x/sys/unix"
)

// pollerFDs is what Go's runtime poller needs on Linux (an epoll and an
// eventfd descriptor) plus the descriptor whose opening starts it.
const pollerFDs = 3

// startPoller starts Go's runtime poller while it can still get its
// descriptors, and reports whether it did. The runtime starts the poller
// the first time any file or socket is opened, and when the descriptor
// limit leaves no room for it, it dies with a stack trace ("fatal error:
// runtime: netpollinit failed") instead of returning an error. Room for
// pollerFDs descriptors is made sure of with raw system calls first.
func startPoller() bool {
	var probe [pollerFDs]int
	n := 0
	for ; n < pollerFDs; n++ {
		fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
		if err != nil {
			break
		}
		probe[n] = fd
	}
	for _, fd := range probe[:n] {
		unix.Close(fd)
	}
	if n < pollerFDs {
		return false
	}
	// A non-blocking descriptor handed to os.NewFile is registered with
	// the poller, which starts it.
	efd, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		return false
	}
	os.NewFile(uintptr(efd), "eventfd").Close()
	return true
}
