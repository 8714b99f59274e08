package link_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// newNetNS makes n fresh network namespaces and returns their fds, closed
// (and so the namespaces gone) at the end of the test. The test's own
// thread is back in its namespace before any other code runs on it.
func newNetNS(t *testing.T, n int) []int {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	origin, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Skipf("cannot open this thread's namespace: %v", err)
	}
	defer unix.Close(origin)
	var fds []int
	for range n {
		if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
			t.Skipf("unshare: %v", err)
		}
		fd, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		fds = append(fds, fd)
		t.Cleanup(func() { unix.Close(fd) })
	}
	if err := unix.Setns(origin, unix.CLONE_NEWNET); err != nil {
		// The thread cannot go back: keep it locked so that it dies
		// with the goroutine instead of running other code.
		runtime.LockOSThread()
		t.Fatalf("setns back: %v", err)
	}
	return fds
}

// ipJSON runs iproute2's `ip -j ARGS` inside the namespace open as fd and
// decodes its output.
func ipJSON(t *testing.T, fd int, args ...string) []map[string]any {
	t.Helper()
	cmd := exec.Command("nsenter", append([]string{fmt.Sprintf("--net=/proc/%d/fd/%d", os.Getpid(), fd), "/usr/sbin/ip", "-j"}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ip -j %v: %v", args, err)
	}
	var v []map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("ip -j %v: %v\n%s", args, err, out)
	}
	return v
}

// TestAPIInNamespaces creates, through the typed API only, a veth pair
// with its peer in a second namespace, addresses, a bridge, a vxlan, a
// macvlan and an ifb, sets links up, and checks what iproute2 lists.
func TestAPIInNamespaces(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root")
	}
	if _, err := os.Stat("/usr/sbin/ip"); err != nil {
		t.Skip("needs iproute2")
	}
	if _, err := exec.LookPath("nsenter"); err != nil {
		t.Skip("needs nsenter")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	fds := newNetNS(t, 2)
	hostFD, blueFD := fds[0], fds[1]
	c, err := rtnl.Dial(hostFD)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cb, err := rtnl.Dial(blueFD)
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Close()

	blue := link.NetNSName(fmt.Sprintf("/proc/%d/fd/%d", os.Getpid(), blueFD))
	veth := link.Spec{Name: "host0", MTU: 1400, Kind: link.Veth{Peer: link.Spec{Name: "ceth0", NetNS: blue}}}
	if err := link.Add(ctx, c, veth); err != nil {
		t.Fatalf("Add veth: %v", err)
	}
	err = link.Add(ctx, c, veth)
	var rerr *rtnl.Error
	if !errors.Is(err, unix.EEXIST) || !errors.As(err, &rerr) {
		t.Fatalf("second Add: %v (%T), want EEXIST as *rtnl.Error", err, err)
	}
	host0, err := link.Get(ctx, c, "host0")
	if err != nil {
		t.Fatal(err)
	}
	ceth0, err := link.Get(ctx, cb, "ceth0")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := link.Get(ctx, c, "ceth0"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("Get ceth0 in the first namespace: %v, want ENODEV", err)
	}
	if byIdx, err := link.GetByIndex(ctx, cb, int(ceth0.Index)); err != nil || byIdx.Name != "ceth0" {
		t.Errorf("GetByIndex(%d) = %q, %v", ceth0.Index, byIdx.Name, err)
	}
	for _, a := range []struct {
		c   *rtnl.Conn
		idx int32
		p   string
	}{{c, host0.Index, "10.99.0.1/24"}, {cb, ceth0.Index, "10.99.0.2/24"}, {c, host0.Index, "2001:db8::1/64"}} {
		if err := addr.Add(ctx, a.c, addr.Address{Index: int(a.idx), Prefix: netip.MustParsePrefix(a.p), Flags: unix.IFA_F_NODAD}); err != nil {
			t.Fatalf("addr.Add %s: %v", a.p, err)
		}
	}
	for _, s := range []struct {
		c    *rtnl.Conn
		name string
	}{{c, "host0"}, {cb, "ceth0"}, {cb, "lo"}} {
		if err := link.Set(ctx, s.c, s.name, link.Change{Up: new(true)}); err != nil {
			t.Fatalf("Set %s up: %v", s.name, err)
		}
	}
	if err := link.Set(ctx, c, "host0", link.Change{Alias: new("to blue"), TxQLen: new(uint32(500))}); err != nil {
		t.Fatal(err)
	}

	// Other kinds, and a master.
	for _, s := range []link.Spec{
		{Name: "br0", Kind: link.Bridge{STP: new(false), ForwardDelay: new(uint32(300))}},
		{Name: "vx0", Kind: link.VXLAN{ID: 42, Remote: netip.MustParseAddr("10.99.0.2"), Local: netip.MustParseAddr("10.99.0.1"),
			Dev: "host0", DstPort: 4789, NoLearning: true}},
		{Name: "mv0", Kind: link.Macvlan{Parent: "host0", Mode: link.MacvlanModeBridge}},
		{Name: "ifb0", Kind: link.IFB{}},
		{Name: "d0", Kind: link.KindArgs{Kind: "veth", Args: []string{"peer", "name", "d1"}}},
	} {
		if err := link.Add(ctx, c, s); err != nil {
			t.Fatalf("Add %s: %v", s.Name, err)
		}
	}
	if err := link.Set(ctx, c, "d0", link.Change{Master: "br0", Name: "port0"}); err != nil {
		t.Fatal(err)
	}

	// The first listing must stay as it was while more dumps run on the
	// same connection (their datagrams reuse the receive buffer).
	links, err := link.List(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	before := fmt.Sprintf("%+v", links)
	for range 3 {
		if _, err := link.List(ctx, c); err != nil {
			t.Fatal(err)
		}
		if _, err := addr.List(ctx, c, addr.Filter{}); err != nil {
			t.Fatal(err)
		}
	}
	if after := fmt.Sprintf("%+v", links); after != before {
		t.Fatalf("listed links changed after more dumps:\nbefore %s\nafter  %s", before, after)
	}

	// What iproute2 lists.
	byName := map[string]link.Link{}
	for _, l := range links {
		byName[l.Name] = l
	}
	ipLinks := ipJSON(t, hostFD, "-d", "link", "show")
	if len(ipLinks) != len(links) {
		t.Errorf("ip lists %d links, List %d", len(ipLinks), len(links))
	}
	for _, j := range ipLinks {
		name, _ := j["ifname"].(string)
		l, ok := byName[name]
		if !ok {
			t.Errorf("ip lists %s, List does not", name)
			continue
		}
		if int(j["ifindex"].(float64)) != int(l.Index) || int(j["mtu"].(float64)) != int(l.MTU) {
			t.Errorf("%s: ip says index %v mtu %v, List %d %d", name, j["ifindex"], j["mtu"], l.Index, l.MTU)
		}
		if j["address"] != nil && j["address"] != fmt.Sprint(netHW(l.Address)) {
			t.Errorf("%s: ip says address %v, List %s", name, j["address"], netHW(l.Address))
		}
		kind := ""
		if li, ok := j["linkinfo"].(map[string]any); ok {
			kind, _ = li["info_kind"].(string)
		}
		if kind != l.Kind {
			t.Errorf("%s: ip says kind %q, List %q", name, kind, l.Kind)
		}
	}
	want := map[string]string{"host0": "veth", "br0": "bridge", "vx0": "vxlan", "mv0": "macvlan", "ifb0": "ifb", "port0": "veth", "d1": "veth"}
	for name, kind := range want {
		if byName[name].Kind != kind {
			t.Errorf("%s: kind %q, want %q", name, byName[name].Kind, kind)
		}
	}
	if h := byName["host0"]; h.Alias != "to blue" || h.TxQLen != 500 || h.MTU != 1400 || h.Flags&unix.IFF_UP == 0 {
		t.Errorf("host0: alias %q txqlen %d mtu %d flags %#x", h.Alias, h.TxQLen, h.MTU, h.Flags)
	}
	if p := byName["port0"]; p.Master != uint32(byName["br0"].Index) {
		t.Errorf("port0: master %d, want br0 (%d)", p.Master, byName["br0"].Index)
	}
	for _, j := range ipLinks {
		info, _ := j["linkinfo"].(map[string]any)
		data, _ := info["info_data"].(map[string]any)
		switch j["ifname"] {
		case "vx0":
			if data["id"] != 42.0 || data["port"] != 4789.0 || data["learning"] != false || data["remote"] != "10.99.0.2" || data["local"] != "10.99.0.1" {
				t.Errorf("vx0: ip -d says %v", data)
			}
		case "mv0":
			if data["mode"] != "bridge" {
				t.Errorf("mv0: ip -d says %v", data)
			}
		case "br0":
			if data["forward_delay"] != 300.0 || data["stp_state"] != 0.0 {
				t.Errorf("br0: ip -d says %v", data)
			}
		}
	}

	// The peer's namespace, as iproute2 sees it.
	blueLinks := ipJSON(t, blueFD, "link", "show")
	var names []string
	for _, j := range blueLinks {
		names = append(names, j["ifname"].(string))
	}
	slices.Sort(names)
	if !reflect.DeepEqual(names, []string{"ceth0", "lo"}) {
		t.Errorf("blue holds %v", names)
	}
	blueAddrs := ipJSON(t, blueFD, "addr", "show", "dev", "ceth0")
	if got := addrsOf(blueAddrs); !slices.Contains(got, "10.99.0.2/24") {
		t.Errorf("ceth0 has %v", got)
	}

	// Addresses: List against ip, then Delete and Flush.
	listed, err := addr.List(ctx, c, addr.Filter{Index: int(host0.Index)})
	if err != nil {
		t.Fatal(err)
	}
	var mine []string
	for _, a := range listed {
		if a.Scope == unix.RT_SCOPE_LINK && a.Family() == unix.AF_INET6 {
			continue
		}
		mine = append(mine, a.Prefix.String())
	}
	theirs := addrsOf(ipJSON(t, hostFD, "addr", "show", "dev", "host0"))
	slices.Sort(mine)
	slices.Sort(theirs)
	if !reflect.DeepEqual(mine, theirs) {
		t.Errorf("addr.List: %v, ip: %v", mine, theirs)
	}
	if err := addr.Delete(ctx, c, addr.Address{Index: int(host0.Index), Prefix: netip.MustParsePrefix("10.99.0.1/24")}); err != nil {
		t.Fatal(err)
	}
	if err := addr.Delete(ctx, c, addr.Address{Index: int(host0.Index), Prefix: netip.MustParsePrefix("10.99.0.1/24")}); !errors.Is(err, unix.EADDRNOTAVAIL) {
		t.Errorf("second Delete: %v, want EADDRNOTAVAIL", err)
	}
	if err := addr.Flush(ctx, c, "host0", 0); err != nil {
		t.Fatal(err)
	}
	if got := addrsOf(ipJSON(t, hostFD, "addr", "show", "dev", "host0")); len(got) != 0 {
		t.Errorf("after Flush host0 has %v", got)
	}

	// Change back, move, delete.
	if err := link.Set(ctx, c, "port0", link.Change{NoMaster: true, Up: new(false)}); err != nil {
		t.Fatal(err)
	}
	if err := link.Set(ctx, c, "ifb0", link.Change{NetNS: link.NetNSFD(blueFD)}); err != nil {
		t.Fatal(err)
	}
	if _, err := link.Get(ctx, cb, "ifb0"); err != nil {
		t.Errorf("ifb0 not moved: %v", err)
	}
	if err := link.Delete(ctx, c, "host0"); err != nil {
		t.Fatal(err)
	}
	if _, err := link.Get(ctx, cb, "ceth0"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("ceth0 after deleting host0: %v, want ENODEV", err)
	}
	if err := link.Delete(ctx, c, "host0"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("second Delete: %v, want ENODEV", err)
	}
}

func netHW(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	s := ""
	for i, c := range b {
		if i > 0 {
			s += ":"
		}
		s += fmt.Sprintf("%02x", c)
	}
	return s
}

// addrsOf collects "local/prefixlen" from `ip -j addr show` output,
// leaving out link-local IPv6 addresses.
func addrsOf(v []map[string]any) []string {
	var out []string
	for _, l := range v {
		infos, _ := l["addr_info"].([]any)
		for _, i := range infos {
			m := i.(map[string]any)
			if m["scope"] == "link" && m["family"] == "inet6" {
				continue
			}
			out = append(out, fmt.Sprintf("%v/%v", m["local"], m["prefixlen"]))
		}
	}
	return out
}
