package rtnl

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// testdata/strerror.txt is glibc's strerror for each errno, written by C's
// strerror (through Python's os.strerror) in the C locale.
func TestStrerrorIsGlibcs(t *testing.T) {
	f, err := os.Open("testdata/strerror.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		num, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			t.Fatal(err)
		}
		if got := Strerror(unix.Errno(v)); got != want {
			t.Errorf("Strerror(%d) = %q, want %q", v, got, want)
		}
		n++
	}
	if n < 150 {
		t.Fatalf("only %d errnos in testdata/strerror.txt", n)
	}
}

func TestErrnoText(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{unix.EPERM, "Operation not permitted"},
		{&Error{Errno: unix.ENOENT}, "No such file or directory"},
		{&os.PathError{Op: "open", Path: "/x", Err: unix.EACCES}, "Permission denied"},
		{os.NewSyscallError("socket", unix.EPROTONOSUPPORT), "Protocol not supported"},
		{fmt.Errorf("dial: %w", unix.Errno(524)), "Unknown error 524"},
		{errors.New("no errno here"), "no errno here"},
	}
	for _, tt := range tests {
		if got := ErrnoText(tt.err); got != tt.want {
			t.Errorf("ErrnoText(%#v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
