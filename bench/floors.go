package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
// time for its peak RSS) while the reference ip -batch adds 100k routes,
// and reports how many events the monitor printed, how many ENOBUFS
// overruns it reported (iproute2: "netlink receive error No buffer space
// available (105)", and it goes on) and its peak RSS (VmHWM). Times are of the
// whole run: informational only.
func monitorScenario() scenario {
	script := `d=WORKDIR; rm -f $d/mon.out $d/mon.err
IP monitor route >$d/mon.out 2>$d/mon.err & p=$!
sleep 0.5; /usr/sbin/ip -batch $d/churn.batch; sleep 1
rss=$(awk '/^VmHWM/ {print $2}' /proc/$p/status); kill -INT $p; wait $p
echo "events $(grep -c '^10\.' $d/mon.out) enobufs $(grep -c 'No buffer space' $d/mon.err) rss ${rss}K"`
	return scenario{name: "monitor route, 100k adds", report: true,
		setup: func(w *work) error {
			if err := uplink(w); err != nil {
				return err
			}
			_, err := w.batch("churn.batch", 100000, func(i int) string {
				return fmt.Sprintf("route add 10.%d.%d.%d/32 via 192.0.2.2", i>>16, (i>>8)&0xff, i&0xff)
			})
			return err
		},
		prepare: func(w *work) error { return run("ip", "route", "flush", "via", "192.0.2.2") },
		argv:    []string{"sh", "-c", script}}
}
