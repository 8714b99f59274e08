package integration

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/gipnet/gip/bridge"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// TestBridgeAPI drives the bridge package's typed API in a fresh network
// namespace (a bridge br0 with the veth v0 as its port) and checks each
// step with iproute2's `bridge -j`: fdb add, list and delete, port cost and
// hairpin set and read back, and the kernel's refusals as errnos.
func TestBridgeAPI(t *testing.T) {
	requireSandbox(t)
	// The namespace lives as long as a sleep started in it.
	holder := exec.Command("unshare", "--net", "sleep", "600")
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		holder.Process.Kill()
		holder.Wait()
	}()
	nsPath := fmt.Sprintf("/proc/%d/ns/net", holder.Process.Pid)
	deadline := time.Now().Add(10 * time.Second)
	for {
		// unshare has created the namespace once its net differs from ours
		if a, b := readlink(nsPath), readlink("/proc/self/ns/net"); a != "" && a != b {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the namespace holder did not start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	nsFD, err := unix.Open(nsPath, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(nsFD)
	ref := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("nsenter", append([]string{"--net=" + nsPath}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	ref(refIP, "link", "add", "br0", "type", "bridge")
	ref(refIP, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	ref(refIP, "link", "set", "v0", "master", "br0")
	ref(refIP, "link", "set", "br0", "up")
	ref(refIP, "link", "set", "v0", "up")

	c, err := rtnl.Dial(nsFD)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	v0, err := bridge.GetLink(ctx, c, "v0")
	if err != nil || v0 == nil {
		t.Fatalf("GetLink v0: %v %v", v0, err)
	}
	br0, err := bridge.GetLink(ctx, c, "br0")
	if err != nil || br0 == nil || !br0.IsBridge() || !v0.IsPort() || v0.Master != br0.Index {
		t.Fatalf("GetLink br0: %+v %v (v0 %+v)", br0, err, v0)
	}

	mac, _ := net.ParseMAC("02:00:00:00:aa:01")
	e := bridge.FDBEntry{Index: v0.Index, LLAddr: mac, Flags: unix.NTF_MASTER}
	if err := bridge.FDBAdd(ctx, c, e); err != nil {
		t.Fatalf("FDBAdd: %v", err)
	}
	if err := bridge.FDBAdd(ctx, c, e); !errors.Is(err, unix.EEXIST) {
		t.Fatalf("FDBAdd again: %v, want EEXIST", err)
	}
	var shown []struct {
		MAC    string   `json:"mac"`
		Ifname string   `json:"ifname"`
		Master string   `json:"master"`
		Flags  []string `json:"flags"`
		State  string   `json:"state"`
	}
	if err := json.Unmarshal([]byte(ref("/usr/sbin/bridge", "-j", "fdb", "show", "br", "br0", "brport", "v0")), &shown); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range shown {
		if s.MAC == "02:00:00:00:aa:01" {
			found = true
			if s.State != "permanent" || s.Master != "br0" {
				t.Errorf("bridge -j fdb show: %+v, want a permanent entry of br0", s)
			}
		}
	}
	if !found {
		t.Fatalf("bridge -j fdb show has no 02:00:00:00:aa:01: %+v", shown)
	}
	list, err := bridge.FDBList(ctx, c, bridge.FDBFilter{Master: br0.Index, Index: v0.Index})
	if err != nil {
		t.Fatalf("FDBList: %v", err)
	}
	if len(list) != len(shown) {
		t.Errorf("FDBList: %d entries, bridge fdb show %d", len(list), len(shown))
	}
	found = false
	for _, l := range list {
		if l.LLAddr.String() == "02:00:00:00:aa:01" {
			found = true
			if l.Index != v0.Index || l.Master != br0.Index || l.State&unix.NUD_PERMANENT == 0 {
				t.Errorf("FDBList entry %+v", l)
			}
		}
	}
	if !found {
		t.Fatalf("FDBList has no 02:00:00:00:aa:01: %+v", list)
	}
	if err := bridge.FDBDelete(ctx, c, e); err != nil {
		t.Fatalf("FDBDelete: %v", err)
	}
	if out := ref("/usr/sbin/bridge", "-j", "fdb", "show", "br", "br0"); strings.Contains(out, "02:00:00:00:aa:01") {
		t.Errorf("the entry is still there after FDBDelete: %s", out)
	}
	if err := bridge.FDBDelete(ctx, c, e); !errors.Is(err, unix.ENOENT) {
		t.Errorf("FDBDelete again: %v, want ENOENT", err)
	}

	if err := bridge.PortSet(ctx, c, "v0", bridge.PortSettings{Cost: new(uint32(42)), Hairpin: new(true)}); err != nil {
		t.Fatalf("PortSet: %v", err)
	}
	var ports []struct {
		Ifname  string `json:"ifname"`
		Cost    int    `json:"cost"`
		Hairpin bool   `json:"hairpin"`
	}
	if err := json.Unmarshal([]byte(ref("/usr/sbin/bridge", "-j", "-d", "link", "show", "dev", "v0")), &ports); err != nil {
		t.Fatal(err)
	}
	if len(ports) != 1 || ports[0].Cost != 42 || !ports[0].Hairpin {
		t.Errorf("bridge -j -d link show dev v0: %+v, want cost 42, hairpin on", ports)
	}
	got, err := bridge.PortGet(ctx, c, "v0")
	if err != nil {
		t.Fatalf("PortGet: %v", err)
	}
	if got.Cost == nil || *got.Cost != 42 || got.Hairpin == nil || !*got.Hairpin || got.State == nil || got.Learning == nil {
		t.Errorf("PortGet: %+v", got)
	}
	if _, err := bridge.PortGet(ctx, c, "v1"); !errors.Is(err, unix.EOPNOTSUPP) {
		t.Errorf("PortGet of a link that is no port: %v, want EOPNOTSUPP", err)
	}
	if err := bridge.PortSet(ctx, c, "nosuch", bridge.PortSettings{Cost: new(uint32(1))}); !errors.Is(err, unix.ENODEV) {
		t.Errorf("PortSet of no link: %v, want ENODEV", err)
	}
}

func readlink(p string) string {
	s, _ := os.Readlink(p)
	return s
}
