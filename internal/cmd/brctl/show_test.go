package brctl

import (
	"github.com/gipnet/gip/bridge"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestFormatShow(t *testing.T) {
	br0 := &bridge.Link{Name: "br0", Bridge: bridge.Info{BridgeID: bridge.ID{0x80, 0, 0x82, 0x8b, 0xf1, 0x84, 0x51, 0x3d}}}
	br1 := &bridge.Link{Name: "br1", Bridge: bridge.Info{BridgeID: bridge.ID{0x80, 0}, STPState: 1}}
	tests := []struct {
		name    string
		entries []showEntry
		want    string
	}{
		{"none", nil, ""},
		{"no ports", []showEntry{{name: "br1", link: br1}},
			"bridge name\tbridge id\t\tSTP enabled\tinterfaces\n" +
				"br1\t\t8000.000000000000\tyes\t\t\n"},
		{"ports", []showEntry{{name: "br0", link: br0, ports: []string{"B1", "a1", "v1"}}, {name: "br1", link: br1}},
			"bridge name\tbridge id\t\tSTP enabled\tinterfaces\n" +
				"br0\t\t8000.828bf184513d\tno\t\tB1\n" +
				"\t\t\t\t\t\t\ta1\n" +
				"\t\t\t\t\t\t\tv1\n" +
				"br1\t\t8000.000000000000\tyes\t\t\n"},
	}
	for _, tt := range tests {
		if got := formatShow(tt.entries); got != tt.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

func TestPortOrder(t *testing.T) {
	links := []*bridge.Link{
		{Index: 5, Name: "v1", Master: 2, SlaveKind: "bridge"},
		{Index: 6, Name: "a1", Master: 2, SlaveKind: "bridge"},
		{Index: 7, Name: "B1", Master: 2, SlaveKind: "bridge"},
		{Index: 8, Name: "a0", Master: 3, SlaveKind: "bridge"},
		{Index: 9, Name: "bond-slave", Master: 2, SlaveKind: "bond"},
	}
	got := names(bridge.PortsOf(links, 2))
	want := []string{"B1", "a1", "v1"}
	if len(got) != len(want) {
		t.Fatalf("got %v want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v want %v", got, want)
		}
	}
}

func TestFormatSTP(t *testing.T) {
	id := bridge.ID{0x80, 0, 2, 0, 0, 0, 0, 1}
	br := &bridge.Info{BridgeID: id, RootID: id, MaxAge: 2000, HelloTime: 200, ForwardDelay: 1500,
		BridgeMaxAge: 2000, BridgeHelloTime: 200, BridgeForwardDelay: 1500,
		AgeingTime: 30000, GCTimer: 29895}
	ports := []*bridge.Link{{Name: "lan1", Port: bridge.PortInfo{No: 2, ID: 0x8002, DesignatedPort: 0x8002,
		State: 3, PathCost: 2, DesignatedRoot: id, DesignatedBridge: id, ForwardDelayTimer: 1396, Hairpin: 1}}}
	want := "br0\n" +
		" bridge id\t\t8000.020000000001\n" +
		" designated root\t8000.020000000001\n" +
		" root port\t\t   0\t\t\tpath cost\t\t   0\n" +
		" max age\t\t  20.00\t\t\tbridge max age\t\t  20.00\n" +
		" hello time\t\t   2.00\t\t\tbridge hello time\t   2.00\n" +
		" forward delay\t\t  15.00\t\t\tbridge forward delay\t  15.00\n" +
		" ageing time\t\t 300.00\n" +
		" hello timer\t\t   0.00\t\t\ttcn timer\t\t   0.00\n" +
		" topology change timer\t   0.00\t\t\tgc timer\t\t 298.95\n" +
		" flags\t\t\t\n\n\n" +
		"lan1 (2)\n" +
		" port id\t\t8002\t\t\tstate\t\t     forwarding\n" +
		" designated root\t8000.020000000001\tpath cost\t\t   2\n" +
		" designated bridge\t8000.020000000001\tmessage age timer\t   0.00\n" +
		" designated port\t8002\t\t\tforward delay timer\t  13.96\n" +
		" designated cost\t   0\t\t\thold timer\t\t   0.00\n" +
		" flags\t\t\t\n hairpin mode\t\t   1\n\n"
	if got := formatSTP("br0", br, ports); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestFormatMACs(t *testing.T) {
	e := []fdbEntry{
		{mac: [6]byte{0x9e, 0x97, 6, 0x1f, 0xb0, 0xa5}, portNo: 1, local: true},
		{mac: [6]byte{2, 0, 0, 0, 0, 2}, portNo: 2, ageing: 3},
		{mac: [6]byte{2, 0, 0, 0, 0, 1}, portNo: 2, local: true},
	}
	sortFDB(e)
	want := "port no\tmac addr\t\tis local?\tageing timer\n" +
		"  2\t02:00:00:00:00:01\tyes\t\t   0.00\n" +
		"  2\t02:00:00:00:00:02\tno\t\t   0.03\n" +
		"  1\t9e:97:06:1f:b0:a5\tyes\t\t   0.00\n"
	if got := formatMACs(e); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestIoctlFallback checks which device brctl's ioctl fallback reaches for
// a name sysfs does not know, and the order it lists the ports in.
func TestIoctlFallback(t *testing.T) {
	br0 := &bridge.Link{Index: 4, Name: "br0", Kind: "bridge"}
	v0 := &bridge.Link{Index: 3, Name: "v0", Kind: "veth"}
	pa := &bridge.Link{Index: 7, Name: "a9", Master: 4, SlaveKind: "bridge", Port: bridge.PortInfo{No: 3}}
	pb := &bridge.Link{Index: 8, Name: "v1", Master: 4, SlaveKind: "bridge", Port: bridge.PortInfo{No: 1}}
	links := []*bridge.Link{v0, br0, pa, pb}
	for _, tt := range []struct {
		name  string
		sysfs bool
		want  *bridge.Link
		errno unix.Errno
	}{
		{"br0", true, br0, 0},
		{"br0:1", false, br0, 0},
		{"br0:", false, br0, 0},
		{":1", false, nil, unix.ENODEV},
		{"v0:x", false, v0, unix.EOPNOTSUPP},
		{"nosuch:1", false, nil, unix.ENODEV},
		{"br0xxxxxxxxxxxxxxxxxx", false, nil, unix.ENODEV},
		{"", false, nil, unix.ENODEV},
	} {
		if got := bridge.SysfsBridge(links, tt.name) != nil; got != tt.sysfs {
			t.Errorf("bridge.SysfsBridge(%q) = %v, want %v", tt.name, got, tt.sysfs)
		}
		if got, errno := bridge.IoctlBridge(links, tt.name); got != tt.want || errno != tt.errno {
			t.Errorf("bridge.IoctlBridge(%q) = %v, %v; want %v, %v", tt.name, got, errno, tt.want, tt.errno)
		}
	}
	if got := names(bridge.PortsByNumber(links, 4)); strings.Join(got, " ") != "v1 a9" {
		t.Errorf("bridge.PortsByNumber = %v, want by port number: v1 a9", got)
	}
	if got := names(bridge.PortsOf(links, 4)); strings.Join(got, " ") != "a9 v1" {
		t.Errorf("bridge.PortsOf = %v, want by name: a9 v1", got)
	}
}
