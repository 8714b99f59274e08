package integration

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/rule"
	"golang.org/x/sys/unix"
)

// freshNetNS makes a network namespace of its own (not the host's, not
// named anywhere) and returns an fd referring to it. The calling thread
// is switched back to its namespace before the function returns.
func freshNetNS(t *testing.T) *os.File {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := os.Open("/proc/thread-self/ns/net")
	if err != nil {
		t.Skipf("no /proc/thread-self/ns/net: %v", err)
	}
	defer orig.Close()
	if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
		t.Skipf("unshare(CLONE_NEWNET): %v (needs root)", err)
	}
	ns, err := os.Open("/proc/thread-self/ns/net")
	if err2 := unix.Setns(int(orig.Fd()), unix.CLONE_NEWNET); err2 != nil {
		// The thread cannot go home: let it die with the test's goroutine
		// rather than serve others in the wrong namespace.
		runtime.Goexit()
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ns.Close() })
	return ns
}

// refIn runs the reference ip with args inside ns and returns its stdout.
func refIn(t *testing.T, ns *os.File, args ...string) string {
	t.Helper()
	cmd := exec.Command("nsenter", append([]string{"--net=/proc/self/fd/3", refIP}, args...)...)
	cmd.ExtraFiles = []*os.File{ns}
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, ee.Stderr)
		}
		t.Fatalf("ip %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// refJSON runs `ip -j ARGS` in ns and decodes its array of objects.
func refJSON(t *testing.T, ns *os.File, args ...string) []map[string]any {
	t.Helper()
	out := refIn(t, ns, append([]string{"-j"}, args...)...)
	var v []map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("ip -j %s: %v: %q", strings.Join(args, " "), err, out)
	}
	return v
}

// TestLibraryRouteNeighRule drives the route, neigh and rule packages'
// typed operations in a fresh namespace and checks each change with
// iproute2's `ip -j` output, and the typed listings against it.
func TestLibraryRouteNeighRule(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root")
	}
	if _, err := exec.LookPath("nsenter"); err != nil {
		t.Skip("needs nsenter")
	}
	if _, err := os.Stat(refIP); err != nil {
		t.Skip("needs the reference ip")
	}
	ns := freshNetNS(t)
	refIn(t, ns, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1")
	refIn(t, ns, "link", "set", "veth0", "up")
	refIn(t, ns, "link", "set", "veth1", "up")
	refIn(t, ns, "addr", "add", "10.0.0.1/24", "dev", "veth0")
	links := refJSON(t, ns, "link", "show", "veth0")
	idx := int(links[0]["ifindex"].(float64))

	c, err := rtnl.Dial(int(ns.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	pfx, addr := netip.MustParsePrefix, netip.MustParseAddr

	// Routes: a single-path route in table 100, a multipath route in main.
	r := route.Route{Dst: pfx("10.1.0.0/24"), Table: 100, Protocol: unix.RTPROT_STATIC, Priority: 5,
		Gateway: addr("10.0.0.2"), OIF: idx, MTU: 1400}
	if err := route.Add(ctx, c, r); err != nil {
		t.Fatalf("route.Add: %v", err)
	}
	if err := route.Add(ctx, c, r); !errors.Is(err, unix.EEXIST) {
		t.Errorf("route.Add again = %v, want EEXIST", err)
	}
	got := refJSON(t, ns, "route", "show", "table", "100")
	if len(got) != 1 || got[0]["dst"] != "10.1.0.0/24" || got[0]["gateway"] != "10.0.0.2" || got[0]["dev"] != "veth0" ||
		got[0]["protocol"] != "static" || got[0]["metric"] != float64(5) {
		t.Errorf("ip -j route show table 100 after route.Add = %v", got)
	}
	mp := route.Route{Dst: pfx("10.2.0.0/24"), Multipath: []route.NextHop{
		{Gateway: addr("10.0.0.2"), OIF: idx, Weight: 2}, {Gateway: addr("10.0.0.3"), OIF: idx}}}
	if err := route.Add(ctx, c, mp); err != nil {
		t.Fatalf("route.Add multipath: %v", err)
	}
	got = refJSON(t, ns, "route", "show", "10.2.0.0/24")
	if len(got) != 1 {
		t.Fatalf("ip -j route show 10.2.0.0/24 = %v", got)
	}
	nhs, _ := got[0]["nexthops"].([]any)
	if len(nhs) != 2 || nhs[0].(map[string]any)["gateway"] != "10.0.0.2" || nhs[0].(map[string]any)["weight"] != float64(2) ||
		nhs[1].(map[string]any)["gateway"] != "10.0.0.3" {
		t.Errorf("multipath route as ip shows it: %v", got)
	}
	listed, err := route.List(ctx, c, route.Filter{Family: unix.AF_INET, Table: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != 1 || listed[0].Dst != r.Dst || listed[0].Gateway != r.Gateway || listed[0].OIF != idx ||
		listed[0].Priority != 5 || listed[0].MTU != 1400 || listed[0].Table != 100 || listed[0].Protocol != unix.RTPROT_STATIC {
		t.Errorf("route.List(table 100) = %+v", listed)
	}
	main, err := route.List(ctx, c, route.Filter{Family: unix.AF_INET})
	if err != nil {
		t.Fatal(err)
	}
	if ref := refJSON(t, ns, "-4", "route", "show"); len(main) != len(ref) {
		t.Errorf("route.List(main) has %d routes, ip shows %d: %+v", len(main), len(ref), main)
	}
	for _, m := range main {
		if m.Dst == mp.Dst && (len(m.Multipath) != 2 || m.Multipath[0] != mp.Multipath[0] ||
			m.Multipath[1].Gateway != mp.Multipath[1].Gateway || m.Multipath[1].Weight != 1) {
			t.Errorf("listed multipath route = %+v", m)
		}
	}
	g, err := route.Get(ctx, c, addr("10.0.0.7"))
	if err != nil {
		t.Fatal(err)
	}
	ref := refJSON(t, ns, "route", "get", "10.0.0.7")
	if g.Dst != pfx("10.0.0.7/32") || g.OIF != idx || g.Src.String() != ref[0]["prefsrc"] || ref[0]["dev"] != "veth0" {
		t.Errorf("route.Get(10.0.0.7) = %+v, ip says %v", g, ref)
	}
	r.Gateway = addr("10.0.0.3")
	if err := route.Replace(ctx, c, r); err != nil {
		t.Fatalf("route.Replace: %v", err)
	}
	if got = refJSON(t, ns, "route", "show", "table", "100"); len(got) != 1 || got[0]["gateway"] != "10.0.0.3" {
		t.Errorf("ip -j route show table 100 after route.Replace = %v", got)
	}
	if err := route.Delete(ctx, c, route.Route{Dst: r.Dst, Table: 100}); err != nil {
		t.Fatalf("route.Delete: %v", err)
	}
	if got = refJSON(t, ns, "route", "show", "table", "100"); len(got) != 0 {
		t.Errorf("ip -j route show table 100 after route.Delete = %v", got)
	}
	if err := route.Delete(ctx, c, mp); err != nil {
		t.Fatalf("route.Delete multipath: %v", err)
	}

	// Neighbours.
	hw, _ := net.ParseMAC("02:00:00:00:00:05")
	n := neigh.Neighbor{Index: idx, Addr: addr("10.0.0.5"), LLAddr: hw}
	if err := neigh.Add(ctx, c, n); err != nil {
		t.Fatalf("neigh.Add: %v", err)
	}
	if err := neigh.Add(ctx, c, n); !errors.Is(err, unix.EEXIST) {
		t.Errorf("neigh.Add again = %v, want EEXIST", err)
	}
	gotN := refJSON(t, ns, "neigh", "show", "dev", "veth0", "10.0.0.5")
	if len(gotN) != 1 || gotN[0]["lladdr"] != "02:00:00:00:00:05" || len(gotN[0]["state"].([]any)) != 1 ||
		gotN[0]["state"].([]any)[0] != "PERMANENT" {
		t.Errorf("ip -j neigh show after neigh.Add = %v", gotN)
	}
	ns4, err := neigh.List(ctx, c, neigh.Filter{Family: unix.AF_INET, Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range ns4 {
		if e.Addr == n.Addr {
			found = e.LLAddr.String() == hw.String() && e.State == unix.NUD_PERMANENT && e.Index == idx
		}
	}
	if !found {
		t.Errorf("neigh.List = %+v, want 10.0.0.5 permanent with %v", ns4, hw)
	}
	n.State = unix.NUD_STALE
	if err := neigh.Replace(ctx, c, n); err != nil {
		t.Fatalf("neigh.Replace: %v", err)
	}
	if gotN = refJSON(t, ns, "neigh", "show", "dev", "veth0", "10.0.0.5"); len(gotN) != 1 || gotN[0]["state"].([]any)[0] != "STALE" {
		t.Errorf("ip -j neigh show after neigh.Replace = %v", gotN)
	}
	if err := neigh.Delete(ctx, c, n); err != nil {
		t.Fatalf("neigh.Delete: %v", err)
	}
	if gotN = refJSON(t, ns, "neigh", "show", "dev", "veth0", "10.0.0.5"); len(gotN) != 0 {
		t.Errorf("ip -j neigh show after neigh.Delete = %v", gotN)
	}

	// Rules.
	ru := rule.Rule{Priority: 100, Src: pfx("10.0.0.0/8"), FwMark: 0x10, FwMask: 0xff, IIF: "veth0", Table: 100}
	if err := rule.Add(ctx, c, ru); err != nil {
		t.Fatalf("rule.Add: %v", err)
	}
	var gotR map[string]any
	for _, e := range refJSON(t, ns, "rule", "show") {
		if e["priority"] == float64(100) {
			gotR = e
		}
	}
	if gotR == nil || gotR["src"] != "10.0.0.0" || gotR["srclen"] != float64(8) || gotR["fwmark"] != "0x10" || gotR["fwmask"] != "0xff" ||
		gotR["iif"] != "veth0" || gotR["table"] != "100" {
		t.Errorf("ip -j rule show after rule.Add: %v", gotR)
	}
	rules, err := rule.List(ctx, c, unix.AF_INET)
	if err != nil {
		t.Fatal(err)
	}
	if ref := refJSON(t, ns, "-4", "rule", "show"); len(rules) != len(ref) {
		t.Errorf("rule.List has %d rules, ip shows %d", len(rules), len(ref))
	}
	found = false
	for _, e := range rules {
		if e.Priority == 100 {
			found = e.Src == ru.Src && e.FwMark == 0x10 && e.FwMask == 0xff && e.IIF == "veth0" && e.Table == 100 &&
				e.Action == unix.FR_ACT_TO_TBL
		}
	}
	if !found {
		t.Errorf("rule.List = %+v, want %+v", rules, ru)
	}
	if err := rule.Delete(ctx, c, rule.Rule{Priority: 100}); err != nil {
		t.Fatalf("rule.Delete: %v", err)
	}
	for _, e := range refJSON(t, ns, "rule", "show") {
		if e["priority"] == float64(100) {
			t.Errorf("rule 100 still there after rule.Delete: %v", e)
		}
	}
}
