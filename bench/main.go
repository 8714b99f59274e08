// Command bench compares gip with iproute2 process against process: it builds
// each scenario in a fresh network namespace (populated with the reference
// `ip -batch`), runs the two tools alternately (A B B A …), and prints per
// scenario the median time ratio gip/iproute2, the peak RSS of each and
// whether their outputs are byte-identical.
//
// Peak RSS comes from GNU time (/usr/bin/time, Debian package "time") when
// it is installed.
//
// Times are taken with the tool run directly (a wrapper such as GNU time
// would add its own start-up to both sides and pull every ratio towards
// 1); peak RSS comes from one more run of each under GNU time. The last
// column says whether the scenario meets its goal; the exit status is 1
// when a goal is missed or outputs differ.
//
// Usage (root): go run ./bench [-gip bin/gip] [-ref /usr/sbin/ip] [-runs 7] [-only|-run REGEXP] [-quick]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

const innerMarker = "GIP_BENCH_INNER"

type result struct {
	wall   time.Duration
	cpu    time.Duration // user + system time of the tool
	user   time.Duration // user time alone
	rssKB  int64
	out    []byte
	status int
}

// scenario is one comparison. setup runs once with the reference tools;
// each measured run executes argv (with "IP" replaced by the tool) after
// prepare, which restores the state a run changes.
type scenario struct {
	name    string
	goal    goal // zero: informational only
	setup   func(w *work) error
	prepare func(w *work) error // before every measured run (nil: none)
	argv    []string
	gipArgv []string // what the gip side runs instead of argv (nil: argv)
	refArgv []string // what the reference side runs instead (nil: argv): a floor program
	stdin   string   // file fed to stdin ("" none)
	compare bool     // outputs must be identical
	// summary, when set, turns what a side printed into the short text
	// printed under the scenario's line (counts, not the output itself).
	summary func(out []byte) string
	// drive, when set, runs while the command does (which is in a process
	// group of its own, pgid): it makes what the command is to see and
	// ends it. The command is waited for after drive returns.
	drive func(w *work, pgid int, outPath string) error
	runs  int // measured runs of each tool (0: the -runs flag)
	// timeout bounds one run of the command (0: defaultTimeout); past it
	// the command's process group is killed and the scenario fails.
	timeout time.Duration
}

// Deadlines, so that no scenario can hang the bench: a command that does
// not end in time has its whole process group killed.
const (
	defaultTimeout = 2 * time.Minute
	setupTimeout   = 10 * time.Minute // setup and prepare commands (1M-route batches)
)

type work struct {
	dir     string
	ref     string
	gip     string
	goHello string // an empty Go program, the floor of any Go tool's start-up
	floor   string // bench/floor: exec and raw-dump floors
}

func main() {
	gip := flag.String("gip", "bin/gip", "the gip binary")
	ref := flag.String("ref", "/usr/sbin/ip", "the reference ip")
	runs := flag.Int("runs", 7, "measured runs of each tool per scenario")
	only := flag.String("only", "", "run only scenarios matching this regexp")
	flag.StringVar(only, "run", "", "the same as -only")
	quick := flag.Bool("quick", false, "skip the 1M-route scenarios")
	flag.Parse()

	if os.Getenv(innerMarker) == "" {
		if os.Geteuid() != 0 {
			fmt.Fprintln(os.Stderr, "bench: needs root (it builds scenarios in its own network namespace)")
			os.Exit(2)
		}
		abs, err := filepath.Abs(*gip)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(2)
		}
		self, _ := os.Executable()
		args := append([]string{"--net", "--mount", "--propagation", "private", "--fork", self}, os.Args[1:]...)
		cmd := exec.Command("unshare", args...)
		cmd.Env = append(os.Environ(), innerMarker+"=1", "GIP_BENCH_GIP="+abs)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); ok {
				os.Exit(ee.ExitCode())
			}
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(2)
		}
		return
	}

	dir, err := os.MkdirTemp("", "gip-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	defer os.RemoveAll(dir)
	if err := sandbox(); err != nil {
		fmt.Fprintln(os.Stderr, "bench: sandbox:", err)
		os.Exit(2)
	}
	w := &work{dir: dir, ref: *ref, gip: os.Getenv("GIP_BENCH_GIP")}
	var re *regexp.Regexp
	if *only != "" {
		re = regexp.MustCompile(*only)
	}
	fmt.Printf("%-28s %10s %10s %7s %9s %9s %5s  %-18s %s\n", "scenario", "iproute2", "gip", "ratio", "rss ip", "rss gip", "same", "goal", "verdict")
	missed := 0
	for _, s := range scenarios(*quick) {
		if re != nil && !re.MatchString(s.name) {
			continue
		}
		ok, err := runScenario(w, s, *runs)
		if err != nil {
			fmt.Printf("%-28s error: %v\n", s.name, err)
		}
		if err != nil || !ok {
			missed++
		}
	}
	if missed > 0 {
		fmt.Printf("bench: %d scenario(s) missed their goal or differ from iproute2\n", missed)
		os.Exit(1)
	}
	fmt.Println("bench: every goal met, outputs identical")
}

// sandbox gives the namespace a private /run/netns so scenarios that add
// namespaces touch nothing outside.
func sandbox() error {
	os.MkdirAll("/run/netns", 0o755)
	if err := syscall.Mount("tmpfs", "/run/netns", "tmpfs", 0, ""); err != nil {
		return err
	}
	return run("ip", "link", "set", "lo", "up")
}

// goal is what a scenario must reach: gip's median time at most maxRatio
// of iproute2's, and its peak RSS at most maxRSSKB (0: no memory goal).
type goal struct {
	maxRatio float64
	maxRSSKB int64
	// maxUserRatio, when set, is a bound on gip's median user CPU time
	// against iproute2's: for the batches, whose time is mostly the
	// kernel's, it is what gip's own code costs.
	maxUserRatio float64
}

func ratio(r float64) goal                 { return goal{maxRatio: r} }
func ratioRSS(r float64, rssKB int64) goal { return goal{maxRatio: r, maxRSSKB: rssKB} }

func (g goal) String() string {
	switch {
	case g.maxRatio == 0:
		return "(informational)"
	case g.maxRSSKB == 0:
		return fmt.Sprintf("<= %.1f", g.maxRatio)
	}
	if g.maxUserRatio > 0 {
		return fmt.Sprintf("<= %.1f, usr <= %.1f, rss <= %dM", g.maxRatio, g.maxUserRatio, g.maxRSSKB>>10)
	}
	return fmt.Sprintf("<= %.1f, rss <= %dM", g.maxRatio, g.maxRSSKB>>10)
}

// runScenario measures one scenario and prints its line; ok is false when
// the outputs differ or a goal is missed.
func runScenario(w *work, s scenario, runs int) (ok bool, err error) {
	if s.setup != nil {
		if err := s.setup(w); err != nil {
			return false, fmt.Errorf("setup: %v", err)
		}
	}
	if s.runs > 0 && s.runs < runs {
		runs = s.runs
	}
	var refRes, gipRes []result
	order := []bool{false, true, true, false} // A B B A
	// One run more of each, the first, under GNU time for the peak RSS;
	// it also warms the caches and is not timed.
	for i := 0; len(refRes) < runs+1 || len(gipRes) < runs+1; i++ {
		useGip := order[i%4]
		if (useGip && len(gipRes) >= runs+1) || (!useGip && len(refRes) >= runs+1) {
			continue
		}
		if s.prepare != nil {
			if err := s.prepare(w); err != nil {
				return false, fmt.Errorf("prepare: %v", err)
			}
		}
		tool := w.ref
		res := &refRes
		if useGip {
			tool, res = w.gip, &gipRes
		}
		r, err := measure(w, tool, s, len(*res) == 0)
		if err != nil {
			return false, err
		}
		*res = append(*res, r)
	}
	ok = true
	same := "-"
	if s.compare {
		same = "yes"
		if !bytes.Equal(refRes[0].out, gipRes[0].out) || refRes[0].status != gipRes[0].status {
			same, ok = "NO", false
		}
	}
	rt, gt := median(refRes[1:]), median(gipRes[1:])
	rat := float64(gt) / float64(rt)
	refRSS, gipRSS := refRes[0].rssKB, gipRes[0].rssKB
	verdict := ""
	if s.goal.maxRatio > 0 {
		verdict = "met"
		if rat > s.goal.maxRatio || (s.goal.maxRSSKB > 0 && (gipRSS == 0 || gipRSS > s.goal.maxRSSKB)) {
			verdict, ok = "MISSED", false
		}
	}
	// CPU time (user + system, medians) says what the wall times mean
	// on a loaded machine, where waiting for a CPU is counted in both.
	rc, gc := medianOf(refRes[1:], cpuOf), medianOf(gipRes[1:], cpuOf)
	cpuRat := 0.0
	if rc > 0 {
		cpuRat = float64(gc) / float64(rc)
	}
	ru, gu := medianOf(refRes[1:], userOf), medianOf(gipRes[1:], userOf)
	userRat := 0.0
	if ru > 0 {
		userRat = float64(gu) / float64(ru)
	}
	if s.goal.maxUserRatio > 0 && (ru == 0 || userRat > s.goal.maxUserRatio) {
		verdict, ok = "MISSED", false
	}
	fmt.Printf("%-28s %9.1fms %9.1fms %7.2f %8dK %8dK %5s  %-18s %-7s cpu %.1f/%.1fms %.2f usr %.1f/%.1fms %.2f\n", s.name,
		ms(rt), ms(gt), rat, refRSS, gipRSS, same, s.goal, verdict, ms(rc), ms(gc), cpuRat, ms(ru), ms(gu), userRat)
	if s.summary != nil {
		for _, side := range []struct {
			name string
			rs   []result
		}{{"iproute2", refRes}, {"gip", gipRes}} {
			var sums []string
			for _, r := range side.rs {
				sums = append(sums, s.summary(r.out))
			}
			fmt.Printf("%-28s   %-8s %s\n", "", side.name+":", strings.Join(sums, " | "))
		}
	}
	return ok, nil
}

// timeCmd is GNU time, which reports the peak RSS of the tool alone: the
// rusage Go gets back from its own (vfork-style) child also counts the
// memory the child shared with this process before it exec'd.
const timeCmd = "/usr/bin/time"

// measure runs the scenario's command once with tool; withRSS runs it
// under GNU time for its peak RSS.
func measure(w *work, tool string, s scenario, withRSS bool) (result, error) {
	src := s.argv
	if tool == w.gip && s.gipArgv != nil {
		src = s.gipArgv
	}
	if tool == w.ref && s.refArgv != nil {
		src = s.refArgv
	}
	argv := make([]string, len(src))
	for i, a := range src {
		argv[i] = strings.NewReplacer("IP", tool, "GOHELLO", w.goHello, "GOFLOOR", w.floor, "WORKDIR", w.dir).Replace(a)
	}
	rssFile := filepath.Join(w.dir, "rss")
	os.Remove(rssFile)
	if _, err := os.Stat(timeCmd); err == nil && withRSS {
		argv = append([]string{timeCmd, "-f", "%M", "-o", rssFile, "--"}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	// Output goes to a file, not a pipe: a pipe needs a goroutine here
	// to drain it, whose scheduling would be timed with the tool.
	outPath := filepath.Join(w.dir, "out")
	outFile, err := os.Create(outPath)
	if err != nil {
		return result{}, err
	}
	defer outFile.Close()
	cmd.Stdout = outFile
	cmd.Stderr = outFile
	if s.stdin != "" {
		f, err := os.Open(filepath.Join(w.dir, s.stdin))
		if err != nil {
			return result{}, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	// A process group of its own: the deadline (and drive) signal the
	// tool together with whatever runs it (GNU time, sh) and its children.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	timeout := s.timeout
	if timeout == 0 {
		timeout = defaultTimeout
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	pgid := cmd.Process.Pid
	var timedOut atomic.Bool
	timer := time.AfterFunc(timeout, func() {
		timedOut.Store(true)
		syscall.Kill(-pgid, syscall.SIGKILL)
	})
	var driveErr error
	if s.drive != nil {
		if driveErr = s.drive(w, pgid, outPath); driveErr != nil {
			syscall.Kill(-pgid, syscall.SIGKILL)
		}
	}
	err = cmd.Wait()
	wall := time.Since(start)
	timer.Stop()
	// Whatever the tool left running in its group goes too.
	syscall.Kill(-pgid, syscall.SIGKILL)
	switch {
	case timedOut.Load():
		return result{}, fmt.Errorf("%s: no end after %v: killed", strings.Join(argv, " "), timeout)
	case driveErr != nil:
		return result{}, fmt.Errorf("%s: %v", strings.Join(argv, " "), driveErr)
	}
	status := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return result{}, err
		}
		status = ee.ExitCode()
	}
	var cpu, user time.Duration
	if ps := cmd.ProcessState; ps != nil {
		user = ps.UserTime()
		cpu = user + ps.SystemTime()
	}
	var rss int64
	if b, err := os.ReadFile(rssFile); err == nil {
		// GNU time writes "Command exited with non-zero status N" first
		// when the tool fails; the number is on the last line.
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		rss, _ = strconv.ParseInt(lines[len(lines)-1], 10, 64)
	}
	out, err := os.ReadFile(outPath)
	if err != nil {
		return result{}, err
	}
	return result{wall: wall, cpu: cpu, user: user, rssKB: rss, out: out, status: status}, nil
}

func median(rs []result) time.Duration {
	return medianOf(rs, func(r result) time.Duration { return r.wall })
}

func medianOf(rs []result, of func(result) time.Duration) time.Duration {
	d := make([]time.Duration, len(rs))
	for i, r := range rs {
		d[i] = of(r)
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func cpuOf(r result) time.Duration { return r.cpu }

func userOf(r result) time.Duration { return r.user }

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// run runs a setup command with the reference tools, failing on error
// or when it does not end within setupTimeout.
func run(name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if ctx.Err() != nil {
		return fmt.Errorf("%s %s: no end after %v: killed", name, strings.Join(args, " "), setupTimeout)
	}
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// batch writes lines to a file under the work dir and returns its path.
func (w *work) batch(name string, n int, line func(i int) string) (string, error) {
	path := filepath.Join(w.dir, name)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(line(i))
		b.WriteByte('\n')
	}
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}
