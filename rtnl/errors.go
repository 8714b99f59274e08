package rtnl

import (
	"errors"

	"golang.org/x/sys/unix"
)

// Error is a request the kernel refused, or a system call on the socket
// that failed. Every refusal a Conn method reports is an *Error, possibly
// wrapped by the caller:
//
//	var e *rtnl.Error
//	if errors.As(err, &e) { ... e.Errno, e.Msg ... }
//	if errors.Is(err, unix.EEXIST) { ... }
//
// Its Error text is the line iproute2 prints for the refusal (see
// Iproute2Text), which is also what gip's command line prints: "Error:
// " and the kernel's own explanation when it sent one, else "RTNETLINK
// answers: " and the C library's text for the errno.
type Error struct {
	// Errno is the kernel's error number (positive: EEXIST, ENODEV, ...).
	Errno unix.Errno
	// Msg is the kernel's extended-acknowledgement text
	// (NLMSGERR_ATTR_MSG), without a trailing NUL; empty when the kernel
	// gave no reason.
	Msg string
}

// Error renders the refusal as iproute2 does; it is Iproute2Text.
func (e *Error) Error() string { return e.Iproute2Text() }

// Iproute2Text is the line iproute2 prints for the refusal, without its
// newline: "Error: " and the kernel's text with a full stop added when it
// lacks one ("Error: Unknown device type."), or, when the kernel gave no
// reason, "RTNETLINK answers: " and glibc's strerror of the errno
// ("RTNETLINK answers: File exists"). gip's command line prints exactly
// this, followed by whatever the command adds ("Dump terminated", ...),
// and exits with status 2 for a refused request.
func (e *Error) Iproute2Text() string {
	if e.Msg != "" {
		m := e.Msg
		if m[len(m)-1] != '.' {
			m += "."
		}
		return "Error: " + m
	}
	return "RTNETLINK answers: " + Strerror(e.Errno)
}

// Unwrap exposes the errno, so errors.Is(err, unix.EEXIST) works.
func (e *Error) Unwrap() error { return e.Errno }

// Is reports whether target is an *Error with the same errno (and, when
// target has one, the same message), so errors.Is(err, &rtnl.Error{Errno:
// unix.ENODEV}) works as well as errors.Is(err, unix.ENODEV).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Errno == e.Errno && (t.Msg == "" || t.Msg == e.Msg)
}

// IsErrno reports whether err is, or wraps, a kernel refusal with errno.
func IsErrno(err error, errno unix.Errno) bool {
	var e *Error
	return errors.As(err, &e) && e.Errno == errno
}

// ErrDumpInterrupted is yielded by Messages after the last message of a
// dump the kernel flagged as inconsistent (NLM_F_DUMP_INTR: the table
// changed while it was read, so an object may be missing or appear
// twice). Every message was yielded before it, so a caller may keep them,
// as iproute2 does after printing DumpInterruptedText, or dump again.
var ErrDumpInterrupted = errors.New("rtnl: dump interrupted: the kernel's table changed while it was read")
