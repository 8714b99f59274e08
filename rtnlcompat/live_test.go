package rtnlcompat

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/jsimonetti/rtnetlink/v2/driver"
	"golang.org/x/sys/unix"
)

// TestGipDoesNotLinkRtnetlink: rtnetlink is for Go programs and tests;
// the command line must not carry it.
func TestGipDoesNotLinkRtnetlink(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command here")
	}
	out, err := exec.Command("go", "list", "-deps", "-tags", "giplinkname", "github.com/gipnet/gip/cmd/gip").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range []string{"github.com/jsimonetti/rtnetlink", "github.com/gipnet/gip/rtnlcompat"} {
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, dep) {
				t.Errorf("cmd/gip depends on %s", line)
			}
		}
	}
}

// TestReadOnly runs against the test's own namespace and changes nothing:
// a dump decoded into rtnetlink's types, a refused GET as *rtnl.Error.
func TestReadOnly(t *testing.T) {
	c, err := rtnl.Dial(-1)
	if err != nil {
		t.Skipf("no rtnetlink socket: %v", err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sawLo := false
	for l, err := range Links(ctx, c) {
		if err != nil {
			t.Fatal(err)
		}
		if l.Index == 1 && l.Attributes != nil && l.Attributes.Name == "lo" {
			sawLo = true
		}
	}
	if !sawLo {
		t.Error("no lo at index 1 in the link dump")
	}
	err = Execute(ctx, c, unix.RTM_GETLINK, 0, &rtnetlink.LinkMessage{Index: 0x7fffffff})
	var e *rtnl.Error
	if !errors.As(err, &e) || !errors.Is(err, unix.ENODEV) {
		t.Errorf("GET of a missing index = %#v, want *rtnl.Error ENODEV", err)
	}
	m, err := Query(ctx, c, unix.RTM_GETLINK, 0, &rtnetlink.LinkMessage{Index: 1})
	if l, ok := m.(*rtnetlink.LinkMessage); err != nil || !ok || l.Attributes.Name != "lo" {
		t.Errorf("GET of index 1 = %#v, %v; want lo", m, err)
	}
	// The three rules every namespace starts with.
	tables := map[uint32]bool{}
	for r, err := range Rules(ctx, c, unix.AF_INET) {
		if err != nil {
			t.Fatal(err)
		}
		if r.Attributes != nil && r.Attributes.Table != nil {
			tables[*r.Attributes.Table] = true
		}
	}
	if !tables[unix.RT_TABLE_LOCAL] || !tables[unix.RT_TABLE_MAIN] || !tables[unix.RT_TABLE_DEFAULT] {
		t.Errorf("rule tables %v; want local, main and default", tables)
	}
	// Breaking out of a dump leaves c usable.
	for range Routes(ctx, c, unix.AF_UNSPEC) {
		break
	}
	if _, err := Query(ctx, c, unix.RTM_GETLINK, 0, &rtnetlink.LinkMessage{Index: 1}); err != nil {
		t.Errorf("GET after a broken-off dump: %v", err)
	}
}

// TestVethAcrossNamespaces creates a veth pair with its peer in another
// namespace, from rtnetlink's message types through gip's connection. It
// needs root and runs in namespaces of its own: the test re-runs itself
// under unshare(1), and the second namespace is a sleeping child's.
func TestVethAcrossNamespaces(t *testing.T) {
	if os.Getenv("GIP_RTNLCOMPAT_SANDBOX") == "" {
		if os.Geteuid() != 0 {
			t.Skip("needs root for its namespaces")
		}
		if _, err := exec.LookPath("unshare"); err != nil {
			t.Skip("no unshare(1)")
		}
		cmd := exec.Command("unshare", "--net", "--mount", "--propagation", "private", "--fork",
			os.Args[0], "-test.run=^TestVethAcrossNamespaces$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "GIP_RTNLCOMPAT_SANDBOX=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestVethAcrossNamespaces") {
			t.Fatalf("in the sandbox: %v\n%s", err, out)
		}
		return
	}
	sleeper := exec.Command("unshare", "--net", "sleep", "60")
	if err := sleeper.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { sleeper.Process.Kill(); sleeper.Wait() }()
	nsPath := "/proc/" + strconv.Itoa(sleeper.Process.Pid) + "/ns/net"
	// Wait until the child is in its own namespace.
	self, _ := os.Readlink("/proc/self/ns/net")
	for i := 0; ; i++ {
		if other, _ := os.Readlink(nsPath); other != "" && other != self {
			break
		}
		if i == 500 {
			t.Fatal("the child never entered a namespace of its own")
		}
		time.Sleep(10 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	here, err := rtnl.Dial(-1)
	if err != nil {
		t.Fatal(err)
	}
	defer here.Close()
	there, err := rtnl.DialNetNSPath(nsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer there.Close()
	nsFile, err := os.Open(nsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer nsFile.Close()

	veth := &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{
		Name: "host0",
		MTU:  1400,
		Info: &rtnetlink.LinkInfo{Kind: "veth", Data: &driver.Veth{
			PeerInfo: &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{
				Name:  "ceth0",
				NetNS: rtnetlink.NetNSForFD(uint32(nsFile.Fd())),
			}},
		}},
	}}
	if err := Execute(ctx, here, unix.RTM_NEWLINK, rtnl.Create|rtnl.Excl, veth); err != nil {
		t.Fatalf("creating the veth: %v", err)
	}
	// Again: the kernel's EEXIST, as *rtnl.Error.
	err = Execute(ctx, here, unix.RTM_NEWLINK, rtnl.Create|rtnl.Excl, veth)
	var e *rtnl.Error
	if !errors.As(err, &e) || !errors.Is(err, unix.EEXIST) {
		t.Errorf("second creation = %#v, want *rtnl.Error EEXIST", err)
	}
	// A kind the kernel refuses with a reason: the extended ack's text.
	bogus := &rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{
		Name: "x0", Info: &rtnetlink.LinkInfo{Kind: "no-such-kind"},
	}}
	err = Execute(ctx, here, unix.RTM_NEWLINK, rtnl.Create|rtnl.Excl, bogus)
	if !errors.As(err, &e) || e.Msg == "" {
		t.Errorf("an unknown kind = %#v, want an *rtnl.Error with the kernel's text", err)
	}

	names := func(c *rtnl.Conn) map[string]uint32 {
		m := map[string]uint32{}
		for l, err := range Links(ctx, c) {
			if err != nil {
				t.Fatal(err)
			}
			m[l.Attributes.Name] = l.Attributes.MTU
		}
		return m
	}
	if got := names(here); got["host0"] != 1400 || got["ceth0"] != 0 {
		t.Errorf("links here: %v; want host0 (mtu 1400) and no ceth0", got)
	}
	if got := names(there); got["ceth0"] == 0 || got["host0"] != 0 {
		t.Errorf("links in the other namespace: %v; want ceth0 and no host0", got)
	}
	// An address and a route through host0, with rtnetlink's messages.
	var index uint32
	for l, err := range Links(ctx, here) {
		if err == nil && l.Attributes.Name == "host0" {
			index = l.Index
		}
	}
	up := &rtnetlink.LinkMessage{Index: index, Flags: unix.IFF_UP, Change: unix.IFF_UP}
	if err := Execute(ctx, here, unix.RTM_NEWLINK, 0, up); err != nil {
		t.Fatalf("setting host0 up: %v", err)
	}
	address := &rtnetlink.AddressMessage{Family: unix.AF_INET, PrefixLength: 24, Index: index,
		Attributes: &rtnetlink.AddressAttributes{Address: net.IPv4(10, 99, 0, 1), Local: net.IPv4(10, 99, 0, 1)}}
	if err := Execute(ctx, here, unix.RTM_NEWADDR, rtnl.Create|rtnl.Excl, address); err != nil {
		t.Fatalf("adding 10.99.0.1/24: %v", err)
	}
	rtRoute := &rtnetlink.RouteMessage{Family: unix.AF_INET, DstLength: 16, Table: unix.RT_TABLE_MAIN,
		Protocol: unix.RTPROT_STATIC, Scope: unix.RT_SCOPE_UNIVERSE, Type: unix.RTN_UNICAST,
		Attributes: rtnetlink.RouteAttributes{Dst: net.IPv4(10, 50, 0, 0), Gateway: net.IPv4(10, 99, 0, 2), OutIface: index}}
	if err := Execute(ctx, here, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Excl, rtRoute); err != nil {
		t.Fatalf("adding 10.50.0.0/16 via 10.99.0.2: %v", err)
	}
	sawAddress := false
	for a, err := range Addresses(ctx, here, unix.AF_INET) {
		if err != nil {
			t.Fatal(err)
		}
		if a.Index == index && a.PrefixLength == 24 && a.Attributes.Local.Equal(net.IPv4(10, 99, 0, 1)) {
			sawAddress = true
		}
	}
	sawRoute := false
	for r, err := range Routes(ctx, here, unix.AF_INET) {
		if err != nil {
			t.Fatal(err)
		}
		if r.DstLength == 16 && r.Attributes.Dst.Equal(net.IPv4(10, 50, 0, 0)) &&
			r.Attributes.Gateway.Equal(net.IPv4(10, 99, 0, 2)) && r.Attributes.OutIface == index {
			sawRoute = true
		}
	}
	if !sawAddress || !sawRoute {
		t.Errorf("address listed %v, route listed %v; want both", sawAddress, sawRoute)
	}
	// gip's typed values through rtnetlink's messages, read back with
	// gip's own listings: a route of a table over 255 (RTA_TABLE), a
	// multipath route, an address.
	single := route.Route{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.60.0.0/16"),
		Gateway: netip.MustParseAddr("10.99.0.2"), OIF: int(index), Table: 1000, Protocol: unix.RTPROT_STATIC,
		Scope: unix.RT_SCOPE_UNIVERSE, Type: unix.RTN_UNICAST, Priority: 7}
	multi := route.Route{Family: unix.AF_INET, Dst: netip.MustParsePrefix("10.61.0.0/16"), Table: 1000,
		Protocol: unix.RTPROT_STATIC, Type: unix.RTN_UNICAST, Multipath: []route.NextHop{
			{Gateway: netip.MustParseAddr("10.99.0.2"), OIF: int(index), Weight: 3},
			{Gateway: netip.MustParseAddr("10.99.0.3"), OIF: int(index), Weight: 1},
		}}
	for _, r := range []route.Route{single, multi} {
		if err := Execute(ctx, here, unix.RTM_NEWROUTE, rtnl.Create|rtnl.Excl, RouteMessage(r)); err != nil {
			t.Fatalf("adding %v through RouteMessage: %v", r.Dst, err)
		}
	}
	listed, err := route.List(ctx, here, route.Filter{Family: unix.AF_INET, Table: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// host0's peer is down: the kernel marks the routes through it.
	single.Flags = unix.RTNH_F_LINKDOWN
	multi.Flags = unix.RTNH_F_LINKDOWN
	for i := range multi.Multipath {
		multi.Multipath[i].Flags = unix.RTNH_F_LINKDOWN
	}
	for _, want := range []route.Route{single, multi} {
		found := false
		for _, got := range listed {
			if got.Dst == want.Dst {
				found = true
				if !reflect.DeepEqual(got, want) {
					t.Errorf("route.List read back\n%+v\nwant\n%+v", got, want)
				}
			}
		}
		if !found {
			t.Errorf("route.List of table 1000 has no %v: %+v", want.Dst, listed)
		}
	}
	second := addr.Address{Index: int(index), Prefix: netip.MustParsePrefix("10.99.0.5/24"), Label: "host0:1",
		Broadcast: netip.MustParseAddr("10.99.0.255"), Flags: unix.IFA_F_NOPREFIXROUTE}
	if err := Execute(ctx, here, unix.RTM_NEWADDR, rtnl.Create|rtnl.Excl, AddressMessage(second)); err != nil {
		t.Fatalf("adding 10.99.0.5/24 through AddressMessage: %v", err)
	}
	addrs, err := addr.List(ctx, here, addr.Filter{Index: int(index), Family: unix.AF_INET})
	if err != nil {
		t.Fatal(err)
	}
	sawSecond := false
	for _, a := range addrs {
		if a.Prefix == second.Prefix {
			sawSecond = true
			want := second
			want.Flags |= unix.IFA_F_PERMANENT | unix.IFA_F_SECONDARY // the kernel's
			want.ValidLifetime, want.PreferredLifetime = addr.Forever, addr.Forever
			if !reflect.DeepEqual(a, want) {
				t.Errorf("addr.List read back %+v, want %+v", a, want)
			}
		}
	}
	if !sawSecond {
		t.Errorf("addr.List has no 10.99.0.5/24: %+v", addrs)
	}
	// The links rtnetlink decodes, converted, equal gip's own reading on
	// the fields both keep: in the other namespace, where nothing changes
	// (host0's state settles on its own time) and the counters stay.
	var decoded []*rtnetlink.LinkMessage
	for l, err := range Links(ctx, there) {
		if err != nil {
			t.Fatal(err)
		}
		decoded = append(decoded, l)
	}
	if len(decoded) != 2 {
		t.Errorf("%d links in the other namespace, want lo and ceth0", len(decoded))
	}
	for _, l := range decoded {
		conv := LinkFromMessage(l)
		own, err := link.GetByIndex(ctx, there, int(l.Index))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := carried(&conv), carried(&own); !reflect.DeepEqual(got, want) {
			t.Errorf("%s through rtnetlink and LinkFromMessage:\n%+v\nlink.GetByIndex:\n%+v", own.Name, got, want)
		}
	}
	// Deleting by index, through rtnetlink's message.
	if err := Execute(ctx, here, unix.RTM_DELLINK, 0, &rtnetlink.LinkMessage{Index: index}); err != nil {
		t.Fatalf("deleting host0: %v", err)
	}
	if got := names(there); got["ceth0"] != 0 {
		t.Errorf("ceth0 outlived its peer: %v", got)
	}
}
