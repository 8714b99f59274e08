package rtnl

import (
	"errors"
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

func TestErrorText(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{Errno: unix.EEXIST}, "RTNETLINK answers: File exists"},
		{Error{Errno: unix.ENODEV}, "RTNETLINK answers: No such device"},
		{Error{Errno: 524}, "RTNETLINK answers: Unknown error 524"},
		{Error{Errno: unix.EOPNOTSUPP, Msg: "Unknown device type"}, "Error: Unknown device type."},
		{Error{Errno: unix.EINVAL, Msg: "Nexthop has invalid gateway."}, "Error: Nexthop has invalid gateway."},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v: Error() = %q, want %q", tc.e, got, tc.want)
		}
		if got := tc.e.Iproute2Text(); got != tc.want {
			t.Errorf("%+v: Iproute2Text() = %q, want %q", tc.e, got, tc.want)
		}
	}
}

func TestErrorMatching(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &Error{Errno: unix.EEXIST, Msg: "exists"})
	for _, tc := range []struct {
		target error
		want   bool
	}{
		{unix.EEXIST, true},
		{unix.ENOENT, false},
		{&Error{Errno: unix.EEXIST}, true},
		{&Error{Errno: unix.EEXIST, Msg: "exists"}, true},
		{&Error{Errno: unix.EEXIST, Msg: "other"}, false},
		{&Error{Errno: unix.ENODEV}, false},
		{ErrDumpInterrupted, false},
	} {
		if got := errors.Is(err, tc.target); got != tc.want {
			t.Errorf("errors.Is(err, %#v) = %v, want %v", tc.target, got, tc.want)
		}
	}
	if !IsErrno(err, unix.EEXIST) || IsErrno(err, unix.ENOENT) || IsErrno(unix.EEXIST, unix.EEXIST) {
		t.Error("IsErrno matches only kernel refusals with that errno")
	}
}
