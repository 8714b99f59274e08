package rtnl

import (
	"errors"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Strerror is glibc's strerror text for errno. Go's table has the same
// words with a lower-case first letter, except where it has none: glibc
// names EHWPOISON, says "Success" for 0 and "Unknown error N" for a number
// it does not know (the kernel's own ENOTSUPP, 524, reaches netlink
// answers so), where Go says "errno N".
func Strerror(errno unix.Errno) string {
	switch errno {
	case 0:
		return "Success"
	case unix.EHWPOISON:
		return "Memory page has hardware error"
	}
	s := errno.Error()
	if s == "" || strings.HasPrefix(s, "errno ") {
		return "Unknown error " + strconv.FormatUint(uint64(errno), 10)
	}
	if c := s[0]; c >= 'a' && c <= 'z' {
		s = string(c-'a'+'A') + s[1:]
	}
	return s
}

// ErrnoText is strerror of the errno inside err (a kernel refusal, a
// failed system call, a path error), as C's perror and %m print it. An
// error that carries no errno keeps its own text; callers hand it only
// errors that come from a system call.
func ErrnoText(err error) string {
	var errno unix.Errno
	if errors.As(err, &errno) {
		return Strerror(errno)
	}
	return err.Error()
}
