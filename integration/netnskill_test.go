package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestNetnsAddKilled SIGKILLs `ip netns add` of both tools at random
// moments and checks what each leaves in /run/netns: nothing, a bound
// namespace, or an empty file that is no mount point (the kill fell
// between creating the file and mounting onto it). Such a leftover must
// behave as iproute2's does: `netns add` of the name refuses with "File
// exists", `netns list` still lists it, `netns delete` removes it. Every
// leftover found, and one made by hand for each tool, is checked so.
//
// The leftover rate of each tool is logged, not asserted: it depends on
// timing. The kills of both tools are drawn from one range, so the rates
// compare the absolute width of the two windows. GIP_NETNS_KILL_RUNS sets
// the kills per tool (default 60).
func TestNetnsAddKilled(t *testing.T) {
	t.Parallel()
	requireSandbox(t)
	gip := gipBinary(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	runs := 60
	if n, err := strconv.Atoi(os.Getenv("GIP_NETNS_KILL_RUNS")); err == nil && n > 0 {
		runs = n
	}
	sandboxes <- struct{}{}
	defer func() { <-sandboxes }()

	tmp := t.TempDir()
	j := killJob{Tools: []string{findRef("ip"), gip}, Runs: runs, Out: filepath.Join(tmp, "kill.json")}
	jf := filepath.Join(tmp, "kill.job")
	jb, _ := json.Marshal(j)
	if err := os.WriteFile(jf, jb, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("unshare", "--net", "--mount", "--propagation", "private", "--fork", self, "-test.run=^$")
	cmd.Env = append(os.Environ(), killEnv+"="+jf)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("sandbox: %v\n%s", err, out.String())
	}
	b, err := os.ReadFile(j.Out)
	if err != nil {
		t.Fatal(err)
	}
	var rep killReport
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	t.Logf("kills drawn uniformly from 0 to %v (median run: iproute2 %v, gip %v)", rep.MaxDelay, rep.Median[0], rep.Median[1])
	for i, name := range []string{"iproute2", "gip"} {
		c := rep.Counts[i]
		t.Logf("%-8s %d kills: %d before the file, %d leftover empty files (%.1f%%), %d bound namespaces",
			name, runs, c[stateNone], c[stateLeftover], 100*float64(c[stateLeftover])/float64(runs), c[stateBound])
	}
	for _, f := range rep.Failures {
		t.Error(f)
	}
}

// killEnv makes the test binary run a killJob (in a sandbox) instead of
// tests.
const killEnv = "GIP_INTEGRATION_NETNS_KILL"

type killJob struct {
	Tools []string // the reference ip, then gip
	Runs  int
	Out   string
}

type killReport struct {
	MaxDelay time.Duration
	Median   []time.Duration
	Counts   [][3]int // per tool, by state
	Failures []string
}

// What a killed `netns add` left at /run/netns/NAME.
const (
	stateNone     = iota // no file
	stateLeftover        // an empty file, no namespace bound on it
	stateBound           // a namespace bound
)

func killMain(jobFile string) int {
	if err := killInner(jobFile); err != nil {
		fmt.Fprintln(os.Stderr, "netns kill sandbox:", err)
		return 3
	}
	return 0
}

func killInner(jobFile string) error {
	b, err := os.ReadFile(jobFile)
	if err != nil {
		return err
	}
	var j killJob
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if err := os.MkdirAll("/run/netns", 0o755); err != nil {
		return err
	}
	if err := unix.Mount("tmpfs", "/run/netns", "tmpfs", 0, "mode=0755"); err != nil {
		return fmt.Errorf("mount tmpfs on /run/netns: %w", err)
	}
	rep := killReport{Counts: make([][3]int, len(j.Tools))}
	fail := func(format string, args ...any) { rep.Failures = append(rep.Failures, fmt.Sprintf(format, args...)) }

	// How long a whole `netns add` takes with each tool, on this machine
	// now; the kills are spread over the longer one and a quarter more.
	for _, tool := range j.Tools {
		var ds []time.Duration
		for i := range 7 {
			name := fmt.Sprintf("m%d", i)
			start := time.Now()
			if r := runTool(tool, "netns", "add", name); r.RC != 0 {
				return fmt.Errorf("%s netns add %s: %+v", tool, name, r)
			}
			ds = append(ds, time.Since(start))
			runTool(tool, "netns", "delete", name)
		}
		slices.Sort(ds)
		rep.Median = append(rep.Median, ds[len(ds)/2])
	}
	rep.MaxDelay = slices.Max(rep.Median) * 5 / 4

	for i, tool := range j.Tools {
		// A leftover made by hand, so that recovery is checked even when
		// no kill happens to leave one.
		name := fmt.Sprintf("hand%d", i)
		if err := os.WriteFile("/run/netns/"+name, nil, 0); err != nil {
			return err
		}
		checkLeftover(tool, name, fail)
	}
	for run := range j.Runs {
		// Alternate the tools, so that both meet the same load.
		for i, tool := range j.Tools {
			name := fmt.Sprintf("k%d-%d", i, run)
			st, err := killAdd(tool, name, rand.N(rep.MaxDelay+1))
			if err != nil {
				return err
			}
			rep.Counts[i][st]++
			switch st {
			case stateLeftover:
				checkLeftover(tool, name, fail)
			case stateBound:
				if r := runTool(tool, "netns", "delete", name); r.RC != 0 || r.Err != "" {
					fail("%s netns delete %s (bound): %+v", tool, name, r)
				}
			}
			if _, err := os.Lstat("/run/netns/" + name); err == nil {
				fail("%s: /run/netns/%s is still there after the cleanup", tool, name)
				os.Remove("/run/netns/" + name)
			}
		}
	}
	out, err := json.Marshal(rep)
	if err != nil {
		return err
	}
	return os.WriteFile(j.Out, out, 0o644)
}

// killAdd starts `TOOL netns add NAME`, SIGKILLs it after delay (counted
// from its exec), and says what it left behind.
func killAdd(tool, name string, delay time.Duration) (int, error) {
	cmd := exec.Command(tool, "netns", "add", name)
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	time.Sleep(delay)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	path := "/run/netns/" + name
	var st unix.Statfs_t
	if err := unix.Statfs(path, &st); err != nil {
		if err == unix.ENOENT {
			return stateNone, nil
		}
		return 0, fmt.Errorf("statfs %s: %w", path, err)
	}
	if st.Type == unix.NSFS_MAGIC {
		return stateBound, nil
	}
	return stateLeftover, nil
}

// checkLeftover checks how TOOL treats /run/netns/NAME when that is an
// empty file with no namespace bound on it, as iproute2 6.1 does: add
// refuses, list shows the name, delete removes the file.
func checkLeftover(tool, name string, fail func(string, ...any)) {
	path := "/run/netns/" + name
	want := result{RC: 1, Err: "Cannot create namespace file \"" + path + "\": File exists\n"}
	if r := runTool(tool, "netns", "add", name); r.RC != want.RC || r.Out != "" || r.Err != want.Err {
		fail("%s netns add %s over a leftover file: got %+v, want %+v", tool, name, r, want)
	}
	if r := runTool(tool, "netns", "list"); r.RC != 0 || !slices.Contains(strings.Split(r.Out, "\n"), name) {
		fail("%s netns list with the leftover %s: got %+v", tool, name, r)
	}
	if r := runTool(tool, "netns", "delete", name); r.RC != 0 || r.Out != "" || r.Err != "" {
		fail("%s netns delete %s (leftover): got %+v", tool, name, r)
	}
	if _, err := os.Lstat(path); err == nil {
		fail("%s netns delete %s left the file", tool, name)
	}
}

// runTool runs TOOL ARGS and returns what it printed and its exit status.
func runTool(tool string, args ...string) result {
	cmd := exec.Command(tool, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err := cmd.Run()
	r := result{Cmd: tool + " " + strings.Join(args, " "), Out: so.String(), Err: se.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.RC = ee.ExitCode()
	} else if err != nil {
		r.RC, r.Err = -1, err.Error()
	}
	return r
}
