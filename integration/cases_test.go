package integration

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Environment knobs:
//
//	GIP_BIN                 the gip binary to test (default: ../bin/gip when it
//	                        is newer than every source file, else a fresh build)
//	GIP_INTEGRATION_JOBS    sandboxes at a time (default 2)
//	GIP_REF_TWICE           set: run the reference twice and compare only the
//	                        commands whose output is the same both times (use
//	                        it when writing a case to find unstable lines)
//	GIP_SEED_CASES          glob of the leads' seed cases for TestSeedConformance
const (
	casesDir  = "testdata/cases"
	seedRun   = "../../shared/conformance/run"
	seedCases = "../../shared/conformance/cases/*.sh"
)

// refSearch is where the reference tools are looked for.
var refSearch = []string{"/usr/sbin", "/sbin", "/usr/bin", "/bin"}

var tmpRoot string // removed when the tests end

// sandboxes limits how many sandboxes run at a time, across all tests.
var sandboxes = make(chan struct{}, jobs())

func TestMain(m *testing.M) {
	if jf := os.Getenv(innerEnv); jf != "" {
		os.Exit(innerMain(jf))
	}
	if jf := os.Getenv(killEnv); jf != "" {
		os.Exit(killMain(jf))
	}
	var err error
	tmpRoot, err = os.MkdirTemp("", "gip-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// findRef returns the reference tool's path, or "".
func findRef(tool string) string {
	for _, d := range refSearch {
		p := filepath.Join(d, tool)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

var (
	sandboxOnce sync.Once
	sandboxErr  string
)

// requireSandbox skips the test unless it can build sandboxes: root, unshare
// and the reference ip (the settle watcher uses it). Under CI (CI set to
// anything but "" or "false") it fails instead: a CI job that cannot make a
// namespace has tested nothing, and a skip would look like a pass.
func requireSandbox(t *testing.T) {
	t.Helper()
	skip := t.Skip
	if inCI() {
		skip = func(args ...any) {
			t.Helper()
			t.Fatal(append([]any{"CI is set, so this is a failure, not a skip:"}, args...)...)
		}
	}
	if os.Geteuid() != 0 {
		skip("integration tests need root: they create network and mount namespaces (run `sudo make test` or `make integration` as root)")
	}
	sandboxOnce.Do(func() {
		if _, err := exec.LookPath("unshare"); err != nil {
			sandboxErr = "unshare (util-linux) is missing"
			return
		}
		if fileMissing(refIP) {
			sandboxErr = "the reference ip is missing at " + refIP + " (install iproute2)"
			return
		}
		sandboxErr = probeSandbox()
	})
	if sandboxErr != "" {
		skip("integration tests skipped: " + sandboxErr)
	}
}

// inCI reports whether a CI system runs the tests (they set CI=true).
func inCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

// probeTimeout bounds the check that sandboxes can be made. Making a
// network namespace takes the kernel's rtnetlink lock (RTNL), and a task
// that oopses while holding it (seen on this project's machines: a fortify
// BUG in ip_tun_parse_opts on an `encap ip … vxlan_opts` route) leaves it
// held until reboot. Every later namespace or rtnetlink call then blocks
// uninterruptibly, so without a bound the suite would hang until CI's limit.
const probeTimeout = 30 * time.Second

// probeSandbox makes a namespace and dumps its links with the reference ip,
// and says why that failed ("" when it worked). A probe that does not finish
// is left behind: a task blocked on RTNL cannot be killed.
func probeSandbox() string {
	cmd := exec.Command("unshare", "--net", "--mount", "--propagation", "private", "--fork", refIP, "-o", "link", "show")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return fmt.Sprintf("cannot create namespaces: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Sprintf("cannot create namespaces: %v %s", err, bytes.TrimSpace(out.Bytes()))
		}
		return ""
	case <-time.After(probeTimeout):
		msg := fmt.Sprintf("making a network namespace did not finish in %v: the kernel's rtnetlink lock is held "+
			"(most likely by a task that oopsed: see dmesg), so no namespace can be made on this machine until it reboots", probeTimeout)
		fmt.Fprintln(os.Stderr, "integration: "+msg)
		return msg
	}
}

func fileMissing(p string) bool { _, err := os.Stat(p); return err != nil }

var (
	gipOnce sync.Once
	gipPath string
	gipErr  error
	gipNote string
)

// gipBinary returns the gip binary under test: $GIP_BIN, else ../bin/gip
// when it is newer than every source file, else one built for this run.
func gipBinary(t *testing.T) string {
	t.Helper()
	gipOnce.Do(func() {
		if p := os.Getenv("GIP_BIN"); p != "" {
			gipPath, gipErr = filepath.Abs(p)
			if gipErr == nil {
				if _, err := os.Stat(gipPath); err != nil {
					gipErr = fmt.Errorf("GIP_BIN: %v", err)
				}
			}
			gipNote = "GIP_BIN"
			return
		}
		root, err := filepath.Abs("..")
		if err != nil {
			gipErr = err
			return
		}
		bin := filepath.Join(root, "bin", "gip")
		if st, err := os.Stat(bin); err == nil {
			if newer := newestSource(root); !newer.After(st.ModTime()) {
				gipPath, gipNote = bin, "bin/gip (built by make)"
				return
			}
		}
		goTool, err := exec.LookPath("go")
		if err != nil {
			goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		}
		gipPath = filepath.Join(tmpRoot, "gip")
		cmd := exec.Command(goTool, "build", "-tags", "giplinkname", "-ldflags", "-checklinkname=0", "-o", gipPath, "./cmd/gip")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			gipErr = fmt.Errorf("go build ./cmd/gip: %v\n%s", err, out)
		}
		gipNote = "built for this run (bin/gip is missing or older than the sources)"
	})
	if gipErr != nil {
		t.Fatal(gipErr)
	}
	return gipPath
}

// newestSource is the newest modification time of the module's non-test
// Go sources, go.mod and go.sum.
func newestSource(root string) time.Time {
	var newest time.Time
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || name == "bin" || name == "testdata" || name == "integration") {
				return filepath.SkipDir
			}
			return nil
		}
		if (strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")) || name == "go.mod" || name == "go.sum" {
			if info, err := d.Info(); err == nil && info.ModTime().After(newest) {
				newest = info.ModTime()
			}
		}
		return nil
	})
	return newest
}

// refWrapper stands in for gip's multi-call names in the reference run:
// `gip brctl …` is brctl, `gip bridge …` is bridge, any other `gip …` is ip.
const refWrapper = `#!/bin/sh
case "$1" in
brctl|gbrctl) shift; exec %[2]s "$@" ;;
bridge|gbridge) shift; exec %[3]s "$@" ;;
esac
exec %[1]s "$@"
`

// makeBinDirs creates the two PATH directories: the reference tools (and
// their g-names) and gip under every name it answers to.
func makeBinDirs(t *testing.T, gip string) (ref, cand string) {
	t.Helper()
	ref, cand = filepath.Join(tmpRoot, "bin-ref"), filepath.Join(tmpRoot, "bin-gip")
	for _, d := range []string{ref, cand} {
		os.RemoveAll(d)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ip, brctl, bridge := findRef("ip"), findRef("brctl"), findRef("bridge")
	for name, target := range map[string]string{"ip": ip, "brctl": brctl, "gbrctl": brctl, "bridge": bridge, "gbridge": bridge} {
		if target != "" {
			if err := os.Symlink(target, filepath.Join(ref, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	w := fmt.Sprintf(refWrapper, ip, orFalse(brctl), orFalse(bridge))
	if err := os.WriteFile(filepath.Join(ref, "gip"), []byte(w), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ip", "brctl", "bridge", "gip", "gbrctl", "gbridge"} {
		if err := os.Symlink(gip, filepath.Join(cand, name)); err != nil {
			t.Fatal(err)
		}
	}
	return ref, cand
}

func orFalse(p string) string {
	if p == "" {
		return "false"
	}
	return p
}

func logVersions(t *testing.T) {
	t.Helper()
	v, _ := exec.Command(findRef("ip"), "-V").CombinedOutput()
	k, _ := exec.Command("uname", "-r").CombinedOutput()
	t.Logf("reference: %s; kernel: %s", bytes.TrimSpace(v), bytes.TrimSpace(k))
	if !bytes.Contains(v, []byte("iproute2-6.1")) {
		t.Logf("warning: gip follows iproute2 6.1; the reference here is %s", bytes.TrimSpace(v))
	}
}

func jobs() int {
	if n, err := strconv.Atoi(os.Getenv("GIP_INTEGRATION_JOBS")); err == nil && n > 0 {
		return n
	}
	return 2
}

// TestCases runs every testdata/cases/*.sh with the reference tools and
// with gip and compares them command by command.
func TestCases(t *testing.T) {
	t.Parallel()
	requireSandbox(t)
	logVersions(t)
	gip := gipBinary(t)
	t.Logf("gip: %s (%s)", gip, gipNote)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	refDir, candDir := binDirs(t, gip)
	files, err := readCaseFiles(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no case files in %s", casesDir)
	}
	for _, f := range files {
		f, _ := filepath.Abs(f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cls := parseCase(string(text))
			for _, tool := range []string{"brctl", "bridge"} {
				if findRef(tool) == "" && (usesTool(cls, tool) || usesTool(cls, "g"+tool)) {
					t.Skipf("the reference %s is missing (install %s)", tool, map[string]string{"brctl": "bridge-utils", "bridge": "iproute2"}[tool])
				}
			}
			sandboxes <- struct{}{}
			defer func() { <-sandboxes }()
			caseTmp := t.TempDir()
			ctx := context.Background()
			ref, err := runSandboxed(ctx, self, f, refDir, caseTmp)
			if err != nil {
				t.Fatalf("reference run: %v", err)
			}
			var ref2 []result
			if os.Getenv("GIP_REF_TWICE") != "" {
				if ref2, err = runSandboxed(ctx, self, f, refDir, caseTmp); err != nil {
					t.Fatalf("second reference run: %v", err)
				}
			}
			cand, err := runSandboxed(ctx, self, f, candDir, caseTmp)
			if err != nil {
				t.Fatalf("gip run: %v", err)
			}
			compareRuns(t, filepath.Join(casesDir, filepath.Base(f)), string(text), cls, ref, ref2, cand)
		})
	}
}

// compareRuns reports every command whose normalized output differs.
// ref2, when not nil, is a second reference run: commands whose output
// differs between the two are unstable and not compared.
func compareRuns(t *testing.T, name, text string, cls []caseLine, ref, ref2, cand []result) {
	t.Helper()
	n := newNormalizer(text)
	byLine := map[int]result{}
	for _, c := range cand {
		byLine[c.Line] = c
	}
	matched, unstable := 0, 0
	for _, r := range ref {
		// Unstable lines and usage texts too: Go's wording is never
		// iproute2's, whatever else is compared.
		if c, ok := byLine[r.Line]; ok {
			if ph := goWording(r, c); ph != nil {
				t.Errorf("%s:%d: $ %s\ngip printed Go's wording %q where iproute2 did not:\n%s%s",
					name, r.Line, r.Cmd, ph, c.Out, c.Err)
			}
		}
	}
	for i, r := range ref {
		if i < len(cls) && cls[i].Unstable {
			unstable++
			matched++
			continue
		}
		r.Out, r.Err = sortAddrconfRoutes(n.text(r.Out)), n.text(r.Err)
		usage := isUsage(r)
		a := render(r, usage)
		if ref2 != nil {
			var b []string
			if i < len(ref2) {
				r2 := ref2[i]
				r2.Out, r2.Err = sortAddrconfRoutes(n.text(r2.Out)), n.text(r2.Err)
				b = render(r2, usage)
			}
			if !reflect.DeepEqual(a, b) {
				t.Logf("%s:%d: unstable in the reference, not compared (mark it \"# unstable\"): $ %s\n%s",
					name, r.Line, r.Cmd, unifiedDiff("iproute2", "iproute2 again", a, b, 2))
				unstable++
				matched++
				continue
			}
		}
		var b []string
		if c, ok := byLine[r.Line]; ok {
			c.Out, c.Err = sortAddrconfRoutes(n.text(c.Out)), n.text(c.Err)
			b = render(c, usage)
		} else {
			b = []string{"(not run)"}
		}
		if d := unifiedDiff("iproute2", "gip", a, b, 2); d != "" {
			t.Errorf("%s:%d: $ %s\n%s", name, r.Line, r.Cmd, d)
			continue
		}
		matched++
	}
	msg := fmt.Sprintf("%s: %d/%d commands match", name, matched, len(ref))
	if unstable > 0 {
		msg += fmt.Sprintf(" (%d unstable, not compared)", unstable)
	}
	t.Log(msg)
}

var seedSummary = regexp.MustCompile(`(?m)^(\d+) passed, (\d+) failed\s*\z`)

// TestSeedConformance runs the leads' conformance runner on each of their
// seed cases when shared/ is checked out beside this repository (as in CI),
// and fails unless it ends with all passed.
// TestSeedConformance runs first and alone (it does not call t.Parallel,
// so the parallel TestCases waits for it), one seed file at a time: a line
// of seed-netns-veth-bridge reads a bridge's carrier right after deleting
// the namespace that held its port's peer, which races the kernel's
// asynchronous netns teardown, and under the whole suite's load either
// tool could lose that race.
func TestSeedConformance(t *testing.T) {
	if _, err := os.Stat(seedRun); err != nil {
		t.Skipf("%s is not there (shared/ is not beside the checkout): seed conformance not run", seedRun)
	}
	requireSandbox(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		if inCI() {
			t.Fatal("python3 is missing: the leads' runner needs it")
		}
		t.Skip("python3 is missing: the leads' runner needs it")
	}
	glob := os.Getenv("GIP_SEED_CASES")
	if glob == "" {
		glob = seedCases
	}
	cases, _ := filepath.Glob(glob)
	if len(cases) == 0 {
		t.Skipf("no seed cases match %s", glob)
	}
	gip := gipBinary(t)
	for _, c := range cases {
		t.Run(filepath.Base(c), func(t *testing.T) {
			sandboxes <- struct{}{}
			defer func() { <-sandboxes }()
			run := func() (string, []string, error) {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, py, seedRun, "--gip", gip, "-v", c)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				err := cmd.Run()
				return out.String(), seedSummary.FindStringSubmatch(out.String()), err
			}
			out, m, err := run()
			if m != nil && m[2] != "0" {
				// The teardown race above can still be lost on a busy
				// machine; one rerun tells a lost race from a real
				// difference, which fails both times.
				t.Logf("first run failed, running again:\n%s", out)
				out, m, err = run()
			}
			switch {
			case m == nil:
				t.Errorf("%s --gip %s -v %s did not end with its summary (%v):\n%s", seedRun, gip, c, err, out)
			case m[2] != "0" || err != nil:
				t.Errorf("%s --gip %s -v %s: %s passed, %s failed (%v):\n%s", seedRun, gip, c, m[1], m[2], err, out)
			default:
				t.Logf("%s", strings.TrimSpace(out))
			}
		})
	}
}
