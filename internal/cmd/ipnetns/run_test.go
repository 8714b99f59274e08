package ipnetns

import (
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestIsPID(t *testing.T) {
	for s, want := range map[string]bool{"1": true, "123": true, "": true, "self": false, "1a": false, "-1": false} {
		if got := isPID(s); got != want {
			t.Errorf("isPID(%q) = %v, want %v", s, got, want)
		}
	}
}

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

func TestWithPID(t *testing.T) {
	for _, tc := range []struct {
		list []int
		pid  int
		want []int
	}{
		{nil, 5, []int{5}},
		{[]int{1, 9}, 5, []int{1, 5, 9}},
		{[]int{1, 5, 9}, 5, []int{1, 5, 9}},
		{[]int{1, 2}, 5, []int{1, 2, 5}},
	} {
		if got := withPID(slices.Clone(tc.list), tc.pid); !slices.Equal(got, tc.want) {
			t.Errorf("withPID(%v, %d) = %v, want %v", tc.list, tc.pid, got, tc.want)
		}
	}
}
