// Package nstest runs a test in a sandbox of its own: the test binary runs
// the one test again in a child process with new network and mount
// namespaces, a private mount tree, a tmpfs over /run (so /run/netns is
// the sandbox's, never the host's) and a sysfs of the new network
// namespace over /sys. Nothing the test does reaches the host, and all of
// it ends with the child.
package nstest

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// insideVar names the test a child process runs in its sandbox.
const insideVar = "GIP_NSTEST_INSIDE"

// Sandbox reports whether the calling test is running inside its sandbox,
// where it goes on with its body. Outside (in the parent) it runs the test
// in a sandboxed child, fails t when the child fails or did not run the
// test, and returns false: the caller returns at once. Without root it
// skips t.
func Sandbox(t *testing.T) bool {
	t.Helper()
	if os.Getenv(insideVar) == t.Name() {
		setUp(t)
		return true
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root for namespaces")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), insideVar+"="+t.Name())
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: unix.CLONE_NEWNS | unix.CLONE_NEWNET}
	out, err := cmd.CombinedOutput()
	t.Logf("sandboxed run:\n%s", out)
	if err != nil {
		t.Fatalf("sandboxed run failed: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()+" ") {
		t.Fatalf("sandboxed run did not pass %s", t.Name())
	}
	return false
}

// setUp makes the child's mounts its own: nothing propagates back to the
// host, /run is a fresh tmpfs and /sys shows the child's network namespace.
func setUp(t *testing.T) {
	t.Helper()
	if err := unix.Mount("", "/", "", unix.MS_PRIVATE|unix.MS_REC, ""); err != nil {
		t.Fatalf("making / private: %v", err)
	}
	if err := unix.Mount("tmpfs", "/run", "tmpfs", 0, "mode=0755"); err != nil {
		t.Fatalf("tmpfs on /run: %v", err)
	}
	unix.Unmount("/sys", unix.MNT_DETACH)
	if err := unix.Mount("sysfs", "/sys", "sysfs", 0, ""); err != nil {
		t.Fatalf("sysfs on /sys: %v", err)
	}
}
