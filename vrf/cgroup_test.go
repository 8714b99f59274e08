package vrf

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestScanMounts(t *testing.T) {
	for _, tc := range []struct {
		table, want string
		found       bool
	}{
		{"sysfs /sys sysfs rw 0 0\ncgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0\nnone /x cgroup2 rw 0 0\n", "/sys/fs/cgroup/unified", true},
		{"sysfs /sys sysfs rw 0 0\ncgroup /sys/fs/cgroup/cpu cgroup rw,cpu 0 0\n", "", false},
		{"", "", false},
		{"a /with\\040space cgroup2 rw 0 0\n", "/with\\040space", true},
		{"cgroup2 /" + strings.Repeat("d", 5000) + " cgroup2 rw 0 0\n", "", false}, // the path is cut at 4095 bytes; the rest is taken as the type
	} {
		got, found := scanMounts(strings.NewReader(tc.table), "cgroup2")
		if got != tc.want || found != tc.found {
			t.Errorf("scanMounts(%.60q) = %q, %v; want %q, %v", tc.table, got, found, tc.want, tc.found)
		}
	}
}

func TestParseCgroup(t *testing.T) {
	for in, want := range map[string]string{
		"0::/\n":                        "",
		"1:cpu:/a\n0::/user.slice/s\n":  "/user.slice/s",
		"0::/a/vrf/blue\n":              "/a",
		"0::/a/vrf/\n":                  "/a",
		"0::/vrf\n":                     "",
		"0::/a/vrfx/b\n":                "/a", // iproute2 cuts at "/vrf" wherever it starts a word
		"4:memory:/x\n":                 "",
		"0::/a/x-ns/vrf/\n1:name=s:/\n": "/a/x-ns",
		"0::/no-newline":                "/no-newline",
	} {
		if got := parseCgroup(bufio.NewReader(strings.NewReader(in))); got != want {
			t.Errorf("parseCgroup(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCgroupDir(t *testing.T) {
	for _, tc := range []struct{ mnt, vpath, ns, name, want string }{
		{"/sys/fs/cgroup/unified", "", "", "", "/sys/fs/cgroup/unified/vrf/"},
		{"/c", "/a/b", "", "", "/c/a/b/vrf/"},
		{"/c", "", "x-ns", "", "/c/x-ns/vrf/"},
		{"/c", "/a", "x-ns", "", "/c/a/x-ns/vrf/"},
		{"/c", "/a/x-ns", "x-ns", "", "/c/a//x-ns/vrf/"}, // the namespace's directory is not doubled
		{"/c", "x-ns", "x-ns", "", "/c/x-ns/vrf/"},
		{"/run/cgroup2", "", "", "blue", "/run/cgroup2/vrf/blue"}, // as iproute2 made it (strace)
		{"/c", "/a", "x-ns", "blue", "/c/a/x-ns/vrf/blue"},
	} {
		got, err := cgroupDir(tc.mnt, tc.vpath, tc.ns, tc.name)
		if err != nil || got != tc.want {
			t.Errorf("cgroupDir(%q, %q, %q, %q) = %q, %v; want %q", tc.mnt, tc.vpath, tc.ns, tc.name, got, err, tc.want)
		}
	}
	long := "/" + strings.Repeat("m", cgroupBuf-len("//vrf/"))
	if got, err := cgroupDir(long, "", "", ""); err != nil || len(got) != cgroupBuf-1 {
		t.Errorf("path of %d bytes: %d bytes, %v; want it cut by one", cgroupBuf, len(got), err)
	}
	if _, err := cgroupDir(long+"m", "", "", ""); err == nil || err.Error() != "Invalid path to cgroup2 mount" {
		t.Errorf("path of %d bytes: %v, want the refusal", cgroupBuf+1, err)
	}
}

func TestMakePath(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a/b/c") + "/"
	if err := MakePath(p, 0o755); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		t.Fatalf("%s not made: %v", p, err)
	}
	if err := MakePath(p, 0o755); err != nil {
		t.Errorf("existing path: %v", err)
	}
	f := filepath.Join(dir, "file")
	if err := os.WriteFile(f, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := MakePath(f+"/x/y", 0o755)
	want := "mkdir failed for " + f + "/x: Not a directory"
	if err == nil || err.Error() != want || !errors.Is(err, unix.ENOTDIR) {
		t.Errorf("MakePath under a file: %v, want %q", err, want)
	}
}

func TestParseIdentify(t *testing.T) {
	long := strings.Repeat("v", 40)
	for in, want := range map[string]string{
		"0::/\n":                           "",
		"0::/vrf/blue\n":                   "blue",
		"1:cpu:/vrf/red\n0::/a/vrf/blue\n": "blue", // only the controller-less line counts
		"0::/x-ns/vrf/blue\n":              "blue",
		"0::/vrf/\n":                       "", // the default VRF
		"0::/a\n0::/vrf/second\n":          "second",
		"0::/vrf/" + long + "\n":           long[:31],
		"0::/vrf/no-newline":               "no-newline",
		"0::/vrfx/blue\n":                  "",
		"0::/" + strings.Repeat("p", 4100) + "/vrf/cut\n": "", // the piece with "/vrf/" has no "::/"
	} {
		if got := parseIdentify(bufio.NewReader(strings.NewReader(in))); got != want {
			t.Errorf("parseIdentify(%.40q) = %q, want %q", in, got, want)
		}
	}
}

func TestIdentify(t *testing.T) {
	if _, err := Identify(os.Getpid()); err != nil {
		t.Errorf("Identify(self): %v", err)
	}
	if _, err := Identify(-1); !os.IsNotExist(err) {
		t.Errorf("Identify(-1): %v, want no such file", err)
	}
}
