package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestExampleCNIVeth builds examples/cni-veth and runs it twice in a
// sandbox of its own (new network and mount namespaces, tmpfs /run/netns).
// iproute2 checks the state the first run leaves; the second run must fail
// with the kernel's "File exists" (EEXIST, its status 17) and change nothing.
func TestExampleCNIVeth(t *testing.T) {
	requireSandbox(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "cni-veth")
	if out, err := exec.Command(goBin, "build", "-o", bin, "../examples/cni-veth").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// Operational states and carrier follow a new veth up to a second late
	// (linkwatch): the state compares link flags without NO-CARRIER and
	// address lines without the state column.
	state := `{ ` + refIP + ` -br link; ` + refIP + ` -br -4 addr; ` + refIP + ` -n blue -br link; ` +
		refIP + ` -n blue -br -4 addr; } | sed -E 's/ +(UP|DOWN|LOWERLAYERDOWN|UNKNOWN) +/ STATE /; s/NO-CARRIER,//'; ` +
		refIP + ` -n blue route; ` + refIP + ` netns list`
	script := `mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns && mount -t sysfs sysfs /sys || exit 99
` + refIP + ` link set lo up
` + bin + ` >first.out 2>first.err; echo "first $?"
(` + state + `) >state1 2>&1
` + bin + ` >second.out 2>second.err; echo "second $?"
(` + state + `) >state2 2>&1
cat first.out; echo ==; cat first.err; echo ==; cat state1; echo ==; cat second.out; echo ==; cat second.err; echo ==
cmp -s state1 state2 && echo same || { echo changed; diff state1 state2; }`
	cmd := exec.Command("unshare", "--net", "--mount", "--propagation", "private", "--fork", "sh", "-c", script)
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sandbox: %v\n%s", err, out)
	}
	text := string(out)
	parts := strings.Split(text, "==\n")
	if len(parts) != 6 {
		t.Fatalf("unexpected output:\n%s", text)
	}
	must := func(what, s, re string) {
		t.Helper()
		if !regexp.MustCompile(re).MatchString(s) {
			t.Errorf("%s: no match for %q in:\n%s", what, re, s)
		}
	}
	must("statuses", parts[0], `(?m)^first 0$`)
	must("statuses", parts[0], `(?m)^second 17$`)
	// What the example prints: blue's links as typed values, then blue's
	// routes as seen from inside blue through netns.Do.
	must("first run", parts[0], `(?m)^lo 1 65536 UNKNOWN$`)
	must("first run", parts[0], `(?m)^ceth0 \d+ 1500 (UP|DOWN|LOWERLAYERDOWN)$`)
	must("first run", parts[0], `(?m)^route 0\.0\.0\.0/0 gateway 10\.99\.0\.1 oif \d+ table 254$`)
	must("first run", parts[0], `(?m)^route 10\.99\.0\.0/24 gateway none oif \d+ table 254$`)
	if parts[1] != "" {
		t.Errorf("first run wrote to stderr: %s", parts[1])
	}
	// The state, as iproute2 sees it.
	st := parts[2]
	must("state", st, `(?m)^host0@if\d+ STATE \S+ <BROADCAST,MULTICAST,UP\b`)
	must("state", st, `(?m)^ceth0@if\d+ STATE \S+ <BROADCAST,MULTICAST,UP\b`)
	must("state", st, `(?m)^host0@if\d+ STATE 10\.99\.0\.1/24 *$`)
	must("state", st, `(?m)^ceth0@if\d+ STATE 10\.99\.0\.2/24 *$`)
	must("state", st, `(?m)^lo STATE 127\.0\.0\.1/8 *$`)
	must("state", st, `(?m)^default via 10\.99\.0\.1 dev ceth0 *$`)
	must("state", st, `(?m)^blue( \(id: \d+\))? *$`)
	if n := strings.Count(st, "LOOPBACK,UP"); n != 2 {
		t.Errorf("lo is up in %d namespaces, want 2:\n%s", n, st)
	}
	// The second run: the kernel's refusal, unwrapped, and nothing changed.
	if parts[3] != "" {
		t.Errorf("second run printed: %s", parts[3])
	}
	must("second run", parts[4], `^cni-veth: Cannot create namespace file "/run/netns/blue": File exists\n$`)
	must("state after the second run", parts[5], `^same\n$`)
	_ = os.Remove(bin)
}
