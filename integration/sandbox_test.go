package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// The sandboxed side of a run. The test binary re-executes itself under
// `unshare --net --mount --propagation private --fork` with innerEnv set;
// TestMain then calls innerMain instead of running tests.
const (
	innerEnv    = "GIP_INTEGRATION_INNER" // the path of the JSON job file
	cmdTimeout  = 20 * time.Second        // one command
	runTimeout  = 5 * time.Minute         // one case in one sandbox
	settleMax   = 3 * time.Second
	settleEvery = 100 * time.Millisecond
	// linkwatchMax is how long the kernel may take to bring a link's
	// operstate in line with its carrier: linkwatch runs a carrier loss
	// up to a second (HZ jiffies) after it.
	linkwatchMax = 1500 * time.Millisecond
	// refIP is used to watch the sandbox settle, in both runs, as the
	// leads' runner does: the watcher must not depend on the candidate.
	refIP = "/usr/sbin/ip"
)

// job is what the outer test hands to the sandbox.
type job struct {
	Case    string // case file (absolute)
	BinDir  string // put first on PATH
	WorkDir string // the commands' working directory (batch files go here)
	Out     string // where to write the []result as JSON
}

// caseLine is one command of a case file.
type caseLine struct {
	Line     int    // 1-based line number in the file
	Cmd      string // as written (a trailing "# unstable" is kept: bash ignores it)
	Unstable bool   // marked "# unstable": run, but not compared
}

// result is what one command did.
type result struct {
	Line    int
	Cmd     string
	RC      int // exit status; -1 when killed by the timeout
	Timeout bool
	Out     string
	Err     string
}

var unstableMark = regexp.MustCompile(`\s#\s*unstable\s*$`)

// parseCase reads a case file: one shell command a line; blank lines and
// lines starting with '#' are skipped; a command ending in "# unstable" is
// run but its output is not compared.
func parseCase(text string) []caseLine {
	var lines []caseLine
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, "\r")
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cl := caseLine{Line: i + 1, Cmd: l}
		if unstableMark.MatchString(l) {
			cl.Unstable = true
		}
		lines = append(lines, cl)
	}
	return lines
}

var (
	netnsExec = regexp.MustCompile(`^(\S*/)?(ip|gip)\s+(-all\s+)?net\w*\s+exec\s+\S+\s+`)
	readTool  = regexp.MustCompile(`^(\S*/)?(ip|gip|bridge|gbridge)\b`)
	writeWord = regexp.MustCompile(`\b(add|del|delete|set|change|replace|flush|append|attach|detach|up|down|link set|batch)\b`)
	readOther = regexp.MustCompile(`^(\S*/)?(brctl|gbrctl)\s+(show|showmacs|showstp)\b|^(ls|cat|echo|true)\b`)
)

// isReadOnly reports whether a command only reads state (after any
// `ip netns exec NS`), as the leads' runner decides it, with one addition:
// a -batch run may change anything. Other commands are followed by a settle
// before the next read.
func isReadOnly(line string) bool {
	line = strings.TrimSpace(unstableMark.ReplaceAllString(line, ""))
	for {
		loc := netnsExec.FindStringIndex(line)
		if loc == nil {
			break
		}
		line = line[loc[1]:]
	}
	if loc := readTool.FindStringIndex(line); loc != nil {
		return !writeWord.MatchString(line[loc[1]:])
	}
	return readOther.MatchString(line)
}

// innerMain runs inside the sandbox.
func innerMain(jobFile string) int {
	if err := inner(jobFile); err != nil {
		fmt.Fprintln(os.Stderr, "integration sandbox:", err)
		return 3
	}
	return 0
}

func inner(jobFile string) error {
	b, err := os.ReadFile(jobFile)
	if err != nil {
		return err
	}
	var j job
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	for _, d := range []string{"/run/netns", "/etc/netns"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		if err := unix.Mount("tmpfs", d, "tmpfs", 0, "mode=0755"); err != nil {
			return fmt.Errorf("mount tmpfs on %s: %w", d, err)
		}
	}
	if err := unix.Mount("sysfs", "/sys", "sysfs", 0, ""); err != nil {
		return fmt.Errorf("mount sysfs: %w", err)
	}
	text, err := os.ReadFile(j.Case)
	if err != nil {
		return err
	}
	env := sandboxEnv(j.BinDir)
	var results []result
	dirty := false
	for _, cl := range parseCase(string(text)) {
		ro := isReadOnly(cl.Cmd)
		if dirty && ro {
			settle()
			dirty = false
		}
		results = append(results, runCmd(cl, env, j.WorkDir))
		dirty = dirty || !ro
	}
	out, err := json.Marshal(results)
	if err != nil {
		return err
	}
	return os.WriteFile(j.Out, out, 0o644)
}

func sandboxEnv(binDir string) []string {
	var env []string
	path := "/usr/sbin:/usr/bin:/sbin:/bin"
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "PATH":
			if v != "" {
				path = v
			}
			continue
		case "IP_COLOR", "LC_ALL", "LANG", "LANGUAGE", innerEnv:
			continue
		}
		env = append(env, kv)
	}
	return append(env, "PATH="+binDir+":"+path, "LC_ALL=C")
}

func runCmd(cl caseLine, env []string, dir string) result {
	ctx, cancel := context.WithTimeout(context.Background(), cmdTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", cl.Cmd)
	cmd.Env = env
	cmd.Dir = dir
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	err := cmd.Run()
	if cmd.Process != nil {
		// Whatever the command left running in the background goes with it.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	r := result{Line: cl.Line, Cmd: cl.Cmd, Out: so.String(), Err: se.String()}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.RC, r.Timeout = -1, true
	case err == nil:
	case errors.As(err, &ee):
		r.RC = ee.ExitCode()
	default:
		r.RC = -1
		r.Err += "\n(harness: " + err.Error() + ")"
	}
	return r
}

// settle waits until the sandbox is quiet: no tentative address left in any
// namespace (IPv6 duplicate address detection), no link whose operstate
// linkwatch has yet to bring in line with its carrier (for up to
// linkwatchMax), and links and addresses unchanged over one poll (carrier
// and operstate changes after a link comes up). It gives up after
// settleMax.
func settle() {
	start := time.Now()
	deadline := start.Add(settleMax)
	var last []byte
	for time.Now().Before(deadline) {
		time.Sleep(settleEvery)
		snap := snapshot()
		if bytes.Contains(snap, []byte("tentative")) ||
			time.Since(start) < linkwatchMax && carrierPending(snap) {
			last = nil
			continue
		}
		if last != nil && bytes.Equal(snap, last) {
			return
		}
		last = snap
	}
}

var linkFlags = regexp.MustCompile(`(?m)^\d+: [^<\n]*<([^>\n]*)>`)

// carrierPending reports whether a link in an `ip -o link` snapshot is up
// with a carrier that its operstate does not show yet: LOWER_UP (the
// carrier, at once) without RUNNING (the operstate, from linkwatch) prints
// both LOWER_UP and NO-CARRIER; a lost carrier whose operstate is still up
// prints neither. A link set dormant by hand (ip link set … state dormant)
// looks the same for good, which is why settle waits only linkwatchMax.
func carrierPending(snap []byte) bool {
	for _, m := range linkFlags.FindAllSubmatch(snap, -1) {
		up, lower, noCarrier := false, false, false
		for _, f := range bytes.Split(m[1], []byte(",")) {
			switch string(f) {
			case "UP":
				up = true
			case "LOWER_UP":
				lower = true
			case "NO-CARRIER":
				noCarrier = true
			}
		}
		if up && lower == noCarrier {
			return true
		}
	}
	return false
}

func snapshot() []byte {
	var buf bytes.Buffer
	nss := []string{""}
	if ents, err := os.ReadDir("/run/netns"); err == nil {
		for _, e := range ents {
			nss = append(nss, e.Name())
		}
	}
	for _, ns := range nss {
		for _, obj := range []string{"link", "addr"} {
			args := []string{"-o", obj}
			if ns != "" {
				args = append([]string{"-n", ns}, args...)
			}
			out, _ := exec.Command(refIP, args...).Output()
			fmt.Fprintf(&buf, "%s %s\n", ns, obj)
			buf.Write(out)
		}
	}
	return buf.Bytes()
}

// runSandboxed runs a case in a fresh sandbox with binDir first on PATH.
func runSandboxed(ctx context.Context, self, casePath, binDir, tmp string) ([]result, error) {
	work, err := os.MkdirTemp(tmp, "work-")
	if err != nil {
		return nil, err
	}
	j := job{Case: casePath, BinDir: binDir, WorkDir: work, Out: filepath.Join(tmp, filepath.Base(work)+".json")}
	jb, _ := json.Marshal(j)
	jobFile := j.Out + ".job"
	if err := os.WriteFile(jobFile, jb, 0o644); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "unshare", "--net", "--mount", "--propagation", "private", "--fork",
		self, "-test.run=^$")
	cmd.Env = append(os.Environ(), innerEnv+"="+jobFile)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("sandbox: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(j.Out)
	if err != nil {
		return nil, err
	}
	var rs []result
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, err
	}
	return rs, nil
}

// readCaseFiles lists the case files in dir.
func readCaseFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sh"))
	if err != nil {
		return nil, err
	}
	return files, nil
}

// usesTool reports whether any command of the case runs tool (as a word).
func usesTool(cls []caseLine, tool string) bool {
	re := regexp.MustCompile(`(^|[\s/;|&(])` + regexp.QuoteMeta(tool) + `(\s|$)`)
	for _, cl := range cls {
		if re.MatchString(cl.Cmd) {
			return true
		}
	}
	return false
}
