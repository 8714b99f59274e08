package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// buildFloor builds bench/floor (from the checkout the bench runs in) as
// gip is built, and the empty Go program, for the scenarios measured
// against them.
func buildFloor(w *work) error {
	if err := buildGoHello(w); err != nil {
		return err
	}
	w.floor = filepath.Join(w.dir, "floor")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", w.floor, "./bench/floor")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./bench/floor: %v: %s", err, out)
	}
	return nil
}

// floorScenarios measure gip against the least a Go program does for the
// same job: in them the "iproute2" column is that floor program (start-up:
// the empty Go program; netns exec: a Go program that only execs; dumps:
// bench/floor, which requests the dump and reads it to its end, printing
// nothing). The goals are issue 13's: within 1.1 of the floor.
func floorScenarios(quick bool) []scenario {
	loop := "i=0; while [ $i -lt 200 ]; do %s || exit 1; i=$((i+1)); done"
	// withFloor builds the floor programs before setup, so each scenario
	// runs alone under -run (the floors used to be built by the first
	// scenario only, and a later one ran an empty GOFLOOR).
	withFloor := func(setup func(w *work) error) func(w *work) error {
		return func(w *work) error {
			if w.floor == "" {
				if err := buildFloor(w); err != nil {
					return err
				}
			}
			if setup == nil {
				return nil
			}
			return setup(w)
		}
	}
	s := []scenario{
		{name: "startup vs Go floor", goal: ratio(1.1), setup: withFloor(nil),
			argv: []string{"IP", "link", "show"}, refArgv: []string{"GOHELLO"}},
		{name: "netns exec vs Go floor", goal: ratio(1.1),
			setup: withFloor(func(w *work) error {
				run("ip", "netns", "del", "benchns")
				return run("ip", "netns", "add", "benchns")
			}),
			argv: []string{"IP", "netns", "exec", "benchns", "true"}, refArgv: []string{"GOFLOOR", "exec", "true"}},
		{name: "200x netns add+del vs floor", goal: ratio(1.1), setup: withFloor(nil),
			argv:    []string{"sh", "-c", fmt.Sprintf(loop, "IP netns add bn$i && IP netns del bn$i")},
			refArgv: []string{"sh", "-c", fmt.Sprintf(loop, "GOHELLO >/dev/null && GOHELLO >/dev/null")}},
		{name: "route show 100k v4 vs raw", goal: ratio(1.1), setup: withFloor(routes4(100000)),
			argv: []string{"IP", "route", "show"}, refArgv: []string{"GOFLOOR", "dump", "route4"}},
		{name: "route show 100k v6 vs raw", goal: ratio(1.1), setup: withFloor(routes6(100000)),
			argv: []string{"IP", "-6", "route", "show"}, refArgv: []string{"GOFLOOR", "dump", "route6"}},
		{name: "link show 4001 vs raw", goal: ratio(1.1), setup: withFloor(links(2000)),
			argv: []string{"IP", "link", "show"}, refArgv: []string{"GOFLOOR", "dump", "link"}},
	}
	_ = quick
	return s
}

// tableScenarios list 10k neighbours, rules and nexthops against iproute2.
func tableScenarios() []scenario {
	withBatch := func(name string, n int, pre []string, line func(i int) string) func(w *work) error {
		return func(w *work) error {
			if err := uplink(w); err != nil {
				return err
			}
			// A rule flush keeps only the local table's rule: the
			// main and default ones are put back.
			run("ip", "rule", "flush")
			run("ip", "rule", "add", "pref", "32766", "table", "main")
			run("ip", "rule", "add", "pref", "32767", "table", "default")
			run("ip", "nexthop", "flush")
			if len(pre) > 0 {
				if err := run("ip", pre...); err != nil {
					return err
				}
			}
			path, err := w.batch(name, n, line)
			if err != nil {
				return err
			}
			return run("ip", "-batch", path)
		}
	}
	return []scenario{
		// extern_learn keeps the entries out of the neighbour table's
		// garbage collection (gc_thresh3 is the host's to raise).
		{name: "neigh show 10k", goal: ratio(0.8),
			setup: withBatch("neigh.batch", 10000, []string{"addr", "add", "10.200.0.1/16", "dev", "up0"}, func(i int) string {
				return fmt.Sprintf("neigh add 10.200.%d.%d lladdr 02:00:00:00:%02x:%02x dev up0 nud reachable extern_learn", i>>8, i&0xff, i>>8, i&0xff)
			}),
			argv: []string{"IP", "neigh", "show"}, compare: true},
		{name: "rule show 10k", goal: ratio(0.8),
			setup: withBatch("rule.batch", 10000, nil, func(i int) string {
				return fmt.Sprintf("rule add from 10.%d.%d.0/24 table %d pref %d", i>>8, i&0xff, 100+i%1000, 1000+i)
			}),
			argv: []string{"IP", "rule", "show"}, compare: true},
		{name: "nexthop show 10k", goal: ratio(0.8),
			setup: withBatch("nexthop.batch", 10000, nil, func(i int) string {
				return fmt.Sprintf("nexthop add id %d via 192.0.2.%d dev up0", i+1, 2+i%250)
			}),
			argv: []string{"IP", "nexthop", "show"}, compare: true},
	}
}

// monitorScenario runs `ip monitor route` (the tool under test, under GNU
// time for its peak RSS in the first run) while the reference ip -batch adds
// 100k routes, and reports per run how many route events the monitor
// printed and how many ENOBUFS overruns it reported (iproute2 6.1:
// "netlink receive error No buffer space available (105)" on stderr, and it
// goes on). Times are of the whole run, churn included: informational.
//
// The monitor is started by the bench itself, not by sh: a job sh starts
// with & has SIGINT ignored (POSIX, no job control), and both tools keep
// it ignored, so the earlier `kill -INT $p; wait $p` waited forever.
func monitorScenario() scenario {
	return scenario{name: "monitor route, 100k adds",
		setup: func(w *work) error {
			if err := uplink(w); err != nil {
				return err
			}
			_, err := w.batch("churn.batch", 100000, func(i int) string {
				return fmt.Sprintf("route add 10.%d.%d.%d/32 via 192.0.2.2", i>>16, (i>>8)&0xff, i&0xff)
			})
			return err
		},
		// The flush takes the markers (via the same gateway) too.
		prepare: func(w *work) error { return run("ip", "route", "flush", "via", "192.0.2.2") },
		argv:    []string{"IP", "monitor", "route"},
		drive:   driveMonitor,
		summary: monitorSummary,
		runs:    3,
		timeout: 5 * time.Minute,
	}
}

// Marker routes: outside 10/8, so not counted as churn events.
const (
	monitorReady = "198.51.100.%d/32" // added until the monitor prints one: it listens
	monitorEnd   = "198.51.100.254"   // added after the churn: the monitor has read it all
)

// driveMonitor waits until the monitor listens, runs the churn, waits
// until the monitor has printed the end marker (or its output has stopped
// growing: the marker may be lost to an overrun) and ends it with SIGINT,
// as a user's ^C would (GNU time, its parent, ignores SIGINT).
func driveMonitor(w *work, pgid int, outPath string) error {
	// seen looks for s in the output's last 64 KiB (it is read every
	// 100ms while 100k lines are written).
	seen := func(s string) bool {
		f, err := os.Open(outPath)
		if err != nil {
			return false
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return false
		}
		off := fi.Size() - 64<<10
		if off < 0 {
			off = 0
		}
		b := make([]byte, fi.Size()-off)
		n, _ := f.ReadAt(b, off)
		return bytes.Contains(b[:n], []byte(s))
	}
	ready := false
	for i := 1; i <= 30 && !ready; i++ {
		if err := run("ip", "route", "add", fmt.Sprintf(monitorReady, i), "via", "192.0.2.2"); err != nil {
			return err
		}
		for t := 0; t < 50 && !ready; t++ {
			time.Sleep(20 * time.Millisecond)
			ready = seen("198.51.100.")
		}
	}
	if !ready {
		return fmt.Errorf("the monitor printed no marker route in 30s")
	}
	if err := run("ip", "-batch", filepath.Join(w.dir, "churn.batch")); err != nil {
		return err
	}
	if err := run("ip", "route", "add", monitorEnd+"/32", "via", "192.0.2.2"); err != nil {
		return err
	}
	var size int64 = -1
	still := 0
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		if seen(monitorEnd) {
			break
		}
		fi, err := os.Stat(outPath)
		if err != nil {
			return err
		}
		if fi.Size() == size {
			if still++; still >= 30 {
				break
			}
		} else {
			size, still = fi.Size(), 0
		}
	}
	return syscall.Kill(-pgid, syscall.SIGINT)
}

// monitorSummary counts the churn's events, the overruns reported and
// whether the end marker arrived.
func monitorSummary(out []byte) string {
	events, enobufs := 0, 0
	for _, l := range bytes.Split(out, []byte("\n")) {
		switch {
		case bytes.HasPrefix(l, []byte("10.")):
			events++
		case bytes.Contains(l, []byte("No buffer space available")):
			enobufs++
		}
	}
	end := "end marker seen"
	if !bytes.Contains(out, []byte(monitorEnd)) {
		end = "end marker LOST"
	}
	return fmt.Sprintf("events %d enobufs %d (%s)", events, enobufs, end)
}
