package integration

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vrfExecInner runs inside `unshare --cgroup --mount --net`, in a cgroup
// made for the test, with $1 the ip under test: the cgroup2 mounts
// inherited are unmounted (privately), so ip mounts its own at
// /var/run/cgroup2, rooted at the test's cgroup by the cgroup namespace.
// CMD prints its cgroup; exec failures, -batch (the command run in the
// cgroup, ip itself staying out), -n and netns exec (the NAME-ns
// directory) are compared.
const vrfExecInner = `t=$1
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
grep ' cgroup2 ' /proc/self/mounts | cut -d' ' -f2 | while read -r m; do umount -l "$m"; done
echo "cgroup: $(grep '^0::' /proc/self/cgroup)"
$t vrf exec default cat /proc/self/cgroup | grep '^0::'; echo rc=$?
grep cgroup2 /proc/self/mounts | cut -d' ' -f2,3
ls -d /run/cgroup2/vrf
$t vrf exec default sh -c 'ip vrf identify; echo rc=$?'
$t vrf exec default sh -c 'exit 3'; echo rc=$?
$t vrf exec default nonexistent-cmd; echo rc=$?
printf 'vrf exec default cat /proc/self/cgroup\nvrf identify\nvrf exec default sh -c "exit 3"\nvrf exec default nonexistent-cmd\nvrf show default\n' | $t -force -batch - 2>&1 | grep -v '^[1-9]:'; echo rc=$?
grep '^0::' /proc/self/cgroup
ip netns add x
ip netns exec x $t vrf exec default cat /proc/self/cgroup | grep '^0::'; echo rc=$?
ls -d /run/cgroup2/x-ns/vrf
$t -n x vrf exec default cat /proc/self/cgroup | grep '^0::'; echo rc=$?
printf 'vrf exec default cat /proc/self/cgroup\n' | $t -n x -batch - | grep '^0::'; echo rc=$?
ip netns del x
umount /run/cgroup2
`

// TestVrfExecDefault runs `ip vrf exec default` of both tools where it
// succeeds: each in a private cgroup namespace rooted at a cgroup made for
// the test below the test's own, which is removed (with the vrf
// directories made in it) afterwards; no other process's cgroup is
// touched.
func TestVrfExecDefault(t *testing.T) {
	requireSandbox(t)
	gip := gipBinary(t)
	ref := findRef("ip")
	if ref == "" {
		t.Skip("no reference ip")
	}
	mnt, own := cgroup2Place(t)
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(gip, filepath.Join(bin, "ip")); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(tmp, "inner.sh")
	if err := os.WriteFile(script, []byte(vrfExecInner), 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(mnt, own, fmt.Sprintf("gip-vrftest-%d", os.Getpid()))
	if err := os.Mkdir(base, 0o755); err != nil {
		t.Fatal(err)
	}
	defer removeCgroupTree(t, base)
	var outs []string
	for _, tool := range []string{ref, filepath.Join(bin, "ip")} {
		// The shell moves itself into the test's cgroup, then becomes
		// unshare, whose children start there.
		cmd := exec.Command("bash", "-c", `echo $$ > "$1/cgroup.procs" && exec unshare --cgroup --mount --net --propagation private --fork bash "$2" "$3"`,
			"sh", base, script, tool)
		cmd.Env = append(os.Environ(), "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C")
		out, _ := cmd.CombinedOutput()
		outs = append(outs, string(out))
		removeCgroupChildren(t, base)
	}
	if !strings.Contains(outs[0], "0::/vrf\nrc=0") {
		t.Fatalf("iproute2 did not run its command in vrf/:\n%s", outs[0])
	}
	if outs[0] != outs[1] {
		t.Errorf("differs\n%s", unifiedDiff("iproute2", "gip", strings.Split(outs[0], "\n"), strings.Split(outs[1], "\n"), 3))
	}
}

// cgroup2Place returns the first cgroup2 mount and the test process's
// cgroup in it; it skips the test when there is none.
func cgroup2Place(t *testing.T) (mnt, own string) {
	f, err := os.Open("/proc/self/mounts")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) > 2 && fs[2] == "cgroup2" {
			mnt = fs[1]
			break
		}
	}
	b, err := os.ReadFile("/proc/self/cgroup")
	if mnt == "" || err != nil {
		t.Skip("no cgroup2 hierarchy mounted")
	}
	for _, l := range strings.Split(string(b), "\n") {
		if p, ok := strings.CutPrefix(l, "0::"); ok {
			if _, err := os.Stat(filepath.Join(mnt, p, "cgroup.procs")); err != nil {
				t.Skip("own cgroup not under the cgroup2 mount")
			}
			return mnt, p
		}
	}
	t.Skip("no cgroup2 line in /proc/self/cgroup")
	return "", ""
}

// removeCgroupChildren removes the cgroup directories below base, deepest
// first (they are empty once the test's processes have ended).
func removeCgroupChildren(t *testing.T, base string) {
	var dirs []string
	filepath.WalkDir(base, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != base {
			dirs = append(dirs, p)
		}
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		if err := os.Remove(dirs[i]); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	}
}

func removeCgroupTree(t *testing.T, base string) {
	removeCgroupChildren(t, base)
	if err := os.Remove(base); err != nil {
		t.Errorf("cleanup: %v", err)
	}
}
