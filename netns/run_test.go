package netns

import (
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func TestValidName(t *testing.T) {
	long := strings.Repeat("x", 255)
	for name, want := range map[string]bool{
		"a": true, "ns-1": true, "...": true, ".a": true, long: true,
		"": false, ".": false, "..": false, "a/b": false, "/": false, "../x": false,
		long + "x": false,
	} {
		if got := ValidName(name); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", name, got, want)
		}
	}
}

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

func TestParseNSID(t *testing.T) {
	// rtgenmsg, NETNSA_NSID=5, NETNSA_CURRENT_NSID=-1
	msg := []byte{0, 0, 0, 0, 8, 0, 1, 0, 5, 0, 0, 0, 8, 0, 5, 0, 0xff, 0xff, 0xff, 0xff}
	id, cur, has, err := parseNSID(msg)
	if err != nil || id != 5 || cur != -1 || !has {
		t.Errorf("parseNSID = %d, %d, %v, %v; want 5, -1, true, nil", id, cur, has, err)
	}
	if !hasNSID(msg) || hasNSID(msg[:4]) {
		t.Error("hasNSID wrong")
	}
	id, _, has, _ = parseNSID(msg[:4])
	if id != -1 || has {
		t.Errorf("empty message: id %d has %v", id, has)
	}
}

func TestNSIDMap(t *testing.T) {
	saved := nsidMap
	defer func() { nsidMap = saved }()
	nsidMap.initialized, nsidMap.names = true, nil
	mapAdd(3, "a")
	mapAdd(3, "b") // the first name of an id stays
	if n, ok := mapGet(3); !ok || n != "a" {
		t.Errorf("mapGet(3) = %q, %v", n, ok)
	}
	if _, ok := mapGet(-1); ok {
		t.Error("mapGet(-1) found a name")
	}
	mapDel(3)
	if _, ok := mapGet(3); ok {
		t.Error("mapDel did not delete")
	}
}
