package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// flushAll resets the namespace between scenarios: every link but lo goes.
func flushAll(w *work) error {
	out, err := output("ip", "-o", "link", "show")
	if err != nil {
		return err
	}
	var lines []string
	for _, l := range splitLines(out) {
		name := linkName(l)
		if name != "" && name != "lo" {
			lines = append(lines, "link del "+name)
		}
	}
	if len(lines) == 0 {
		return nil
	}
	path, err := w.batch("flush.batch", len(lines), func(i int) string { return lines[i] })
	if err != nil {
		return err
	}
	run("ip", "-force", "-batch", path) // peers vanish with their pair: errors are expected
	return nil
}

// uplink makes a veth pair with an address on each end, a gateway for routes.
func uplink(w *work) error {
	if err := flushAll(w); err != nil {
		return err
	}
	for _, c := range [][]string{
		{"link", "add", "up0", "type", "veth", "peer", "name", "up1"},
		{"link", "set", "up0", "up"},
		{"link", "set", "up1", "up"},
		{"addr", "add", "192.0.2.1/24", "dev", "up0"},
		{"addr", "add", "2001:db8::1/64", "dev", "up0", "nodad"},
	} {
		if err := run("ip", c...); err != nil {
			return err
		}
	}
	return nil
}

func routes4(n int) func(w *work) error {
	return func(w *work) error {
		if err := uplink(w); err != nil {
			return err
		}
		path, err := w.batch("routes4.batch", n, func(i int) string {
			return fmt.Sprintf("route add 10.%d.%d.%d/32 via 192.0.2.2", i>>16, (i>>8)&0xff, i&0xff)
		})
		if err != nil {
			return err
		}
		return run("ip", "-batch", path)
	}
}

func routes6(n int) func(w *work) error {
	return func(w *work) error {
		if err := uplink(w); err != nil {
			return err
		}
		path, err := w.batch("routes6.batch", n, func(i int) string {
			return fmt.Sprintf("route add 2001:db8:%x:%x::/64 via 2001:db8::2", i>>16, i&0xffff)
		})
		if err != nil {
			return err
		}
		return run("ip", "-batch", path)
	}
}

// links makes n veth pairs (2n links) with an address on each first end.
func links(pairs int) func(w *work) error {
	return func(w *work) error {
		if err := flushAll(w); err != nil {
			return err
		}
		path, err := w.batch("links.batch", pairs*2, func(i int) string {
			p := i / 2
			if i%2 == 0 {
				return fmt.Sprintf("link add va%d type veth peer name vb%d", p, p)
			}
			return fmt.Sprintf("addr add 10.%d.%d.1/24 dev va%d", p>>8, p&0xff, p)
		})
		if err != nil {
			return err
		}
		return run("ip", "-batch", path)
	}
}

func scenarios(quick bool) []scenario {
	s := append(floorScenarios(quick), tableScenarios()...)
	s = append(s,
		// The floor under every startup: process start, runtime start and
		// one line printed, no netlink. Informational: it shows how much
		// of "startup" is the Go runtime rather than gip.
		scenario{name: "startup floor: -V", setup: flushAll, argv: []string{"IP", "-V"}, compare: true},
		// The Go runtime's own floor: an empty Go program (it writes one
		// line) against iproute2's whole `ip link show`. A ratio above
		// 0.8 here means the start-up goal is out of reach for any Go
		// binary on this machine, whatever gip does.
		scenario{name: "Go floor vs ip link show", setup: buildGoHello, argv: []string{"IP", "link", "show"}, gipArgv: []string{"GOHELLO"}},
		scenario{name: "startup: link show (lo)", goal: ratio(0.8), setup: flushAll, argv: []string{"IP", "link", "show"}, compare: true},
		scenario{name: "route show 100k v4", goal: ratioRSS(0.2, 16<<10), setup: routes4(100000), argv: []string{"IP", "route", "show"}, compare: true},
		scenario{name: "route show 100k v6", goal: ratioRSS(0.2, 16<<10), setup: routes6(100000), argv: []string{"IP", "-6", "route", "show"}, compare: true},
	)
	if !quick {
		s = append(s,
			scenario{name: "route show 1M v4", goal: ratioRSS(0.2, 16<<10), setup: routes4(1000000), argv: []string{"IP", "route", "show"}, compare: true},
			scenario{name: "route show 1M v6", goal: ratioRSS(0.2, 16<<10), setup: routes6(1000000), argv: []string{"IP", "-6", "route", "show"}, compare: true},
		)
	}
	s = append(s,
		scenario{name: "link show 4001", goal: ratio(0.8), setup: links(2000), argv: []string{"IP", "link", "show"}, compare: true},
		scenario{name: "link show -d 4001", goal: ratio(0.8), argv: []string{"IP", "-d", "link", "show"}, compare: true},
		scenario{name: "link show -j 4001", goal: ratio(0.8), argv: []string{"IP", "-j", "link", "show"}, compare: true},
		scenario{name: "link show -br 4001", goal: ratio(0.8), argv: []string{"IP", "-br", "link", "show"}, compare: true},
		scenario{name: "addr show 4001", goal: ratio(0.8), argv: []string{"IP", "addr", "show"}, compare: true},
		scenario{name: "batch 100k route add", goal: goal{maxRatio: 0.5, maxRSSKB: 16 << 10, maxUserRatio: 0.3},
			setup: func(w *work) error {
				if err := uplink(w); err != nil {
					return err
				}
				_, err := w.batch("add4.batch", 100000, func(i int) string {
					return fmt.Sprintf("route add 10.%d.%d.%d/32 via 192.0.2.2", i>>16, (i>>8)&0xff, i&0xff)
				})
				return err
			},
			prepare: func(w *work) error { return run("ip", "route", "flush", "via", "192.0.2.2") },
			argv:    []string{"IP", "-batch", "-"}, stdin: "add4.batch", compare: true},
		scenario{name: "batch 10k addr add", goal: ratio(0.5),
			setup: func(w *work) error {
				if err := uplink(w); err != nil {
					return err
				}
				_, err := w.batch("addr.batch", 10000, func(i int) string {
					return fmt.Sprintf("addr add 10.%d.%d.1/32 dev up1", i>>8, i&0xff)
				})
				return err
			},
			prepare: func(w *work) error { return run("ip", "addr", "flush", "dev", "up1") },
			argv:    []string{"IP", "-batch", "-"}, stdin: "addr.batch", compare: true},
		scenario{name: "batch 1000 veth pairs", goal: ratio(1.0),
			setup: func(w *work) error {
				if err := flushAll(w); err != nil {
					return err
				}
				_, err := w.batch("veth.batch", 1000, func(i int) string {
					return fmt.Sprintf("link add vx%d type veth peer name vy%d", i, i)
				})
				return err
			},
			prepare: flushAll,
			argv:    []string{"IP", "-batch", "-"}, stdin: "veth.batch", compare: true},
		scenario{name: "netns exec NS true", goal: ratio(1.2),
			setup: func(w *work) error {
				if err := flushAll(w); err != nil {
					return err
				}
				run("ip", "netns", "del", "benchns")
				return run("ip", "netns", "add", "benchns")
			},
			argv: []string{"IP", "netns", "exec", "benchns", "true"}, compare: true},
		monitorScenario(),
		scenario{name: "200x netns add+delete", goal: ratio(1.0),
			argv: []string{"sh", "-c", "i=0; while [ $i -lt 200 ]; do IP netns add bn$i && IP netns del bn$i || exit 1; i=$((i+1)); done"}, compare: true},
	)
	return append(s, flushScenarios()...)
}

// flushScenarios delete many objects with one command. Before every run
// the objects are added again with the reference `ip -batch`, which fails
// (and so fails the scenario) when the previous run left one behind.
func flushScenarios() []scenario {
	refill := func(name string) func(w *work) error {
		return func(w *work) error { return run("ip", "-batch", filepath.Join(w.dir, name)) }
	}
	withBatch := func(name string, n int, line func(i int) string) func(w *work) error {
		return func(w *work) error {
			if err := uplink(w); err != nil {
				return err
			}
			_, err := w.batch(name, n, line)
			return err
		}
	}
	return []scenario{
		{name: "flush proto boot 50k v4", goal: ratioRSS(0.8, 4<<10),
			setup: withBatch("flush4.batch", 50000, func(i int) string {
				return fmt.Sprintf("route add 10.%d.%d.%d/32 via 192.0.2.2 proto boot", i>>16, (i>>8)&0xff, i&0xff)
			}),
			prepare: refill("flush4.batch"),
			argv:    []string{"IP", "route", "flush", "proto", "boot"}, compare: true},
		{name: "flush -6 proto boot 50k", goal: ratioRSS(0.8, 4<<10),
			setup: withBatch("flush6.batch", 50000, func(i int) string {
				return fmt.Sprintf("route add 2001:db8:%x:%x::/64 via 2001:db8::2 proto boot", i>>16, i&0xffff)
			}),
			prepare: refill("flush6.batch"),
			argv:    []string{"IP", "-6", "route", "flush", "proto", "boot"}, compare: true},
		{name: "addr flush dev 10k", goal: ratioRSS(0.8, 4<<10),
			setup: withBatch("flushaddr.batch", 10000, func(i int) string {
				return fmt.Sprintf("addr add 10.%d.%d.1/32 dev up1", i>>8, i&0xff)
			}),
			prepare: refill("flushaddr.batch"),
			argv:    []string{"IP", "addr", "flush", "dev", "up1"}, compare: true},
		// extern_learn keeps the entries out of the neighbour table's
		// garbage collection, whose limit (gc_thresh3, 1024 by default)
		// only the host's namespace can raise.
		{name: "neigh flush dev 10k", goal: ratioRSS(0.8, 4<<10),
			setup: func(w *work) error {
				if err := uplink(w); err != nil {
					return err
				}
				if err := run("ip", "addr", "add", "10.200.0.1/16", "dev", "up0"); err != nil {
					return err
				}
				_, err := w.batch("flushneigh.batch", 10000, func(i int) string {
					return fmt.Sprintf("neigh add 10.200.%d.%d lladdr 02:00:00:00:%02x:%02x dev up0 nud reachable extern_learn",
						i>>8, i&0xff, i>>8, i&0xff)
				})
				return err
			},
			prepare: refill("flushneigh.batch"),
			argv:    []string{"IP", "neigh", "flush", "dev", "up0"}, compare: true},
	}
}

// buildGoHello builds the smallest Go program that prints, as gip is built
// (static, stripped), for the Go floor scenario.
func buildGoHello(w *work) error {
	if err := flushAll(w); err != nil {
		return err
	}
	dir := filepath.Join(w.dir, "gohello")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"go.mod":  "module gohello\n\ngo 1.21\n",
		"main.go": "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"hello\\n\") }\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	w.goHello = filepath.Join(dir, "hello")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", w.goHello, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v: %s", err, out)
	}
	return nil
}
