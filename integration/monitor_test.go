package integration

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// monitorVariants are the `ip monitor` command lines TestMonitor runs with
// gip and with the reference side by side. Each must see IPv4 rule events:
// the test synchronises on rules it adds as markers. The last word of a
// line is the signal that stops it.
var monitorVariants = []struct {
	name, args, signal string
}{
	{"plain", "monitor", "INT"},
	{"all", "monitor all", "TERM"},
	{"oneline", "-o monitor all", "INT"},
	{"json", "-j monitor", "TERM"},
	{"pretty", "-j -p monitor label", "INT"},
	{"timestamp", "-t monitor label", "TERM"},
	{"tshort", "-ts monitor all", "INT"},
	{"details", "-d monitor link rule", "TERM"},
	{"objects", "monitor route neigh rule", "INT"},
	{"netconf", "monitor netconf rule label", "TERM"},
	{"abbrev", "monitor l a r ru", "TERM"},
	{"dev", "monitor link address route neigh rule dev v0", "INT"},
	{"inet", "-4 monitor", "TERM"},
	{"allnsid", "monitor all-nsid label", "INT"},
	{"pipe", "monitor all", "TERM"}, // through a pipe (see the script)
}

// monitorScript runs inside a fresh sandbox. It starts every variant with
// both tools, waits until all of them print a marker rule (so each has
// subscribed and finished reading the link table, during which iproute2
// drops notifications), makes the scripted changes, waits again for a
// final marker, and stops them. Output files go to $OUT/NAME.{ref,gip}.
const monitorScript = `
set -u
# Job control: background jobs of a script otherwise start with SIGINT
# ignored, and the monitors must die of it as they would at a terminal.
set -m
REF=$1; GIP=$2; OUT=$3; shift 3
mkdir -p /run/netns /etc/netns
mount -t tmpfs tmpfs /run/netns; mount -t tmpfs tmpfs /etc/netns; mount -t sysfs sysfs /sys
ip() { "$REF" "$@"; }
ip link set lo up
ip link add v0 type veth peer name v1
ip link set v0 address 02:00:00:00:00:10
ip link set v1 address 02:00:00:00:00:11
pids=()
start() { # name signal args...
	local name=$1 sig=$2; shift 2
	local t bin
	for t in ref gip; do
		bin=$REF; [ $t = gip ] && bin=$GIP
		if [ "$name" = pipe ]; then
			mkfifo "$OUT/$name.$t.fifo"
			cat "$OUT/$name.$t.fifo" > "$OUT/$name.$t" &
			"$bin" "$@" > "$OUT/$name.$t.fifo" 2> "$OUT/$name.$t.err" &
		else
			"$bin" "$@" > "$OUT/$name.$t" 2> "$OUT/$name.$t.err" &
		fi
		pids+=("$!:$sig:$name.$t")
	done
}
while [ $# -gt 0 ]; do
	name=$1 sig=$2 args=$3; shift 3
	start "$name" "$sig" $args
done
mark=31000
# sync adds marker rules until every monitor has printed the latest one;
# it writes the marker's preference to $OUT/marks.
sync() {
	local tries=0 f all
	while :; do
		mark=$((mark+1)); tries=$((tries+1))
		ip rule add pref $mark table 100
		sleep 0.3
		all=1
		for p in "${pids[@]}"; do
			f=$OUT/${p##*:}
			grep -q "$mark:" "$f" 2>/dev/null || { all=0; break; }
		done
		[ $all = 1 ] && break
		if [ $tries -gt 150 ]; then echo "monitors never caught up" >&2; exit 3; fi
	done
	echo $mark >> "$OUT/marks"
}
sync
ip link set v0 up
ip link set v1 up
ip link set v0 mtu 1400
ip link set v0 alias uplink
ip addr add 10.1.0.1/24 dev v0
ip addr add 10.1.0.2/24 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad
ip addr change 10.1.0.2/24 dev v0 valid_lft 100 preferred_lft 50
ip route add 10.2.0.0/24 via 10.1.0.9
ip route add 10.3.0.0/24 dev v0 table 7 metric 5
ip route add 2001:db8:1::/64 via 2001:db8::9 dev v0
ip route replace 10.2.0.0/24 via 10.1.0.8 proto static
ip neigh add 10.1.0.9 lladdr 02:00:00:00:00:09 dev v0
ip neigh replace 10.1.0.9 lladdr 02:00:00:00:00:19 dev v0 nud reachable
ip neigh add 2001:db8::9 lladdr 02:00:00:00:00:29 dev v0
ip rule add pref 100 from 10.3.0.0/16 table 7
ip rule add pref 101 to 10.4.0.0/16 iif v0 goto 200
ip -6 rule add pref 102 from 2001:db8::/32 table 8
sysctl -qw net.ipv4.conf.v0.forwarding=1 net.ipv4.conf.v0.rp_filter=2 net.ipv6.conf.v0.forwarding=1
ip rule del pref 100
ip neigh del 10.1.0.9 dev v0
ip route del 10.2.0.0/24
ip route flush table 7
ip addr del 10.1.0.2/24 dev v0
ip link set v0 name w0
ip link set w0 name v0
ip link add br0 type bridge
ip link set v1 master br0
ip link set br0 up
ip link set v1 nomaster
ip link del br0
ip netns add x
ip link set v1 netns x
sync
ip link del v0
ip netns del x
ip rule del pref 101
ip -6 rule del pref 102
sync
for p in "${pids[@]}"; do
	pid=${p%%:*}; rest=${p#*:}; sig=${rest%%:*}
	kill -s $sig $pid
done
for p in "${pids[@]}"; do
	pid=${p%%:*}; name=${p##*:}
	wait $pid; echo $? > "$OUT/$name.rc"
done
wait
`

// TestMonitor runs gip's and iproute2's `ip monitor` side by side on the
// same changes and compares what they printed, byte for byte apart from
// time stamps, and how they ended.
func TestMonitor(t *testing.T) {
	requireSandbox(t)
	gip := gipBinary(t)
	out := t.TempDir()
	args := []string{"--net", "--mount", "--propagation", "private", "--fork", "bash", "-c", monitorScript, "monitor", refIP, gip, out}
	for _, v := range monitorVariants {
		args = append(args, v.name, v.signal, v.args)
	}
	sandboxes <- struct{}{}
	defer func() { <-sandboxes }()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "unshare", args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		t.Fatalf("monitor sandbox: %v\n%s", err, stderr.String())
	}
	marks := strings.Fields(readFile(t, filepath.Join(out, "marks")))
	if len(marks) != 3 {
		t.Fatalf("marks = %q, want three synchronisation points", marks)
	}
	for _, v := range monitorVariants {
		ref := readFile(t, filepath.Join(out, v.name+".ref"))
		cand := readFile(t, filepath.Join(out, v.name+".gip"))
		refPart, err := betweenMarks(ref, marks[0], marks[2])
		if err != nil {
			t.Errorf("%s: reference output: %v\n%s", v.args, err, ref)
			continue
		}
		candPart, err := betweenMarks(cand, marks[0], marks[2])
		if err != nil {
			t.Errorf("%s: gip output: %v\n%s", v.args, err, cand)
			continue
		}
		// A test that cannot fail is no test: the changes must show.
		if !strings.Contains(refPart, "10.1.0.1/24") && !strings.Contains(refPart, "v0") {
			t.Errorf("%s: the reference printed none of the changes:\n%s", v.args, refPart)
		}
		refPart, candPart = maskStamps(refPart), maskStamps(candPart)
		if refPart != candPart {
			t.Errorf("ip %s: output differs (-ref +gip):\n%s", v.args,
				unifiedDiff("ref", "gip", strings.Split(refPart, "\n"), strings.Split(candPart, "\n"), 3))
		}
		for _, suffix := range []string{".err", ".rc"} {
			r := readFile(t, filepath.Join(out, v.name+".ref"+suffix))
			g := readFile(t, filepath.Join(out, v.name+".gip"+suffix))
			if r != g {
				t.Errorf("ip %s: %s differs: ref %q, gip %q", v.args, suffix[1:], r, g)
			}
		}
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// betweenMarks is the output after the line of marker rule first and up
// to the end of the line of marker last.
func betweenMarks(s, first, last string) (string, error) {
	lines := strings.SplitAfter(s, "\n")
	start, end := -1, -1
	for i, l := range lines {
		if start < 0 && strings.Contains(l, first+":") {
			start = i + 1
		}
		if strings.Contains(l, last+":") {
			end = i + 1
		}
	}
	if start < 0 || end < start {
		return "", fmt.Errorf("markers %s and %s not found in order", first, last)
	}
	return strings.Join(lines[start:end], ""), nil
}

var (
	longStamp  = regexp.MustCompile(`(?m)^Timestamp: [A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d \d{4} \d+ usec$`)
	shortStamp = regexp.MustCompile(`(?m)^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\] `)
)

// maskStamps hides the times of -timestamp and -tshort, keeping their
// shape (a stamp of the wrong shape stays and shows in the diff).
func maskStamps(s string) string {
	s = longStamp.ReplaceAllString(s, "Timestamp: TIME usec")
	return shortStamp.ReplaceAllString(s, "[TIME] ")
}

// TestNetnsMonitorKeepsOutput: `ip netns monitor` writing to a file and
// then killed keeps every line it printed (gip writes each event out; the
// reference's stdio buffer is lost, so this is gip's own behaviour).
func TestNetnsMonitorKeepsOutput(t *testing.T) {
	requireSandbox(t)
	gip := gipBinary(t)
	out := filepath.Join(t.TempDir(), "netns.out")
	script := `set -m
mkdir -p /run/netns; mount -t tmpfs tmpfs /run/netns
"$1" netns monitor > "$2" & pid=$!
for i in $(seq 1 100); do
	"$1" netns add probe$i; "$1" netns del probe$i
	grep -q "^delete probe$i$" "$2" && break
	sleep 0.1
done
"$1" netns add x; "$1" netns del x
for i in $(seq 1 100); do grep -q "^delete x$" "$2" && break; sleep 0.1; done
kill -TERM $pid; wait $pid
exit 0`
	sandboxes <- struct{}{}
	defer func() { <-sandboxes }()
	cmd := exec.Command("unshare", "--net", "--mount", "--propagation", "private", "--fork", "bash", "-c", script, "netns", gip, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	got := readFile(t, out)
	if !strings.HasSuffix(got, "add x\ndelete x\n") {
		t.Errorf("netns monitor output after SIGTERM = %q, want it to end with the events of x", got)
	}
}
