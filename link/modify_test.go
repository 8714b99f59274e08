package link

import (
	"bufio"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cmdline"
	"golang.org/x/sys/unix"
)

// testParser resolves the devices of the sandbox the golden requests were
// captured in (lo 1, e1 2, e0 3) and nothing else.
func testParser(msgType uint16, create bool, family uint8) *Parser {
	return &Parser{
		MsgType: msgType,
		Create:  create,
		Family:  family,
		Stdout:  io.Discard,
		Stderr:  io.Discard,
		Index: func(name string) int32 {
			return map[string]int32{"lo": 1, "e1": 2, "e0": 3}[name]
		},
		AddrLen: func(string) int { return 6 },
		NetNS:   func(string) (int, error) { return -1, unix.ENOENT },
		NetNSID: func(string) int32 { return -1 },
		Usage:   cmdline.Usage,
	}
}

// buildCommand parses words as `ip [-6] link VERB …` would.
func buildCommand(words []string) ([]byte, error) {
	var family uint8
	if len(words) > 0 && words[0] == "-6" {
		family, words = unix.AF_INET6, words[1:]
	}
	if len(words) < 2 || words[0] != "link" {
		return nil, errors.New("not an ip link command")
	}
	msgType, create := uint16(unix.RTM_NEWLINK), false
	switch verb := words[1]; {
	case cmdline.Matches(verb, "add"), cmdline.Matches(verb, "replace"):
		create = true
	case cmdline.Matches(verb, "delete"):
		msgType = unix.RTM_DELLINK
	}
	return testParser(msgType, create, family).Build(cmdline.NewArgs(words[2:]))
}

// TestBuildGolden compares request bodies with the ones iproute2 6.1 sent
// for the same commands (testdata/*-requests.tsv: name, command, the
// RTM_*LINK body after the netlink header, captured with strace).
func TestBuildGolden(t *testing.T) {
	for _, file := range []string{"testdata/modify-requests.tsv", "testdata/tunnel-requests.tsv", "testdata/missing-kinds-requests.tsv"} {
		testBuildGoldenFile(t, file)
	}
}

func testBuildGoldenFile(t *testing.T, file string) {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 {
			t.Fatalf("%s: bad golden line %q", file, sc.Text())
		}
		name, cmd, want := fields[0], fields[1], fields[2]
		n++
		t.Run(name, func(t *testing.T) {
			body, err := buildCommand(strings.Fields(cmd))
			if err != nil {
				t.Fatalf("Build(%q) failed: %v", cmd, err)
			}
			if got := hex.EncodeToString(body); got != want {
				t.Errorf("Build(%q) =\n%s\nwant\n%s", cmd, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatalf("%s: no golden requests", file)
	}
}

// TestBuildErrors checks the failures parsing decides, with their messages
// and exit statuses as iproute2 prints them.
func TestBuildErrors(t *testing.T) {
	checkBuildErrors(t, []buildError{
		{"link add", 1, `Not enough information: "type" argument is required`},
		{"link add foo type", 255, `Command line is not complete. Try option "help"`},
		{"link add foo type foo bar", 1, `Garbage instead of arguments "bar ...". Try "ip link help".`},
		{"link set", 255, `Not enough information: "dev" argument is required.`},
		{"link set nosuch up", 1, `Cannot find device "nosuch"`},
		{"link set dev lo dev lo2", 255, `Error: either "dev" is duplicate, or "lo2" is a garbage.`},
		{"link add v0 type veth peer v1 type veth", 255, `Error: duplicate "type": "veth" is the second value.`},
		{"link add v0 mtu x type veth", 255, "Error: argument \"x\" is wrong: Invalid \"mtu\" value\n"},
		{"link add v0 mtu 1 mtu 2 type veth", 255, `Error: duplicate "mtu": "2" is the second value.`},
		{"link add v0 address 02:zz type veth", 1, `"zz" is invalid lladdr.`},
		{"link add a type veth", 1, `"type" is invalid lladdr.`},
		{"link add n0 name n1 type veth", 255, `both "name" and "dev" cannot be used when creating devices.`},
		{"link set lo master nosuch", 255, "Error: argument \"nosuch\" is wrong: Device does not exist\n"},
		{"link set lo multicast maybe", 1, `Error: argument of "multicast" must be "on" or "off", not "maybe"`},
		{"link set lo carrier maybe", 22, `Error: argument of "carrier" must be one of "off", "on", not "maybe"`},
		{"link set lo index 5", 255, "index can be used only when creating devices or when moving device to another netns."},
		{"link add group 5 type veth", 255, "group cannot be used when creating devices."},
		{"link set lo type veth peer name zz", 1, `Cannot find device "zz"`},
		{"link add mv0 link nosuch type macvlan", 1, `Cannot find device "nosuch"`},
		{"link add vx type vxlan dstport 1", 1, "vxlan: missing virtual network identifier"},
		{"link add vx type vxlan id 5 dev nosuch", 255, `Cannot find device "nosuch"`},
		{"link add vx type vxlan id 5 group 239.1.1.1", 1, "vxlan: 'group' requires 'dev' to be specified"},
		{"link add vx type vxlan id 5 remote 239.1.1.1", 255, "Error: argument \"239.1.1.1\" is wrong: invalid remote address"},
		{"link add vx type vxlan id 5 remote ::1 local 1.2.3.4", 1, `Error: inet6 address is expected rather than "1.2.3.4".`},
		{"link add vx type vxlan id 5 learning nolearning", 255, `Error: either "nolearning" is duplicate, or "nolearning" is a garbage.`},
		{"link add b0 type bridge hello_time x", 255, "Error: argument \"x\" is wrong: invalid hello_time"},
		{"link add mv type macvlan mode foo", 1, `Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "foo"`},
		{"link set e0 xdp foo", 255, `What mode is "foo"?`},
		{"link set e0 xdp off mtu 1400", 255, `What mode is "off"?`},
		{"link set e0 xdp", 255, `Command line is not complete. Try option "help"`},
		{"link set e0 xdp pinned", 255, `Command line is not complete. Try option "help"`},
		{"link set xdpoffload off", 255, `Command line is not complete. Try option "help"`},
		{"link set e0 vf 0", 255, `Command line is not complete. Try option "help"`},
		{"link set vf 0 dev e0", 255, `Error: argument "dev" is required`},
		{"link set e0 vf x", 255, "Error: argument \"x\" is wrong: Invalid \"vf\" value\n"},
		{"link set e0 vf 0 vlan 4096", 255, "Error: argument \"4096\" is wrong: Invalid \"vlan\" value\n"},
		{"link set e0 vf 0 vlan 5 proto ip", 255, "Error: argument \"ip\" is wrong: protocol is invalid\n"},
		{"link set e0 vf 0 state on", 255, "Error: argument \"on\" is wrong: Invalid \"state\" value\n"},
		{"link set e0 vf 0 trust maybe", 1, `Error: argument of "trust" must be one of "off", "on", not "maybe"`},
		{"link set e0 vf 0 node_guid 1:2", 255, "Error: argument \"1:2\" is wrong: Invalid GUID format\n"},
		{"link set e0 vf 0 mac 02:00:00:00:00:00:01", 1, "Invalid address length 7 - must be 6 bytes"},
		{"link set e0 vf 0 min_tx_rate 60 max_tx_rate 50", 1, "Invalid min_tx_rate 60 - must be <= max_tx_rate 50"},
		{"link set e0 group nosuch", 255, "Error: argument \"nosuch\" is wrong: Invalid \"group\" value\n"},
		{"link add g0 type gre remote 1.2.3.x", 1, `Error: inet address is expected rather than "1.2.3.x".`},
		{"link add g0 type gre key 1.2.x", 1, `Error: an IP address is expected rather than "1.2.x"`},
		{"link add g0 type gre key foo", 255, `invalid value for "key": "foo"; it should be an unsigned integer`},
		{"link add g0 type gretap remote 239.1.1.1", 1, "A broadcast tunnel requires a source address."},
		{"link add t0 type ipip ttl 5 nopmtudisc", 255, "ttl != 0 and nopmtudisc are incompatible"},
		{"link add g0 type erspan erspan 0", 255, "Error: argument \"0\" is wrong: erspan index must be > 0 and <= 20-bit\n"},
		{"link set e0 type gre ttl 5", 1, "Failed to get existing tunnel info."},
		{"link add t0 type ipip mode ip6ip", 255, "Error: argument \"ip6ip\" is wrong: Cannot guess tunnel mode."},
		{"link add t0 type sit 6rd-prefix 10.0.0.0/8", 1, `Error: inet6 prefix is expected rather than "10.0.0.0/8".`},
		{"link add gn type geneve id 5", 1, "geneve: remote link partner not specified"},
		{"link add gn type geneve remote 1.2.3.4", 1, "geneve: missing virtual network identifier"},
		{"link add gn type geneve external id 5", 1, "geneve: both 'external' and vni cannot be specified"},
		{"link add gn type geneve id 5 id 6", 255, `Error: either "id" is duplicate, or "6" is a garbage.`},
		{"link add gn type geneve id 5 remote 239.1.1.1", 255, "Error: argument \"239.1.1.1\" is wrong: invalid remote address"},
		{"link add vrf0 type vrf table x", 255, "Error: argument \"x\" is wrong: invalid table ID\n"},
		{"link add mv link e0 type macvlan macaddr add 02:00:00:00:00:00:07", 1, ""},
		{"link add mv link e0 type macvlan macaddr set 02:00:00:00:00:01 mode:1 foo", 1, `Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "foo"`},
		{"link set e0 address 0:1:2:3:4:5:6:7:8:9:a:b:c:d:e:f:10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:1e:1f:20", 1, "Invalid address length 33 - must be 6 bytes"},
		{"link add iv link e0 type ipvlan mode l9", 1, `Error: argument of "mode" must be either "l2", "l3" or "l3s"`},
	})
}

// buildError is a command whose parsing fails, with the exit status and
// message iproute2 gave for it ("" where it printed a usage text).
type buildError struct {
	cmd  string
	code int
	msg  string
}

func checkBuildErrors(t *testing.T, tests []buildError) {
	t.Helper()
	for _, tt := range tests {
		_, err := buildCommand(strings.Fields(tt.cmd))
		var ce *cmdline.Error
		if !errors.As(err, &ce) {
			t.Errorf("buildCommand(%q) = %v, want exit %d %q", tt.cmd, err, tt.code, tt.msg)
			continue
		}
		if ce.Code != tt.code || ce.Msg != tt.msg {
			t.Errorf("buildCommand(%q) = exit %d %q, want exit %d %q", tt.cmd, ce.Code, ce.Msg, tt.code, tt.msg)
		}
	}
}

// TestBuildFatal checks which failures end a -batch: those where iproute2
// exits from inside its parser (exit, invarg, get_addr) rather than
// returning to the batch loop.
func TestBuildFatal(t *testing.T) {
	tests := []struct {
		cmd   string
		fatal bool
	}{
		{"link set", true},
		{"link set e0 index 5", true},
		{"link add n0 name n1 type veth", true},
		{"link add group 5 type veth", true},
		{"link set group 5 type veth foo", true},
		{"link set e0 type bridge_slave learning maybe", true},
		{"link add vx type vxlan id 5 dev nosuch", true},
		{"link add vx type vxlan id 5 remote x", true},
		{"link add b0 type bond arp_ip_target 1.2.3.x", true},
		{"link add b0 type bond ns_ip6_target x", true},
		{"link set nosuch up", false},
		{"link set e0 multicast maybe", false},
		{"link add vx type vxlan dstport 1", false},
		{"link add mv type macvlan mode foo", false},
		{"link add mv type macvlan macaddr add 02:00", false},
	}
	for _, tt := range tests {
		_, err := buildCommand(strings.Fields(tt.cmd))
		var ce *cmdline.Error
		if !errors.As(err, &ce) {
			t.Errorf("buildCommand(%q) = %v, want a cmdline.Error", tt.cmd, err)
			continue
		}
		if ce.Fatal != tt.fatal {
			t.Errorf("buildCommand(%q): Fatal = %v, want %v", tt.cmd, ce.Fatal, tt.fatal)
		}
	}
}

// FuzzBuild feeds arbitrary words to the parser (never to a kernel): it
// must return a body or an error, never panic.
func FuzzBuild(f *testing.F) {
	f.Add("link add v0 type veth peer name v1 netns x mtu 5")
	f.Add("link set e0 type bridge_slave state 3 backup_port e1")
	f.Add("link add vx type vxlan id 1 remote 1.2.3.4 srcport 1 2 tos inherit")
	f.Add("link add b type bridge no_linklocal_learn 1 group_address 1.2.3.4")
	f.Add("link set e0 type macvlan macaddr set 1:2:3:4:5:6 x")
	f.Add("link set e0 protodown_reason 3 on addrgenmode random")
	f.Add("link set e0 vf 0 vlan 1 proto 802.1ad vlan 2 rate 3 max_tx_rate 4 node_guid 0")
	f.Add("link set e0 xdpgeneric pinned /x section s program p verbose")
	f.Add("link add g0 type erspan erspan 1 erspan_ver 2 key 1.2.3.4 remote 239.0.0.1")
	f.Add("link add s0 type sit 6rd-prefix 2002::/16 6rd-relay_prefix 1.2.3.4/8 mode any")
	f.Add("link add g type geneve id 1 remote ::1 external ttl auto")
	f.Add("link add link e0 m type macsec address 1:2 port 1 cipher default replay on window 3 validate c")
	f.Add("link add g type gtp role sgsn hsize 5 restart_count 1 x")
	f.Add("link add link e0 i type ipoib pkey 0x8001 mode connected umcast 1")
	f.Add("link add v type vxcan peer name w mtu 16 up")
	f.Add("link set e0 type can bitrate 1 sample-point 0.5 dtq 1 tdcv 1 tdc-mode auto fd on restart")
	f.Add("link add d type dsa conduit e0")
	f.Add("link add r type rmnet mux_id 1")
	f.Add("link add w type wwan linkid 1")
	f.Fuzz(func(t *testing.T, cmd string) {
		_, _ = buildCommand(strings.Split(cmd, " "))
	})
}
