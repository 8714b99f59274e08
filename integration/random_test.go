package integration

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gipnet/gip/integration/randcmd"
)

// The random run: command lines generated from iproute2's grammar
// (integration/randcmd) are cut into chunks; each chunk becomes a case
// file that starts with randcmd.Prelude and runs, as every case file does,
// once with the reference tools and once with gip in fresh sandboxes.
// Every difference, panic and hang is collected, lines the reference
// itself answers differently on a second run are dropped, and the rest are
// grouped into classes in a report.
//
//	GIP_RANDOM         how many lines (unset or 0: the test is skipped)
//	GIP_RANDOM_SEED    the generator's seed (default 1)
//	GIP_RANDOM_CHUNK   lines per case file (default 50)
//	GIP_RANDOM_ONLY    run only these chunks (comma-separated indexes)
//	GIP_RANDOM_DIR     where the chunk case files and report.txt are kept
//	                   (default: a fresh directory under $TMPDIR, not removed)
//
// `make randdiff` runs it with 5,000 lines.

// finding is one command whose results differ.
type finding struct {
	Chunk   int
	Line    int // in the chunk's case file
	Cmd     string
	Tag     string
	Kind    string // "panic", "hang", "differs"
	After   bool   // an earlier state-changing line of the chunk differed
	Diff    string
	ClassID string
}

var (
	goPanic    = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)`)
	quotedWord = regexp.MustCompile(`"[^"]*"|'[^']*'`)
	numberWord = regexp.MustCompile(`\b\d+\b`)
)

func TestRandomCommands(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("GIP_RANDOM"))
	if n <= 0 {
		t.Skip("GIP_RANDOM is not set: the random run is not part of the default suite (make randdiff)")
	}
	seed := uint64(1)
	if s := os.Getenv("GIP_RANDOM_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 0, 64)
		if err != nil {
			t.Fatalf("GIP_RANDOM_SEED: %v", err)
		}
		seed = v
	}
	chunk := 50
	if s := os.Getenv("GIP_RANDOM_CHUNK"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			chunk = v
		}
	}
	only := map[int]bool{}
	for _, s := range strings.Split(os.Getenv("GIP_RANDOM_ONLY"), ",") {
		if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			only[v] = true
		}
	}
	requireSandbox(t)
	logVersions(t)
	gip := gipBinary(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	refDir, candDir := binDirs(t, gip)
	dir := os.Getenv("GIP_RANDOM_DIR")
	if dir == "" {
		dir, err = os.MkdirTemp("", fmt.Sprintf("gip-random-%d-", seed))
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed %d, %d lines in chunks of %d; case files and report in %s", seed, n, chunk, dir)

	lines := randcmd.New(seed).Lines(n)
	var (
		mu       sync.Mutex
		findings []finding
		unstable []finding
		ran      int
	)
	t.Run("chunks", func(t *testing.T) {
		for c := 0; c*chunk < n; c++ {
			if len(only) > 0 && !only[c] {
				continue
			}
			part := lines[c*chunk : min((c+1)*chunk, n)]
			file := filepath.Join(dir, fmt.Sprintf("random-%d-%03d.sh", seed, c))
			text, tags := chunkCase(seed, c, part)
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run(strconv.Itoa(c), func(t *testing.T) {
				t.Parallel()
				fs, unst := runChunk(t, self, file, text, tags, c, refDir, candDir)
				mu.Lock()
				findings = append(findings, fs...)
				unstable = append(unstable, unst...)
				ran += len(part)
				mu.Unlock()
			})
		}
	})
	report := randomReport(seed, ran, unstable, findings)
	rp := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(rp, []byte(report), 0o644); err != nil {
		t.Error(err)
	}
	t.Logf("%d lines run, %d unstable in the reference; report: %s", ran, len(unstable), rp)
	if len(findings) > 0 {
		t.Errorf("%d differing lines (panics, hangs and differences other than usage texts):\n%s", len(findings), report)
	}
}

// chunkCase writes the case file of one chunk: a header, the prelude, then
// the lines; tags maps a line number to its generator tag.
func chunkCase(seed uint64, c int, part []randcmd.Line) (string, map[int]string) {
	var b strings.Builder
	fmt.Fprintf(&b, "# random run: seed %d, chunk %d (integration/randcmd)\n", seed, c)
	for _, p := range randcmd.Prelude {
		b.WriteString(p + "\n")
	}
	b.WriteString("# generated lines\n")
	tags := map[int]string{}
	ln := 2 + len(randcmd.Prelude) + 1
	for _, l := range part {
		b.WriteString(l.Cmd + "\n")
		tags[ln] = l.Tag
		ln++
	}
	return b.String(), tags
}

// runChunk runs one chunk with both tools and returns its findings and the
// lines the reference answered differently on a second run (with gip's
// difference from the first), which are not findings.
func runChunk(t *testing.T, self, file, text string, tags map[int]string, c int, refDir, candDir string) ([]finding, []finding) {
	sandboxes <- struct{}{}
	defer func() { <-sandboxes }()
	tmp := t.TempDir()
	ctx := context.Background()
	ref, err := runSandboxed(ctx, self, file, refDir, tmp)
	if err != nil {
		t.Errorf("chunk %d: reference run: %v", c, err)
		return nil, nil
	}
	cand, err := runSandboxed(ctx, self, file, candDir, tmp)
	if err != nil {
		t.Errorf("chunk %d: gip run: %v", c, err)
		return nil, nil
	}
	fs := diffRuns(text, tags, c, ref, nil, cand)
	if len(fs) == 0 {
		return nil, nil
	}
	// Is the reference stable on those lines? Run it once more.
	ref2, err := runSandboxed(ctx, self, file, refDir, tmp)
	if err != nil {
		t.Errorf("chunk %d: second reference run: %v", c, err)
		return fs, nil
	}
	stable := diffRuns(text, tags, c, ref, ref2, cand)
	kept := map[int]bool{}
	for _, f := range stable {
		kept[f.Line] = true
	}
	var unstable []finding
	for _, f := range fs {
		if !kept[f.Line] {
			unstable = append(unstable, f)
		}
	}
	return stable, unstable
}

// counterHeadRE is the header line of a -s counter block (RX:/TX: and
// the column names); the line under it holds the counts.
var counterHeadRE = regexp.MustCompile(`^\s*[RT]X: +bytes `)

// jsonCounterRE is a traffic counter of -j output.
var jsonCounterRE = regexp.MustCompile(`"(bytes|packets|multicast|dropped)":\d+`)

// maskCounters hides the counts under each -s header. A random chunk's
// prelude brings links up, and IPv6 autoconfiguration then sends packets
// (solicitations, MLD reports) at the kernel's pace, so a link's counters
// grow between the reference's run and gip's. Case files, which do not
// race with that traffic the same way, still compare counts.
func maskCounters(out string) string {
	// -j prints the same counters as members of its objects.
	out = jsonCounterRE.ReplaceAllString(out, `"$1":COUNT`)
	if !strings.Contains(out, "X: ") {
		return out
	}
	lines := strings.Split(out, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if counterHeadRE.MatchString(lines[i]) {
			lines[i+1] = "COUNTS"
			i++
		}
	}
	return strings.Join(lines, "\n")
}

// learnedMDBRE is an mdb entry the bridge learned from an MLD report
// (temp), in text output.
var learnedMDBRE = regexp.MustCompile(`^dev \S+ port \S+ grp \S+ temp`)

// ansiRE is a -color escape, taken out before a line is matched.
var ansiRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// mdbTimerRE is the -s timer of a learned mdb entry: it counts with the
// clock, as the timers case files mask do.
var mdbTimerRE = regexp.MustCompile(`( temp(\x1b\[[0-9;]*m)? +)[0-9]+\.[0-9]+`)

// sortLearnedMDB sorts each run of consecutive learned mdb entries. The
// prelude brings br0 and its port up, and the bridge learns its own groups
// and v0's (through v1) from MLD reports sent at the kernel's pace: the
// dump lists them newest first, so their order changes from run to run
// (seed 8: one chunk listed v1's group first in two runs out of three).
// Static entries, and where learned entries sit among them, still compare.
func sortLearnedMDB(out string) string {
	if !strings.Contains(out, " temp") {
		return out
	}
	return sortLineRuns(out, func(line string) bool {
		return learnedMDBRE.MatchString(ansiRE.ReplaceAllString(line, ""))
	})
}

// maskTiming is what the random run hides of a line's stdout beyond the
// case files' normalizing: counters, ntable's random reachable time, and the order of what the kernel adds
// on its own after the prelude (addrconf routes, as case files sort them;
// learned mdb entries).
func maskTiming(out string) string {
	out = ntableReachableRE.ReplaceAllString(out, "${1}N")
	out = mdbTimerRE.ReplaceAllString(out, "${1}T")
	return sortLearnedMDB(sortAddrconfRoutes(maskCounters(out)))
}

// ntableReachableRE is ip ntable's reachable time, which the kernel draws
// at random around base_reachable (case files mask it with sed): unmasked,
// every ntable line was unstable in the reference and never compared.
var ntableReachableRE = regexp.MustCompile(`( reachable |"reachable": ?)[0-9]+`)

// diffRuns compares the generated lines of one chunk. With ref2, lines
// whose reference output changed between the two reference runs are left
// out.
func diffRuns(text string, tags map[int]string, c int, ref, ref2, cand []result) []finding {
	n := newNormalizer(text)
	byLine := func(rs []result) map[int]result {
		m := map[int]result{}
		for _, r := range rs {
			m[r.Line] = r
		}
		return m
	}
	candBy, ref2By := byLine(cand), byLine(ref2)
	var fs []finding
	diverged := false
	for _, r := range ref {
		tag, generated := tags[r.Line]
		if !generated {
			continue
		}
		r.Out, r.Err = maskTiming(n.text(r.Out)), n.text(r.Err)
		usage := isUsage(r)
		cut := !usage && r.RC != 0 && (usageLine.MatchString(r.Out) || usageLine.MatchString(r.Err))
		if cut {
			r.Out, r.Err = cutUsage(r.Out), cutUsage(r.Err)
		}
		a := render(r, usage)
		if ref2 != nil {
			r2 := ref2By[r.Line]
			r2.Out, r2.Err = maskTiming(n.text(r2.Out)), n.text(r2.Err)
			if cut {
				r2.Out, r2.Err = cutUsage(r2.Out), cutUsage(r2.Err)
			}
			if !reflect.DeepEqual(a, render(r2, usage)) {
				continue
			}
		}
		cr, ok := candBy[r.Line]
		if !ok {
			continue
		}
		cr.Out, cr.Err = maskTiming(n.text(cr.Out)), n.text(cr.Err)
		if cut {
			cr.Out, cr.Err = cutUsage(cr.Out), cutUsage(cr.Err)
		}
		b := render(cr, usage)
		panicked := goPanic.MatchString(cr.Err)
		hung := cr.Timeout && !r.Timeout
		d := unifiedDiff("iproute2", "gip", a, b, 2)
		if d == "" && !panicked && !hung {
			continue
		}
		f := finding{Chunk: c, Line: r.Line, Cmd: r.Cmd, Tag: tag, Kind: "differs", After: diverged, Diff: d}
		switch {
		case panicked:
			f.Kind = "panic"
		case hung:
			f.Kind = "hang"
		}
		f.ClassID = classOf(f, r, cr, usage)
		fs = append(fs, f)
		if !isReadOnly(r.Cmd) {
			diverged = true
		}
	}
	return fs
}

var usageLine = regexp.MustCompile(`(?m)^\s*Usage:`)

// cutUsage drops a usage text and what follows it, keeping the lines
// before it ("Incorrect number of arguments for command" above brctl's
// usage): gip's usage texts are its own words, the rest must match.
func cutUsage(s string) string {
	if loc := usageLine.FindStringIndex(s); loc != nil {
		return s[:loc[0]] + "Usage: …\n"
	}
	return s
}

// classOf names a finding's class: its kind, the grammar rule, and the
// shape of the difference (exit statuses, which streams differ, the first
// error line of each tool with names and numbers masked).
func classOf(f finding, ref, cand result, usage bool) string {
	rule := f.Tag
	if i := strings.Index(rule, " +"); i >= 0 {
		rule = rule[:i]
	}
	if f.Kind != "differs" {
		return f.Kind + " | " + rule
	}
	mask := func(s string) string {
		s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
		s = quotedWord.ReplaceAllString(s, `"…"`)
		return numberWord.ReplaceAllString(s, "N")
	}
	var parts []string
	if usage {
		parts = append(parts, "usage")
	} else {
		if ref.Out != cand.Out {
			parts = append(parts, "stdout")
		}
		if ref.Err != cand.Err {
			parts = append(parts, "stderr")
		}
	}
	shape := fmt.Sprintf("exit %d/%d %s", ref.RC, cand.RC, strings.Join(parts, "+"))
	if ref.Err != cand.Err && !usage {
		shape += fmt.Sprintf(" | ref %q gip %q", mask(ref.Err), mask(cand.Err))
	}
	return rule + " | " + shape
}

// randomReport groups findings into classes, first-cause lines first: a
// line after a state-changing line that already differed may only inherit
// that difference.
func randomReport(seed uint64, ran int, unstable, fs []finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "random run: seed %d, %d lines, %d findings, %d lines unstable in the reference (not compared)\n", seed, ran, len(fs), len(unstable))
	type class struct {
		id       string
		first    []finding
		cascaded []finding
	}
	byID := map[string]*class{}
	for _, f := range fs {
		c := byID[f.ClassID]
		if c == nil {
			c = &class{id: f.ClassID}
			byID[f.ClassID] = c
		}
		if f.After {
			c.cascaded = append(c.cascaded, f)
		} else {
			c.first = append(c.first, f)
		}
	}
	var cs []*class
	for _, c := range byID {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if (len(cs[i].first) > 0) != (len(cs[j].first) > 0) {
			return len(cs[i].first) > 0
		}
		if a, b := len(cs[i].first)+len(cs[i].cascaded), len(cs[j].first)+len(cs[j].cascaded); a != b {
			return a > b
		}
		return cs[i].id < cs[j].id
	})
	fmt.Fprintf(&b, "%d classes\n", len(cs))
	for _, c := range cs {
		fmt.Fprintf(&b, "\n== %s: %d lines (%d after an earlier difference in the chunk)\n", c.id, len(c.first)+len(c.cascaded), len(c.cascaded))
		ex := append(append([]finding{}, c.first...), c.cascaded...)
		for i, f := range ex {
			if i == 3 {
				break
			}
			fmt.Fprintf(&b, "-- chunk %d line %d [%s]%s: $ %s\n%s", f.Chunk, f.Line, f.Tag, map[bool]string{true: " (after a difference)"}[f.After], f.Cmd, f.Diff)
		}
	}
	// Unstable lines are listed too: a gip difference can hide behind a
	// reference that varies, and only a look at each tells.
	if len(unstable) > 0 {
		sort.Slice(unstable, func(i, j int) bool {
			if unstable[i].Chunk != unstable[j].Chunk {
				return unstable[i].Chunk < unstable[j].Chunk
			}
			return unstable[i].Line < unstable[j].Line
		})
		fmt.Fprintf(&b, "\n== unstable in the reference (gip against its first run)\n")
		for _, f := range unstable {
			fmt.Fprintf(&b, "-- chunk %d line %d [%s]: $ %s\n%s", f.Chunk, f.Line, f.Tag, f.Cmd, f.Diff)
		}
	}
	return b.String()
}
