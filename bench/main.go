// Command bench compares gip with iproute2 process against process: it builds
// each scenario in a fresh network namespace (populated with the reference
// `ip -batch`), runs the two tools alternately (A B B A …), and prints per
// scenario the median time ratio gip/iproute2, the peak RSS of each and
// whether their outputs are byte-identical.
//
// Peak RSS comes from GNU time (/usr/bin/time, Debian package "time") when
// it is installed.
//
// Usage (root): go run ./bench [-gip bin/gip] [-ref /usr/sbin/ip] [-runs 7] [-only REGEXP] [-quick]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const innerMarker = "GIP_BENCH_INNER"

type result struct {
	wall   time.Duration
	rssKB  int64
	out    []byte
	status int
}

// scenario is one comparison. setup runs once with the reference tools;
// each measured run executes argv (with "IP" replaced by the tool) after
// prepare, which restores the state a run changes.
type scenario struct {
	name    string
	goal    string // the goal, for the report
	setup   func(w *work) error
	prepare func(w *work) error // before every measured run (nil: none)
	argv    []string
	stdin   string // file fed to stdin ("" none)
	compare bool   // outputs must be identical
}

type work struct {
	dir string
	ref string
	gip string
}

func main() {
	gip := flag.String("gip", "bin/gip", "the gip binary")
	ref := flag.String("ref", "/usr/sbin/ip", "the reference ip")
	runs := flag.Int("runs", 7, "measured runs of each tool per scenario")
	only := flag.String("only", "", "run only scenarios matching this regexp")
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
	fmt.Printf("%-28s %10s %10s %7s %9s %9s %5s  %s\n", "scenario", "iproute2", "gip", "ratio", "rss ip", "rss gip", "same", "goal")
	failed := false
	for _, s := range scenarios(*quick) {
		if re != nil && !re.MatchString(s.name) {
			continue
		}
		if err := runScenario(w, s, *runs); err != nil {
			fmt.Printf("%-28s error: %v\n", s.name, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
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

func runScenario(w *work, s scenario, runs int) error {
	if s.setup != nil {
		if err := s.setup(w); err != nil {
			return fmt.Errorf("setup: %v", err)
		}
	}
	var refRes, gipRes []result
	order := []bool{false, true, true, false} // A B B A
	for i := 0; len(refRes) < runs || len(gipRes) < runs; i++ {
		useGip := order[i%4]
		if (useGip && len(gipRes) >= runs) || (!useGip && len(refRes) >= runs) {
			continue
		}
		if s.prepare != nil {
			if err := s.prepare(w); err != nil {
				return fmt.Errorf("prepare: %v", err)
			}
		}
		tool := w.ref
		if useGip {
			tool = w.gip
		}
		r, err := measure(w, tool, s)
		if err != nil {
			return err
		}
		if useGip {
			gipRes = append(gipRes, r)
		} else {
			refRes = append(refRes, r)
		}
	}
	same := "-"
	if s.compare {
		same = "yes"
		if !bytes.Equal(refRes[0].out, gipRes[0].out) || refRes[0].status != gipRes[0].status {
			same = "NO"
		}
	}
	rt, gt := median(refRes), median(gipRes)
	fmt.Printf("%-28s %9.1fms %9.1fms %7.2f %8dK %8dK %5s  %s\n", s.name,
		ms(rt), ms(gt), float64(gt)/float64(rt), maxRSS(refRes), maxRSS(gipRes), same, s.goal)
	return nil
}

// timeCmd is GNU time, which reports the peak RSS of the tool alone: the
// rusage Go gets back from its own (vfork-style) child also counts the
// memory the child shared with this process before it exec'd.
const timeCmd = "/usr/bin/time"

func measure(w *work, tool string, s scenario) (result, error) {
	argv := make([]string, len(s.argv))
	for i, a := range s.argv {
		argv[i] = strings.ReplaceAll(a, "IP", tool)
	}
	rssFile := filepath.Join(w.dir, "rss")
	if _, err := os.Stat(timeCmd); err == nil {
		argv = append([]string{timeCmd, "-f", "%M", "-o", rssFile, "--"}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if s.stdin != "" {
		f, err := os.Open(filepath.Join(w.dir, s.stdin))
		if err != nil {
			return result{}, err
		}
		defer f.Close()
		cmd.Stdin = f
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	status := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			return result{}, err
		}
		status = ee.ExitCode()
	}
	var rss int64
	if b, err := os.ReadFile(rssFile); err == nil {
		// GNU time writes "Command exited with non-zero status N" first
		// when the tool fails; the number is on the last line.
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		rss, _ = strconv.ParseInt(lines[len(lines)-1], 10, 64)
		os.Remove(rssFile)
	} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return result{wall: wall, rssKB: rss, out: out.Bytes(), status: status}, nil
}

func median(rs []result) time.Duration {
	d := make([]time.Duration, len(rs))
	for i, r := range rs {
		d[i] = r.wall
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func maxRSS(rs []result) int64 {
	var m int64
	for _, r := range rs {
		if r.rssKB > m {
			m = r.rssKB
		}
	}
	return m
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// run runs a setup command with the reference tools, failing on error.
func run(name string, args ...string) error {
	out, err := exec.Command(name, args...).CombinedOutput()
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
