package vrf

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// fakeTree makes files (path → content; a path ending in / is a directory)
// below a new directory and returns it.
func fakeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, p)
		if strings.HasSuffix(p, "/") {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestWalkVRFDirs lists a fake cgroup2 tree's vrf/blue directories as
// `ip vrf pids blue` does, with command names from a fake /proc.
func TestWalkVRFDirs(t *testing.T) {
	long := strings.Repeat("n", 40)
	proc := fakeTree(t, map[string]string{
		"10/status": "Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\n",
		"11/status": "Name:   " + long + "\n",
		"12/status": "Umask:\t0022\n",                             // no Name: line
		"13/status": strings.Repeat("x", 130) + "Name:\tpiece\n",  // found in the second 127-byte piece
		"14/status": strings.Repeat("x", 125) + "Name:\tacross\n", // the piece boundary cuts "Name:": whole in neither
		"15/status": strings.Repeat("x", 120) + "Name:\tacross\n", // the boundary cuts the name after its first letter
		"20/status": "Name:\tsh\n",
		"30/status": "Name:\tother\n",
	})
	cg := fakeTree(t, map[string]string{
		"cgroup.procs":               "1\n",
		"vrf/blue/cgroup.procs":      "10\n11\n12\n13\n14\n15\n99\n",
		"vrf/red/cgroup.procs":       "30\n",
		"a/b/vrf/blue/cgroup.procs":  "20",
		"x-ns/vrf/blue/cgroup.procs": "20\n",
		"c/vrf/":                     "", // no blue directory: nothing to show
		"d/vrf":                      "", // a file named vrf counts as the directory would
	})
	if err := os.Symlink(filepath.Join(cg, "vrf"), filepath.Join(cg, "link")); err != nil {
		t.Fatal(err)
	}
	byPID := func(l []Process) []Process {
		sort.SliceStable(l, func(i, j int) bool { return l[i].PID < l[j].PID })
		return l
	}
	var all []Process
	if err := walkVRFDirs(cg, "blue", "", proc, &all); err != nil {
		t.Fatal(err)
	}
	want := []Process{
		{"10", "sleep"}, {"11", long[:31]}, {"12", ""}, {"13", "piece"}, {"14", ""},
		{"15", "a"}, {"20", "sh"}, {"20", "sh"}, {"99", "<terminated?>"},
	}
	if got := byPID(all); !reflect.DeepEqual(got, want) {
		t.Errorf("no namespace: %q\nwant %q", got, want)
	}
	// Within a named namespace only the vrf directories in NETNS-ns count.
	var inNS []Process
	if err := walkVRFDirs(cg, "blue", "x-ns", proc, &inNS); err != nil {
		t.Fatal(err)
	}
	if want := []Process{{"20", "sh"}}; !reflect.DeepEqual(inNS, want) {
		t.Errorf("namespace x: %q, want %q", inNS, want)
	}
	var none []Process
	if err := walkVRFDirs(cg, "green", "", proc, &none); err != nil || len(none) != 0 {
		t.Errorf("no such VRF: %q, %v", none, err)
	}
	// A tree that cannot be opened is an error (iproute2's status 1).
	if err := walkVRFDirs(filepath.Join(cg, "missing"), "blue", "", proc, &none); !os.IsNotExist(err) {
		t.Errorf("missing tree: %v", err)
	}
}

// TestWalkVRFDirsOrder: the processes of one cgroup.procs come in its
// order, and the directories in the order readdir gives them (not sorted).
func TestWalkVRFDirsOrder(t *testing.T) {
	dirs := []string{"c", "a", "e", "b", "d"}
	procFiles, cgFiles := map[string]string{}, map[string]string{}
	for i, d := range dirs {
		// Each cgroup lists its own two processes, named after it.
		procFiles[fmt.Sprintf("%d/status", 10*i)] = "Name:\t" + d + "0\n"
		procFiles[fmt.Sprintf("%d/status", 10*i+1)] = "Name:\t" + d + "1\n"
		cgFiles[d+"/vrf/blue/cgroup.procs"] = fmt.Sprintf("%d\n%d\n", 10*i+1, 10*i)
	}
	proc, cg := fakeTree(t, procFiles), fakeTree(t, cgFiles)
	var got []string
	var list []Process
	if err := walkVRFDirs(cg, "blue", "", proc, &list); err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		got = append(got, p.Comm)
	}
	f, err := os.Open(cg)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil || len(names) != len(dirs) {
		t.Fatalf("entries %q, %v", names, err)
	}
	var want []string
	for _, d := range names {
		want = append(want, d+"1", d+"0")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestCommandNameMissing(t *testing.T) {
	if _, ok := commandName(t.TempDir(), "1"); ok {
		t.Error("a missing status file was read")
	}
	if _, ok := commandName("/proc", strings.Repeat("9", pathMax)); ok {
		t.Error("a path past PATH_MAX was opened")
	}
}
