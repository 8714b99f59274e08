package integration

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// binDirs makes the PATH directories of makeBinDirs once for every test
// that needs them: they sit at fixed paths, and making them again would
// pull them from under a test running in parallel.
func binDirs(t *testing.T, gip string) (ref, cand string) {
	t.Helper()
	binDirsOnce.Do(func() { binDirsRef, binDirsCand = makeBinDirs(t, gip) })
	if binDirsRef == "" {
		t.Fatal("the PATH directories could not be made")
	}
	return binDirsRef, binDirsCand
}

var (
	binDirsOnce             sync.Once
	binDirsRef, binDirsCand string
)

// brctlNetNSCase is a case file in which BRCTL stands for brctl run inside
// the namespace ns1: `ip netns exec ns1 brctl` with the reference tools,
// `gip -n ns1 brctl` with gip. The outer namespace holds a bridge and ports
// named like ns1's so a verb that reached the wrong namespace shows.
const brctlNetNSCase = `/usr/sbin/ip netns add ns1
/usr/sbin/ip -n ns1 link add br9 address 02:00:00:00:09:00 type bridge
/usr/sbin/ip -n ns1 link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip -n ns1 link add p2 address 02:00:00:00:00:03 type veth peer name q2 address 02:00:00:00:00:04
/usr/sbin/ip netns exec ns1 sysctl -qw net.ipv6.conf.q1.disable_ipv6=1
/usr/sbin/ip link add br0 address 02:00:00:00:0a:00 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:0b:01 type veth peer name q1 address 02:00:00:00:0b:02
/usr/sbin/ip link set p1 master br0
BRCTL show
BRCTL addbr brx
BRCTL addbr brx
BRCTL addbr br0
BRCTL addif brx p1
BRCTL addif brx p1
BRCTL addif brx nope
BRCTL addif br9 p2
BRCTL show
BRCTL show brx
BRCTL show br0
BRCTL show nope
BRCTL stp brx on
BRCTL setageing brx 100
BRCTL setbridgeprio brx 4096
BRCTL setfd brx 4
BRCTL sethello brx 2
BRCTL setmaxage brx 10
BRCTL setpathcost brx p1 33
BRCTL setportprio brx p1 5
BRCTL sethairpin brx p1 on
BRCTL showstp brx
BRCTL showstp br9
BRCTL showstp br9:1
BRCTL showstp nope
BRCTL showstp p1
/usr/sbin/ip -n ns1 -d link show brx
/usr/sbin/ip -n ns1 link set brx up
/usr/sbin/ip -n ns1 link set p1 up
/usr/sbin/ip -n ns1 link set q1 up
/usr/sbin/bridge -n ns1 fdb add 02:00:00:00:aa:01 dev p1 master static
BRCTL showmacs brx
BRCTL showmacs br0
BRCTL showmacs nope
BRCTL delif brx p1
BRCTL delif brx p1
BRCTL delif br9 p2
/usr/sbin/ip -n ns1 link set brx down
BRCTL delbr brx
BRCTL delbr br0
BRCTL delbr brx
BRCTL show
/usr/sbin/ip -n ns1 link show type bridge
/usr/sbin/ip link show type bridge
/usr/sbin/ip link show master br0
`

// TestBrctlNetNS compares every brctl verb run by `gip -n NS brctl` with
// the real brctl run by `ip netns exec NS`: both must reach NS's devices
// only (sysfs, ioctls and netlink alike) and print the same.
func TestBrctlNetNS(t *testing.T) {
	t.Parallel()
	requireSandbox(t)
	if findRef("brctl") == "" {
		t.Skip("the reference brctl is missing (install bridge-utils)")
	}
	gip := gipBinary(t)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	refDir, candDir := binDirs(t, gip)
	tmp := t.TempDir()
	refText := strings.ReplaceAll(brctlNetNSCase, "BRCTL", "ip netns exec ns1 brctl")
	candText := strings.ReplaceAll(brctlNetNSCase, "BRCTL", "gip -n ns1 brctl")
	refCase, candCase := filepath.Join(tmp, "ref.sh"), filepath.Join(tmp, "cand.sh")
	for f, text := range map[string]string{refCase: refText, candCase: candText} {
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sandboxes <- struct{}{}
	defer func() { <-sandboxes }()
	ctx := context.Background()
	ref, err := runSandboxed(ctx, self, refCase, refDir, tmp)
	if err != nil {
		t.Fatalf("reference run: %v", err)
	}
	cand, err := runSandboxed(ctx, self, candCase, candDir, tmp)
	if err != nil {
		t.Fatalf("gip run: %v", err)
	}
	if len(ref) != strings.Count(brctlNetNSCase, "\n") {
		t.Fatalf("reference run: %d results for %d lines", len(ref), strings.Count(brctlNetNSCase, "\n"))
	}
	compareRuns(t, "brctl under -n", candText, parseCase(candText), ref, nil, cand)
}
