package integration

import (
	"reflect"
	"strings"
	"testing"
)

// Tests of the harness itself; they need no root.

func TestParseCase(t *testing.T) {
	text := "# comment\n\nip link\n   # indented comment\n  ip -br a  \nip -s l # unstable\nip r #unstable  \nip a # not unstable here\r\n"
	got := parseCase(text)
	want := []caseLine{
		{Line: 3, Cmd: "ip link"},
		{Line: 5, Cmd: "  ip -br a  "},
		{Line: 6, Cmd: "ip -s l # unstable", Unstable: true},
		{Line: 7, Cmd: "ip r #unstable  ", Unstable: true},
		{Line: 8, Cmd: "ip a # not unstable here"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseCase:\n got %+v\nwant %+v", got, want)
	}
}

func TestIsReadOnly(t *testing.T) {
	tests := map[string]bool{
		"ip link":                                 true,
		"ip -d link show veth0":                   true,
		"ip address show":                         true,
		"/usr/sbin/ip -br a":                      true,
		"gip -j l":                                true,
		"bridge fdb show":                         true,
		"brctl show":                              true,
		"gbrctl showmacs br0":                     true,
		"ls /var/run/netns/":                      true,
		"ip netns exec ns1 ip a":                  true,
		"ip net exec ns1 ip -all netns exec x ip": true,
		"ip link add v0 type veth":                false,
		"ip link set lo up":                       false,
		"ip addr del 10.0.0.1/24 dev v0":          false,
		"ip netns add ns1":                        false,
		"ip netns exec ns1 ip link set lo up":     false,
		"brctl addbr br0":                         false,
		"ip -batch b1":                            false,
		"ip -b b1":                                true, // the words are the leads' runner's
		"printf 'x' > b1":                         false,
		"ip netns exec ns1 ping -c 1 10.0.0.2":    false,
		"ip -s l # unstable":                      true,
	}
	for line, want := range tests {
		if got := isReadOnly(line); got != want {
			t.Errorf("isReadOnly(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestNormalizer(t *testing.T) {
	n := newNormalizer("ip link add v0 address 02:00:00:00:00:01 type veth peer name v1\nip link set br0 address AA:BB:CC:DD:EE:FF\n")
	tests := []struct{ in, want string }{
		{"link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff", "link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff"},
		{"link/ether 6e:11:22:33:44:55 brd ff:ff:ff:ff:ff:ff", "link/ether MAC brd ff:ff:ff:ff:ff:ff"},
		{"link/ether aa:bb:cc:dd:ee:ff", "link/ether aa:bb:cc:dd:ee:ff"},
		{`"address":"6e:11:22:33:44:55"`, `"address":"MAC"`},
		{"00:00:00:00:00:00 33:33:00:00:00:01 01:00:5e:00:00:01 01:80:c2:00:00:00", "00:00:00:00:00:00 33:33:00:00:00:01 01:00:5e:00:00:01 01:80:c2:00:00:00"},
		// brctl show: bridge id from a random MAC, and from a kept one
		{"br0\t\t8000.6e1122334455\tno\t\tv0", "br0\t\t8000.MAC\tno\t\tv0"},
		{"br0\t\t8000.020000000001\tno", "br0\t\t8000.020000000001\tno"},
		// ip -d link: unpadded bridge ids
		{"bridge_id 8000.a:4:4c:7:1:ff designated_root 8000.2:0:0:0:0:1", "bridge_id 8000.MAC designated_root 8000.02:00:00:00:00:01"},
		{"inet6 fe80::6c11:22ff:fe33:4455/64 scope link", "inet6 fe80::LL/64 scope link"},
		{"hello_timer    0.00 tcn_timer    1.99 topology_change_timer 0.00 gc_timer  227.37", "hello_timer T tcn_timer T topology_change_timer T gc_timer T"},
		{`"hello_timer":0.5,"gc_timer": 12.34`, `"hello_timer":T,"gc_timer":T`},
		{" hello timer\t\t   0.00\t\t\ttcn timer\t\t   0.00", " hello timer\t\tT\t\t\ttcn timer\t\tT"},
		{" topology change timer\t   0.00\t\t\tgc timer\t\t 122.61", " topology change timer\tT\t\t\tgc timer\t\tT"},
		// a timer's padding depends on its value: it goes with it
		{" designated port\t8001\t\t\tforward delay timer\t  12.50", " designated port\t8001\t\t\tforward delay timer\tT"},
		{" designated port\t8001\t\t\tforward delay timer\t   2.50", " designated port\t8001\t\t\tforward delay timer\tT"},
		{"timers 5 ageing time 300.00", "timers 5 ageing time 300.00"},
		// colored values
		{"link/ether \x1b[33m6e:11:22:33:44:55\x1b[0m brd \x1b[33mff:ff:ff:ff:ff:ff\x1b[0m", "link/ether \x1b[33mMAC\x1b[0m brd \x1b[33mff:ff:ff:ff:ff:ff\x1b[0m"},
		{"\x1b[1;33m02:00:00:00:00:01 \x1b[0m", "\x1b[1;33m02:00:00:00:00:01 \x1b[0m"},
		{"inet6 \x1b[34mfe80::6c11:22ff:fe33:4455\x1b[0m/64", "inet6 \x1b[34mfe80::LL\x1b[0m/64"},
		// values that count with the clock; "forever" stays
		{"       valid_lft 998sec preferred_lft 498sec", "       valid_lft Nsec preferred_lft Nsec"},
		{"       valid_lft forever preferred_lft 0sec", "       valid_lft forever preferred_lft Nsec"},
		{"\\    valid_lft 1000sec preferred_lft forever", "\\    valid_lft Nsec preferred_lft forever"},
		{`"valid_life_time":998,"preferred_life_time":4294967295`, `"valid_life_time":N,"preferred_life_time":4294967295`},
		{`"valid_life_time": 4294967295,"preferred_life_time": 0`, `"valid_life_time": 4294967295,"preferred_life_time": N`},
		{"2001:db8::/64 dev v1 proto ra metric 1024 expires 1799sec pref medium", "2001:db8::/64 dev v1 proto ra metric 1024 expires Nsec pref medium"},
		{`"expires":1799,"pref":"medium"`, `"expires":N,"pref":"medium"`},
		{"10.0.0.2 dev v1 lladdr 02:00:00:00:00:01 used 12/12/9 probes 1 STALE", "10.0.0.2 dev v1 lladdr 02:00:00:00:00:01 used N/N/N probes 1 STALE"},
		{"02:00:00:00:00:01 dev v1 used 3/3 master br0", "02:00:00:00:00:01 dev v1 used N/N master br0"},
		{`"used":12,"confirmed":12,"updated":9,"probes":1`, `"used":N,"confirmed":N,"updated":N,"probes":1`},
		{"valid_lft 300 preferred_lft 300 used", "valid_lft 300 preferred_lft 300 used"},
		// iproute2 6.1 prints no blank between the ages and "probes"
		{"10.0.0.10  used 2/2/5probes 0 FAILED", "10.0.0.10  used N/N/Nprobes 0 FAILED"},
		{"port no\tmac addr\t\tis local?\tageing timer\n  1\t02:00:00:00:00:01\tyes\t\t   0.00\n  2\t6e:11:22:33:44:55\tno\t\t  12.34\n",
			"port no\tmac addr\t\tis local?\tageing timer\n  1\t02:00:00:00:00:01\tyes\t\t   0.00\n  2\tMAC\tno\t\tT\n"},
		// -V: the words up to the version; iproute2's libbpf and gip's
		// own version go, a different release does not
		{"ip utility, iproute2-6.1.0, libbpf 1.1.2\n", "ip utility, iproute2-6.1.0\n"},
		{"ip utility, iproute2-6.1.0, gip v0.9.0-3-g0123abc\n", "ip utility, iproute2-6.1.0\n"},
		{"ip utility, iproute2-6.2.0, gip devel\n", "ip utility, iproute2-6.2.0\n"},
		{"bridge utility, 6.1.0, gip devel-0123456789ab-dirty\n", "bridge utility, 6.1.0\n"},
		{"bridge-utils, 1.7, gip v1.0.0\n", "bridge-utils, 1.7\n"},
		{"bridge-utils, 1.7\n", "bridge-utils, 1.7\n"},
	}
	for _, tt := range tests {
		if got := n.text(tt.in); got != tt.want {
			t.Errorf("text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestRenderAndUsage(t *testing.T) {
	r := result{RC: 1, Out: "a\nb\n", Err: "oops\n"}
	if got, want := render(r, false), []string{"a", "b", "! oops", "[exit 1]"}; !reflect.DeepEqual(got, want) {
		t.Errorf("render = %q, want %q", got, want)
	}
	r = result{RC: 0, Out: "no newline"}
	if got, want := render(r, false), []string{"no newline", `\ no newline at end of stdout`, "[exit 0]"}; !reflect.DeepEqual(got, want) {
		t.Errorf("render = %q, want %q", got, want)
	}
	if got := render(result{Timeout: true, RC: -1}, false); !reflect.DeepEqual(got, []string{"[timeout]"}) {
		t.Errorf("render timeout = %q", got)
	}
	for _, tt := range []struct {
		r    result
		want bool
	}{
		{result{RC: 255, Err: "Usage: ip link ...\n"}, true},
		{result{RC: 255, Err: "\nUsage: ip ...\n"}, true},
		{result{RC: 1, Out: "Usage: brctl [commands]\n"}, true},
		{result{RC: 0, Err: "Usage: ip ...\n"}, true},
		{result{RC: 255, Err: "Error: x\nUsage: y\n"}, true},
		{result{RC: 255, Err: "Error: x\nsee Usage: y\n"}, false},
		{result{RC: 1, Out: "Usage:", Err: "x"}, true},
		{result{RC: 0, Out: "Usage: brctl [commands]\n"}, true},
		{result{Timeout: true, Out: "Usage: brctl [commands]\n"}, false},
	} {
		if got := isUsage(tt.r); got != tt.want {
			t.Errorf("isUsage(%+v) = %v", tt.r, got)
		}
	}
	if got := render(result{RC: 255, Err: "Usage: ..."}, true); !reflect.DeepEqual(got, []string{"[exit 255] (usage text not compared)"}) {
		t.Errorf("render usage = %q", got)
	}
	if got, want := render(result{RC: 1, Err: "macsec: unknown command \"x\"?\nUsage: ... macsec\n"}, true),
		[]string{`! macsec: unknown command "x"?`, "[exit 1] (usage text not compared)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("render error then usage = %q, want %q", got, want)
	}
}

func TestUnifiedDiff(t *testing.T) {
	if d := unifiedDiff("a", "b", []string{"x", "y"}, []string{"x", "y"}, 2); d != "" {
		t.Errorf("equal inputs: %q", d)
	}
	tests := []struct {
		a, b []string
		want string
	}{
		{[]string{"x", "[exit 0]"}, []string{"y", "[exit 0]"},
			"--- ref\n+++ gip\n@@ -1,2 +1,2 @@\n-x\n+y\n [exit 0]\n"},
		{[]string{"[exit 0]"}, []string{"! err", "[exit 1]"},
			"--- ref\n+++ gip\n@@ -1 +1,2 @@\n-[exit 0]\n+! err\n+[exit 1]\n"},
		{[]string{}, []string{"x"},
			"--- ref\n+++ gip\n@@ -0,0 +1 @@\n+x\n"},
		// two hunks, context 2
		{strings.Fields("a b c d e f g h i j k"), strings.Fields("a B c d e f g h i j K"),
			"--- ref\n+++ gip\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n@@ -9,3 +9,3 @@\n i\n j\n-k\n+K\n"},
	}
	for i, tt := range tests {
		if got := unifiedDiff("ref", "gip", tt.a, tt.b, 2); got != tt.want {
			t.Errorf("%d: got\n%s\nwant\n%s", i, got, tt.want)
		}
	}
	// close changes share one hunk
	got := unifiedDiff("ref", "gip", strings.Fields("a b c d e"), strings.Fields("a X c Y e"), 2)
	if want := "--- ref\n+++ gip\n@@ -1,5 +1,5 @@\n a\n-b\n+X\n c\n-d\n+Y\n e\n"; got != want {
		t.Errorf("close changes: got\n%s\nwant\n%s", got, want)
	}
}

func TestUsesTool(t *testing.T) {
	cls := parseCase("ip link\nip netns exec a brctl show\n")
	if !usesTool(cls, "brctl") || usesTool(cls, "bridge") || usesTool(cls, "gbrctl") {
		t.Error("usesTool")
	}
	if !usesTool(parseCase("/usr/sbin/bridge link\n"), "bridge") {
		t.Error("usesTool with a path")
	}
}

func TestSortAddrconfRoutes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"default via 10.0.0.1 dev eth0\n10.0.0.0/8 dev eth0\n", "default via 10.0.0.1 dev eth0\n10.0.0.0/8 dev eth0\n"},
		// the two links' addrconf routes in either order read the same;
		// the lines around them keep their places
		{"2001:db8::/64 dev eth0\nfe80::/64 dev eth1 proto kernel\nfe80::/64 dev eth0 proto kernel\ndefault via 2001:db8::1 dev eth0\n",
			"2001:db8::/64 dev eth0\nfe80::/64 dev eth0 proto kernel\nfe80::/64 dev eth1 proto kernel\ndefault via 2001:db8::1 dev eth0\n"},
		{"local fe80::LL dev eth1 table local\nlocal fe80::LL dev eth0 table local\nmulticast ff00::/8 dev eth1 table local\nmulticast ff00::/8 dev eth0 table local\n",
			"local fe80::LL dev eth0 table local\nlocal fe80::LL dev eth1 table local\nmulticast ff00::/8 dev eth0 table local\nmulticast ff00::/8 dev eth1 table local\n"},
		// other lines are never reordered, even between addrconf runs
		{"fe80::/64 dev b\nx\nfe80::/64 dev a\n", "fe80::/64 dev b\nx\nfe80::/64 dev a\n"},
		{"b\na\n", "b\na\n"},
		// -N prints the route type as a number first
		{"5 ff00::/8 dev veth1 table 255\n5 ff00::/8 dev veth0 table 255\n",
			"5 ff00::/8 dev veth0 table 255\n5 ff00::/8 dev veth1 table 255\n"},
	}
	for _, tt := range tests {
		if got := sortAddrconfRoutes(tt.in); got != tt.want {
			t.Errorf("sortAddrconfRoutes(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestGoWording(t *testing.T) {
	tests := []struct {
		ref, gip result
		want     []string
	}{
		{result{Err: "Cannot open file \"x\" for reading: No such file or directory\n"},
			result{Err: "Cannot open file \"x\" for reading: No such file or directory\n"}, nil},
		{result{Err: "Cannot open file \"x\" for reading: No such file or directory\n"},
			result{Err: "open x: no such file or directory\n"}, []string{"no such file or directory"}},
		{result{Err: "RTNETLINK answers: Unknown error 524\n"},
			result{Err: "RTNETLINK answers: errno 524\n"}, []string{"errno "}},
		{result{RC: 255, Err: "Usage: ip link\n"},
			result{RC: 255, Err: "panic: runtime error: index out of range\n\ngoroutine 1 [running]:\n"},
			[]string{"panic:", "goroutine ", "runtime error"}},
		{result{Err: "Error: argument \"x\" is wrong: invalid argument\n"},
			result{Err: "Error: argument \"x\" is wrong: invalid argument\n"}, nil},
		{result{}, result{Out: "mtu %!d(string=x)\n"}, []string{"%!"}},
		{result{}, result{Err: "strconv.ParseUint: parsing \"x\": invalid syntax\n"}, []string{"strconv."}},
	}
	for _, tt := range tests {
		if got := goWording(tt.ref, tt.gip); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("goWording(%q, %q) = %q, want %q", tt.ref.Err, tt.gip.Out+tt.gip.Err, got, tt.want)
		}
	}
}

// TestCarrierPending checks the settle watcher's reading of link flags: a
// carrier its operstate does not show yet (linkwatch runs up to a second
// later) is not settled; a link without carrier, down, or in step is.
func TestCarrierPending(t *testing.T) {
	for _, tt := range []struct {
		snap string
		want bool
	}{
		{"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n", false},
		{"4: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 state DOWN\n", false},
		{"6: tap0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN\n", false},
		{"3: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state UP\n", false},
		// carrier lost, operstate still UP
		{"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\n4: br0: <BROADCAST,MULTICAST,UP> mtu 1500 state UP\n", true},
		// carrier back, operstate still DOWN
		{"3: v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 state DOWN\n", true},
		{"ns1 link\n2: v3@if5: <BROADCAST,MULTICAST,UP> mtu 1500 state UP\n", true},
	} {
		if got := carrierPending([]byte(tt.snap)); got != tt.want {
			t.Errorf("carrierPending(%q) = %v, want %v", tt.snap, got, tt.want)
		}
	}
}

// TestSortAddrconfJSON checks that runs of addrconf route objects in a -j
// or -j -p listing are sorted and the rest, layout included, is kept.
func TestSortAddrconfJSON(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`[{"dst":"10.0.0.0/8"},{"dst":"fe80::/64","dev":"b"},{"dst":"fe80::/64","dev":"a"},{"dst":"::1"}]` + "\n",
			`[{"dst":"10.0.0.0/8"},{"dst":"fe80::/64","dev":"a"},{"dst":"fe80::/64","dev":"b"},{"dst":"::1"}]` + "\n"},
		{"[ {\n        \"dst\": \"ff00::/8\",\n        \"dev\": \"v1\"\n    },{\n        \"dst\": \"ff00::/8\",\n        \"dev\": \"v0\"\n    } ]\n",
			"[ {\n        \"dst\": \"ff00::/8\",\n        \"dev\": \"v0\"\n    },{\n        \"dst\": \"ff00::/8\",\n        \"dev\": \"v1\"\n    } ]\n"},
		{`[{"dst":"fe80::/64","dev":"b"},{"dst":"10.0.0.0/8"},{"dst":"fe80::/64","dev":"a"}]`,
			`[{"dst":"fe80::/64","dev":"b"},{"dst":"10.0.0.0/8"},{"dst":"fe80::/64","dev":"a"}]`},
		{"[broken fe80::", "[broken fe80::"},
	} {
		if got := sortAddrconfRoutes(tt.in); got != tt.want {
			t.Errorf("sortAddrconfRoutes(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskCounters(t *testing.T) {
	in := "4: v0: <UP>\n    RX:  bytes packets errors dropped  missed   mcast\n           469       6      0       0       0       0\n    TX:  bytes packets\n  1.22k  14\nx 5 6\n"
	want := "4: v0: <UP>\n    RX:  bytes packets errors dropped  missed   mcast\nCOUNTS\n    TX:  bytes packets\nCOUNTS\nx 5 6\n"
	if got := maskCounters(in); got != want {
		t.Errorf("maskCounters:\n got %q\nwant %q", got, want)
	}
	if got, want := maskCounters(`{"rx":{"bytes":629,"packets":8,"errors":0,"multicast":7},"mtu":1500}`), `{"rx":{"bytes":COUNT,"packets":COUNT,"errors":0,"multicast":COUNT},"mtu":1500}`; got != want {
		t.Errorf("maskCounters(-j):\n got %q\nwant %q", got, want)
	}
	if got := newNormalizer("").text("    cache expires 3sec age 6sec\n"); got != "    cache expires Nsec age Nsec\n" {
		t.Errorf("route cache age not masked: %q", got)
	}
}

func TestSortLearnedMDB(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"dev br0 port v1 grp ff02::1:ff00:1 temp\ndev br0 port br0 grp ff02::6a temp\n",
			"dev br0 port br0 grp ff02::6a temp\ndev br0 port v1 grp ff02::1:ff00:1 temp\n"},
		// a permanent entry between learned ones keeps its place
		{"dev br0 port v1 grp ff02::1 temp\ndev br0 port v1 grp 239.1.1.1 permanent\ndev br0 port br0 grp ff02::6a temp\n",
			"dev br0 port v1 grp ff02::1 temp\ndev br0 port v1 grp 239.1.1.1 permanent\ndev br0 port br0 grp ff02::6a temp\n"},
		{"b temp\na temp\n", "b temp\na temp\n"},
		// -color escapes around the words; -s timers masked
		{"\x1b[36mdev br0\x1b[0m port v1\x1b[34m grp ff02::1:ff00:1\x1b[0m temp\n\x1b[36mdev br0\x1b[0m port br0\x1b[34m grp ff02::6a\x1b[0m temp\n",
			"\x1b[36mdev br0\x1b[0m port br0\x1b[34m grp ff02::6a\x1b[0m temp\n\x1b[36mdev br0\x1b[0m port v1\x1b[34m grp ff02::1:ff00:1\x1b[0m temp\n"},
	} {
		if got := sortLearnedMDB(tt.in); got != tt.want {
			t.Errorf("sortLearnedMDB(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if got := maskTiming(tt.in); got != tt.want {
			t.Errorf("maskTiming(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
	in := "2001:db8::/64 dev v0 proto 2 metric 256 pref medium\nfe80::/64 dev v1 proto 2 metric 256 pref medium\nfe80::/64 dev v0 proto 2 metric 256 pref medium\n"
	want := "2001:db8::/64 dev v0 proto 2 metric 256 pref medium\nfe80::/64 dev v0 proto 2 metric 256 pref medium\nfe80::/64 dev v1 proto 2 metric 256 pref medium\n"
	if got := maskTiming(in); got != want {
		t.Errorf("maskTiming(-N routes)\n got %q\nwant %q", got, want)
	}
	if got, want := maskTiming("dev br0 port v1 grp ff02::1:ff00:1 temp  258.86\ndev br0 port br0 grp ff02::6a temp  259.28\n"),
		"dev br0 port br0 grp ff02::6a temp  T\ndev br0 port v1 grp ff02::1:ff00:1 temp  T\n"; got != want {
		t.Errorf("maskTiming(mdb -s)\n got %q\nwant %q", got, want)
	}
	in = "    refcnt 1 reachable 38644 base_reachable 30000 retrans 1000 \n{\"reachable\":21284,\"base_reachable\":30000}\nunreachable 10.0.0.0/8\n"
	want = "    refcnt 1 reachable N base_reachable 30000 retrans 1000 \n{\"reachable\":N,\"base_reachable\":30000}\nunreachable 10.0.0.0/8\n"
	if got := maskTiming(in); got != want {
		t.Errorf("maskTiming(ntable)\n got %q\nwant %q", got, want)
	}
}
