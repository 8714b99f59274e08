package app

import (
	"os"

	"golang.org/x/sys/unix"
)

// pollerFDs is what Go's runtime poller needs on Linux (an epoll and an
// eventfd descriptor) plus the descriptor whose opening starts it.
const pollerFDs = 3

// roomyFDs is how many free descriptors make starting the poller ahead of
// need unnecessary: a one-shot command holds at most a few (its netlink
// socket, a namespace file, the file it reads) when its first file opening
// starts the poller.
const roomyFDs = pollerFDs + 5

// startPoller makes sure Go's runtime poller can start, and reports
// whether it can. The runtime starts the poller the first time any file or
// socket is opened through package os, and when the descriptor limit
// leaves no room for it, it dies with a stack trace ("fatal error:
// runtime: netpollinit failed") instead of returning an error. Room is
// probed with raw system calls first. With room to spare the poller is
// left to start when (and if) something needs it: gip's netlink sockets
// and name files do not, so a one-shot listing never pays for it. With
// just enough room it is started now, while it can.
func startPoller() bool {
	var probe [roomyFDs]int
	n := 0
	for ; n < roomyFDs; n++ {
		fd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
		if err != nil {
			break
		}
		probe[n] = fd
	}
	for _, fd := range probe[:n] {
		unix.Close(fd)
	}
	if n == roomyFDs {
		return true
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
