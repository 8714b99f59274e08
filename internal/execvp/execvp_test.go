package execvp

import (
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func TestSearchPath(t *testing.T) {
	t.Setenv("PATH", "/a:/b/c::/d")
	got, errno := searchPath("cmd")
	if want := []string{"/a/cmd", "/b/c/cmd", "cmd", "/d/cmd"}; errno != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("searchPath(cmd) = %q, %v; want %q", got, errno, want)
	}
	got, errno = searchPath("./x/cmd")
	if errno != 0 || !reflect.DeepEqual(got, []string{"./x/cmd"}) {
		t.Errorf("searchPath(./x/cmd) = %q, %v", got, errno)
	}
	t.Setenv("PATH", "")
	got, _ = searchPath("cmd")
	if !reflect.DeepEqual(got, []string{"cmd"}) {
		t.Errorf("empty PATH: %q, want the current directory only", got)
	}
	if _, errno = searchPath(""); errno != syscall.ENOENT {
		t.Errorf("searchPath(\"\") errno %v, want ENOENT", errno)
	}
	if _, errno = searchPath(strings.Repeat("c", 256)); errno != syscall.ENAMETOOLONG {
		t.Errorf("long name errno %v, want ENAMETOOLONG", errno)
	}
}

func TestSearchPathUnset(t *testing.T) {
	t.Setenv("PATH", "x") // restored after the test
	syscall.Unsetenv("PATH")
	got, _ := searchPath("cmd")
	if want := []string{"/bin/cmd", "/usr/bin/cmd"}; !reflect.DeepEqual(got, want) {
		t.Errorf("unset PATH: %q, want %q", got, want)
	}
}
