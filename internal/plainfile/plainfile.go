// Package plainfile opens files without Go's runtime poller.
//
// os.Open hands every descriptor it opens to the runtime poller, whose
// first use starts it: an epoll and an eventfd descriptor, a registration
// attempt per file (refused for regular files, EPERM) and a scheduler that
// polls from then on. gip's one-shot commands read a few small files (the
// name databases under /etc/iproute2, /run/netns); opened here, they leave
// the poller unstarted, which is most of a millisecond of start-up.
package plainfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// Open opens path for reading as os.Open does, errors included (an
// *os.PathError that unwraps to the errno), but as a blocking descriptor
// that the runtime poller never sees. It suits regular files and
// directories, whose reads never wait.
func Open(path string) (*os.File, error) {
	for {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		// os.NewFile registers only non-blocking descriptors with the
		// poller.
		return os.NewFile(uintptr(fd), path), nil
	}
}
