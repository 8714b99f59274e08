// Package randcmd generates random command lines for ip, bridge and brctl
// from a description of iproute2 6.1's and bridge-utils 1.7's grammar, for
// the differential random run in integration (TestRandomCommands). Lines
// are mostly well formed, with keywords abbreviated and in other cases,
// and some are bent: values swapped for edge values (empty words, huge and
// negative numbers, invalid UTF-8, overlong names, odd addresses), an
// argument dropped, a keyword repeated, an unknown word put in.
//
// The same seed gives the same lines. Nothing it generates may reach
// outside the sandbox it runs in: network namespaces are named, never given
// as a pid or a path (pid 1's namespace is the host's), and no line carries
// a route encap's *_opts words (on kernel 6.18 they trip a kernel bug that
// holds RTNL until reboot).
package randcmd

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
)

// Line is one generated command.
type Line struct {
	Cmd string // the shell command line
	Tag string // the grammar rule it came from and what was bent: "ip route add", "brctl setfd +edge"
}

// Prelude is the state every chunk starts from, set up with the reference
// tools so that it is the same in both runs: two veth pairs (one end in
// ns1), a bridge with a port, a vxlan, a tap, IPv4 and IPv6 addresses,
// routes in two tables, neighbours, a rule and an fdb entry.
//
// Two things in it keep the kernel's timing out of the state:
//   - v2 and v3 come first, so both have ifindex 2. A veth whose peer is
//     in another namespace is LOWERLAYERDOWN or DOWN depending on the
//     carrier of the link with the peer's ifindex in its own namespace
//     (the kernel looks the peer's index up there), as linkwatch finds it
//     up to a second later: made after v0 and v1, v2 looked at v1, which
//     was still coming up. Now it finds itself, and is DOWN.
//   - the static fdb entry goes in before any port is up, and a datagram
//     from v0 then makes br0 learn v0's MAC at once: the bridge lists its
//     entries newest first, and the learned one used to arrive before or
//     after the static one with v0's first IPv6 packets.
var Prelude = []string{
	"/usr/sbin/ip netns add ns1",
	"/usr/sbin/ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04 netns ns1",
	"/usr/sbin/ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
	"/usr/sbin/ip link add br0 address 02:00:00:00:00:10 type bridge",
	"/usr/sbin/ip link set v1 master br0",
	"/usr/sbin/ip tuntap add tap0 mode tap",
	"/usr/sbin/ip link add vx0 address 02:00:00:00:00:05 type vxlan id 42 dstport 4789 dev v0",
	"/usr/sbin/ip link set tap0 address 02:00:00:00:00:06",
	"/usr/sbin/bridge fdb add 02:00:00:00:00:aa dev v1 master static",
	"printf 'link set lo up\\nlink set v0 up\\nlink set v1 up\\nlink set br0 up\\nlink set v2 up\\n" +
		"addr add 10.0.0.1/24 dev v0\\naddr add 2001:db8::1/64 dev v0 nodad\\naddr add 10.1.0.1/16 brd + dev br0 label br0:1\\naddr add 10.2.0.1/24 dev v2\\n" +
		"route add 192.168.5.0/24 via 10.0.0.2\\nroute add 10.9.0.0/16 dev v0 table 100\\nroute add 2001:db8:5::/48 via 2001:db8::2 dev v0\\n" +
		"neigh add 10.0.0.2 lladdr 02:00:00:00:00:07 dev v0\\nneigh add 2001:db8::2 lladdr 02:00:00:00:00:08 dev v0 nud reachable\\n" +
		"rule add from 10.0.0.0/24 table 100 pref 1000\\n' > prelude; /usr/sbin/ip -batch prelude",
	"echo > /dev/udp/10.0.0.2/9",
}

// Gen generates lines from one seed.
type Gen struct {
	r *rand.Rand
	// links is the pool $LNK draws from while a link-cache batch is being
	// built: the prelude's links, index names, and every name the batch
	// has made, renamed to or given as an altname so far. Nil otherwise.
	links []string
}

// New returns a generator; the same seed gives the same lines.
func New(seed uint64) *Gen {
	return &Gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// word is one word of a command being built.
type word struct {
	text  string
	kw    bool   // a keyword: may be abbreviated or case-changed
	class string // for a value: its class (for edge values), "" for keywords
}

// rule is one production: a tool, the words that name it, and its slots.
// A slot is alternatives separated by '|', each a sequence of words; a
// word "$CLASS" is a value of that class, any other word a keyword. A slot
// starting with '?' is optional, with '*' repeated 0–3 times (each time a
// fresh alternative), with '+' 1–3 times.
type rule struct {
	tool   string // ip, bridge, brctl
	name   string // for the tag
	weight int
	slots  []string
}

// The abbreviation rule applies to ip and bridge keywords; brctl compares
// whole words, so its keywords are only bent, never abbreviated.

var ipRules = []rule{
	// ip link
	{"ip", "link show", 6, []string{"link", "?show|list|lst", "*dev $DEV|$DEV|group $GROUP|up|master $DEV|type $KIND|nomaster|vrf $DEV|alias $TEXT"}},
	{"ip", "link add", 4, []string{"link", "add", "?link $DEV", "?name", "$NEWNAME", "*address $MAC|mtu $NUM|txqueuelen $NUM|numtxqueues $NUM|numrxqueues $NUM|group $GROUP|alias $TEXT|gso_max_size $NUM|gro_max_size $NUM|netns $NS|master $DEV|up|arp off|multicast on",
		"type", "veth|veth peer name $NEWNAME|veth peer $NEWNAME address $MAC|bridge|bridge stp_state $BOOL forward_delay $NUM|bridge ageing_time $NUM vlan_filtering $BOOL|vxlan id $NUM|vxlan id $NUM dstport $PORT dev $DEV|vxlan id $NUM remote $ADDR4 local $ADDR4|vxlan id $NUM group $ADDR6 dev $DEV ttl $NUM|macvlan mode bridge|macvlan mode private|macvtap mode vepa|ifb|dummy|vlan id $NUM|bond mode $NUM|tun|$KIND"}},
	{"ip", "link set", 6, []string{"link", "set|change", "?dev", "$DEV", "+up|down|arp $ONOFF|multicast $ONOFF|allmulticast $ONOFF|promisc $ONOFF|dynamic $ONOFF|trailers $ONOFF|txqueuelen $NUM|txqlen $NUM|name $NEWNAME|address $MAC|broadcast $MAC|mtu $NUM|netns $NS|alias $TEXT|group $GROUP|master $DEV|nomaster|addrgenmode $GENMODE|protodown $ONOFF|carrier $ONOFF|state $WORD|link-netnsid $NUM|gso_max_segs $NUM|type bridge_slave cost $NUM|type bridge_slave learning $ONOFF|type bridge forward_delay $NUM|type vxlan ttl $NUM|xdp off"}},
	{"ip", "link del", 3, []string{"link", "del|delete", "?dev", "$DEV", "?type $KIND|group $GROUP"}},
	{"ip", "link property", 2, []string{"link", "property", "add|del", "dev", "$DEV", "altname", "$NEWNAME"}},
	{"ip", "link xstats", 1, []string{"link", "xstats", "?type bridge|type bridge_slave|type $KIND", "?dev $DEV"}},
	{"ip", "link afstats", 1, []string{"link", "afstats", "?dev $DEV"}},
	// ip address
	{"ip", "addr show", 6, []string{"address", "?show|list|lst", "*dev $DEV|$DEV|scope $SCOPE|to $PFX|label $TEXT|dynamic|permanent|tentative|-tentative|deprecated|dadfailed|home|nodad|primary|secondary|up|master $DEV|type $KIND|nomaster|vrf $DEV"}},
	{"ip", "addr add", 6, []string{"address", "add|change|replace|del|delete", "$PFX", "*peer $PFX|broadcast $ADDR4|broadcast +|broadcast -|brd +|anycast $ADDR|label $TEXT|scope $SCOPE|valid_lft $LFT|preferred_lft $LFT|home|nodad|mngtmpaddr|noprefixroute|autojoin|metric $NUM|proto $PROTO", "?dev", "$DEV", "*valid_lft forever|noprefixroute|metric $NUM"}},
	{"ip", "addr flush", 3, []string{"address", "flush", "*dev $DEV|scope $SCOPE|to $PFX|label $TEXT|permanent|dynamic|secondary|primary|up"}},
	{"ip", "addr save", 1, []string{"address", "save", "*dev $DEV|to $PFX|scope $SCOPE", "> saved"}},
	// ip route
	{"ip", "route show", 6, []string{"route", "?show|list|lst", "*table $TABLE|type $RTYPE|proto $PROTO|scope $SCOPE|dev $DEV|via $ADDR|src $PFX|root $PFX|match $PFX|exact $PFX|$PFX|tos $NUM|cache|cloned|realm $NUM|metric $NUM"}},
	{"ip", "route add", 6, []string{"route", "add|del|delete|change|replace|append|prepend|test", "?$RTYPE", "$PFX|default", "*via $ADDR|dev $DEV|src $ADDR|table $TABLE|proto $PROTO|scope $SCOPE|metric $NUM|mtu $NUM|mtu lock $NUM|advmss $NUM|onlink|tos $NUM|realm $NUM|pref low|pref medium|pref high|pref $WORD|expires $NUM|initcwnd $NUM|hoplimit $NUM|congctl reno|nexthop via $ADDR dev $DEV|nexthop via $ADDR dev $DEV weight $NUM nexthop dev $DEV|nhid $NUM|encap mpls $NUM|encap ip id $NUM dst $ADDR4|encap seg6 mode encap segs $ADDR6|ttl-propagate enabled|features ecn|fastopen_no_cookie $BOOL|quickack $BOOL"}},
	{"ip", "route get", 4, []string{"route", "get", "?to", "$ADDR|$PFX", "*from $ADDR|iif $DEV|oif $DEV|tos $NUM|mark $NUM|uid $NUM|fibmatch|connected|vrf $DEV|sport $PORT|dport $PORT|ipproto $PROTO|as $ADDR"}},
	{"ip", "route flush", 3, []string{"route", "flush", "*table $TABLE|dev $DEV|proto $PROTO|scope $SCOPE|type $RTYPE|via $ADDR|cache|$PFX|root $PFX"}},
	{"ip", "route save", 1, []string{"route", "save", "*table $TABLE|dev $DEV", "> saved"}},
	// ip neighbour
	{"ip", "neigh show", 4, []string{"neighbour", "?show|list|lst", "*dev $DEV|to $PFX|$ADDR|nud $NUD|proxy|unused|vrf $DEV|nomaster"}},
	{"ip", "neigh add", 4, []string{"neighbour", "add|change|replace|del|delete", "?to", "$ADDR", "*lladdr $MAC|nud $NUD|router|proxy|extern_learn|managed|protocol $PROTO", "?dev", "$DEV"}},
	{"ip", "neigh flush", 2, []string{"neighbour", "flush", "*dev $DEV|to $PFX|nud $NUD|proxy|unused"}},
	{"ip", "neigh get", 2, []string{"neighbour", "get", "$ADDR", "dev", "$DEV", "?proxy"}},
	// ip rule
	{"ip", "rule show", 3, []string{"rule", "?show|list|lst", "*from $PFX|to $PFX|iif $DEV|oif $DEV|table $TABLE|lookup $TABLE|pref $NUM|priority $NUM|fwmark $MARK|protocol $PROTO|not|l3mdev|uidrange $RANGE|ipproto $PROTO|sport $PORT|dport $PORT|tos $NUM|dsfield $NUM|all"}},
	{"ip", "rule add", 4, []string{"rule", "add|del|delete", "*not|from $PFX|to $PFX|iif $DEV|oif $DEV|pref $NUM|priority $NUM|order $NUM|fwmark $MARK|tos $NUM|dsfield $NUM|protocol $PROTO|uidrange $RANGE|ipproto $PROTO|sport $PORTRANGE|dport $PORTRANGE|realms $NUM|goto $NUM|nop|suppress_prefixlength $NUM|suppress_ifgroup $GROUP|type $RULETYPE|l3mdev", "?table $TABLE|lookup $TABLE|unreachable|blackhole|prohibit"}},
	{"ip", "rule flush", 1, []string{"rule", "flush", "*pref $NUM|table $TABLE|protocol $PROTO"}},
	{"ip", "rule save", 1, []string{"rule", "save", "> saved"}},
	// ip netns
	{"ip", "netns list", 2, []string{"netns", "?list|show|list-id|lst", "*target-nsid $NUM|nsid $NUM"}},
	{"ip", "netns add", 2, []string{"netns", "add|delete|del", "$NS"}},
	{"ip", "netns set", 1, []string{"netns", "set", "$NS", "$NSID"}},
	{"ip", "netns pids", 1, []string{"netns", "pids|identify", "?$NS"}},
	{"ip", "netns exec", 2, []string{"netns", "exec", "$NS", "ip", "link|addr|-br link|route|neigh|-j addr show dev lo|link set lo up|addr add 10.3.0.1/24 dev lo"}},
	// ip tuntap
	{"ip", "tuntap add", 2, []string{"tuntap", "add|del|delete", "?dev", "$NEWNAME", "?mode", "tun|tap|$WORD", "*user $NUM|group $NUM|one_queue|pi|vnet_hdr|multi_queue|name $NEWNAME"}},
	{"ip", "tuntap show", 2, []string{"tuntap", "?show|list|lst", "?dev $DEV"}},
	// ip nexthop
	{"ip", "nexthop show", 3, []string{"nexthop", "?show|list|lst", "*id $NUM|dev $DEV|groups|fdb|master $DEV|vrf $DEV|protocol $PROTO"}},
	{"ip", "nexthop add", 4, []string{"nexthop", "add|replace|del|delete", "id", "$NHID", "*via $ADDR|dev $DEV|onlink|blackhole|fdb|protocol $PROTO|group $NHGROUP|type mpath|type resilient|buckets $NUM|idle_timer $NUM|unbalanced_timer $NUM|encap mpls $NUM|encap seg6 mode encap segs $ADDR6"}},
	{"ip", "nexthop get", 2, []string{"nexthop", "get", "id", "$NHID"}},
	{"ip", "nexthop flush", 1, []string{"nexthop", "flush", "*id $NHID|dev $DEV|groups|protocol $PROTO"}},
	{"ip", "nexthop bucket", 1, []string{"nexthop", "bucket", "?show|list|get", "*id $NHID|nhid $NHID|index $NUM|dev $DEV"}},
	{"ip", "route nhid", 2, []string{"route", "add|replace|del", "$PFX", "nhid", "$NHID", "?table $TABLE|metric $NUM|proto $PROTO"}},
	// the smaller objects
	{"ip", "maddress", 2, []string{"maddress", "?show|list|add|del|delete", "?$MAC|$ADDR", "?dev $DEV"}},
	{"ip", "addrlabel", 2, []string{"addrlabel", "?list|add|del|delete|flush", "*prefix $PFX|dev $DEV|label $NUM"}},
	{"ip", "netconf", 2, []string{"netconf", "?show|list", "?dev $DEV"}},
	{"ip", "ntable", 2, []string{"ntable", "?show|list|change", "*name $NTABLE|dev $DEV|thresh1 $NUM|base_reachable $NUM|retrans $NUM|gc_stale $NUM|queue $NUM|app_probes $NUM|mcast_probes $NUM|proxy_delay $NUM|locktime $NUM"}},
	{"ip", "token", 1, []string{"token", "?list|get|set|del|delete", "?$ADDR6|::1/64", "?dev $DEV"}},
	{"ip", "tcp_metrics", 2, []string{"tcp_metrics|tcpmetrics", "?show|list|flush|delete", "*$ADDR|address $PFX|src $PFX"}},
	{"ip", "stats", 2, []string{"stats", "?show|set", "*dev $DEV|group link|group offload|group xstats|group xstats_slave|group afstats|subgroup $WORD|suite $WORD|l3_stats $ONOFF"}},
	{"ip", "mroute", 1, []string{"mroute", "?show|list", "*table $TABLE|iif $DEV|from $PFX|to $PFX"}},
	{"ip", "vrf", 1, []string{"vrf", "?show|list|identify|pids", "?$DEV|$NUM"}},
	// tunnels, IPsec and the generic netlink objects
	{"ip", "tunnel show", 2, []string{"tunnel", "?show|list", "?$DEV|dev $DEV|mode $TUNMODE"}},
	{"ip", "tunnel add", 3, []string{"tunnel", "add|change|del|delete", "?name", "$NEWNAME", "*mode $TUNMODE|remote $ADDR|local $ADDR|ttl $NUM|tos $NUM|dev $DEV|key $NUM|ikey $NUM|okey $NUM|csum|icsum|ocsum|seq|nopmtudisc|pmtudisc|ignore-df|encaplimit $NUM|flowlabel $NUM|hoplimit $NUM|allow-localremote|external"}},
	{"ip", "tunnel prl", 1, []string{"tunnel", "prl", "*prl-default $ADDR4|prl-nodefault $ADDR4|prl-delete $ADDR4|dev $DEV"}},
	{"ip", "xfrm state", 3, []string{"xfrm", "state", "?list|count|flush|deleteall|get|delete|allocspi|add|update", "*src $ADDR|dst $ADDR|proto esp|proto ah|proto comp|spi $NUM|mode transport|mode tunnel|reqid $NUM|min $NUM max $NUM|replay-window $NUM|flag noecn|auth sha256 0x0102030405060708|enc aes 0x00112233445566778899aabbccddeeff|aead rfc4106(gcm(aes)) 0x0011223344556677889900112233445566778899 128|if_id $NUM|mark $MARK"}},
	{"ip", "xfrm policy", 3, []string{"xfrm", "policy", "?list|count|flush|deleteall|get|delete|add|update", "*src $PFX|dst $PFX|dir in|dir out|dir fwd|proto tcp|dport $PORT|priority $NUM|index $NUM|action allow|action block|ptype main|ptype sub|if_id $NUM|mark $MARK|tmpl src $ADDR dst $ADDR proto esp mode tunnel level use"}},
	{"ip", "mptcp", 2, []string{"mptcp", "endpoint|limits", "?show|add|del|delete|change|flush|set", "*id $NUM|$ADDR|dev $DEV|port $PORT|signal|subflow|backup|fullmesh|nobackup|subflows $NUM|add_addr_accepted $NUM"}},
	{"ip", "sr", 1, []string{"sr", "tunsrc|hmac", "?show|set", "?$ADDR6|$NUM sha1|$NUM sha256"}},
	{"ip", "ioam", 1, []string{"ioam", "namespace|schema", "?show|add|del", "?$NUM", "*data $NUM|wide $NUM|schema $NUM|none"}},
	{"ip", "l2tp", 1, []string{"l2tp", "show|add|del", "tunnel|session", "*tunnel_id $NUM|peer_tunnel_id $NUM|session_id $NUM|peer_session_id $NUM|remote $ADDR|local $ADDR|encap udp|encap ip|udp_sport $PORT|udp_dport $PORT|name $NEWNAME"}},
	{"ip", "fou", 1, []string{"fou", "show|add|del", "*port $PORT|ipproto $NUM|gue|local $ADDR|peer $ADDR|peer_port $PORT|dev $DEV|-6"}},
	{"ip", "ila", 1, []string{"ila", "list|add|del", "*loc_match $ILALOC|loc $ILALOC|dev $DEV|csum-mode adj-transport|ident-type luid|hook-type output"}},
	{"ip", "macsec", 1, []string{"macsec", "show|add|set|del|offload", "?$DEV", "*tx sa $NUM|rx sci $NUM|pn $NUM|on|off|key 01 $KEY"}},
	// the front end
	{"ip", "help", 1, []string{"?link|address|route|neighbour|rule|netns|tuntap|nexthop|maddress|addrlabel|netconf|ntable|token|tcp_metrics|stats|mroute|vrf|tunnel|xfrm|mptcp|sr|ioam|l2tp|fou|ila|macsec|$WORD", "help|$WORD"}},
}

var bridgeRules = []rule{
	{"bridge", "fdb show", 4, []string{"fdb", "?show|list", "*dev $DEV|br $DEV|brport $DEV|vlan $NUM|state $WORD|dynamic"}},
	{"bridge", "fdb add", 4, []string{"fdb", "add|append|del|delete|replace", "$MAC", "dev", "$DEV", "*self|master|local|permanent|static|dynamic|router|use|extern_learn|sticky|dst $ADDR|vlan $NUM|port $PORT|vni $NUM|src_vni $NUM|via $DEV"}},
	{"bridge", "fdb get", 2, []string{"fdb", "get", "$MAC", "br|dev|brport", "$DEV", "*vlan $NUM|vni $NUM|self|master|dynamic"}},
	{"bridge", "link show", 3, []string{"link", "?show|list|lst", "?dev $DEV"}},
	{"bridge", "vlan show", 2, []string{"vlan", "?show|list|tunnelshow|global", "*dev $DEV|vid $NUM"}},
	{"bridge", "vlan add", 3, []string{"vlan", "add|del|delete|set", "vid", "$VLAN", "dev", "$DEV", "*pvid|untagged|self|master|tunnel_info id $NUM|state $WORD|mcast_router $NUM"}},
	{"bridge", "mdb", 2, []string{"mdb", "?show|add|del|delete", "*dev $DEV|port $DEV|grp $ADDR|permanent|temp|vid $NUM|src $ADDR"}},
	{"bridge", "vni", 1, []string{"vni", "?show|add|del", "*dev $DEV|vni $NUM|group $ADDR"}},
	{"bridge", "link set", 2, []string{"link", "set", "dev", "$DEV", "+cost $NUM|priority $NUM|state $NUM|guard $ONOFF|hairpin $ONOFF|fastleave $ONOFF|root_block $ONOFF|learning $ONOFF|flood $ONOFF|mcast_flood $ONOFF|neigh_suppress $ONOFF|isolated $ONOFF|backup_port $DEV|nobackup_port|self|master"}},
}

var brctlRules = []rule{
	{"brctl", "brctl show", 4, []string{"show", "*$DEV"}},
	{"brctl", "brctl addbr", 2, []string{"addbr|delbr", "$NEWNAME|$DEV"}},
	{"brctl", "brctl addif", 2, []string{"addif|delif", "$DEV", "$DEV"}},
	{"brctl", "brctl set", 5, []string{"setageing|setfd|sethello|setmaxage|setbridgeprio", "$DEV", "$FLOAT"}},
	{"brctl", "brctl setport", 3, []string{"setpathcost|setportprio", "$DEV", "$DEV", "$NUM"}},
	{"brctl", "brctl stp", 2, []string{"stp|hairpin", "$DEV", "?$DEV", "$ONOFF|yes|no|1|0"}},
	{"brctl", "brctl showmacs", 3, []string{"showmacs|showstp", "$DEV"}},
	{"brctl", "brctl other", 1, []string{"?$WORD|help|-V|--version"}},
}

// Global options, each a list of words.
var ipOptions = [][]string{
	{"-4"}, {"-6"}, {"-0"}, {"-o"}, {"-oneline"}, {"-br"}, {"-brief"}, {"-j"}, {"-json"}, {"-p"}, {"-pretty"},
	{"-d"}, {"-details"}, {"-s"}, {"-stats"}, {"-s", "-s"}, {"-n", "ns1"}, {"-netns", "ns1"}, {"-c"}, {"-color=always"},
	{"-N"}, {"-a"}, {"-h"}, {"-iec"}, {"-f", "inet"}, {"-family", "inet6"}, {"-f", "link"}, {"-f", "bridge"},
	{"-B"}, {"-M"}, {"-l", "1"}, {"-loops", "0"}, {"-rc", "65536"}, {"-force"}, {"-echo"}, {"-t"}, {"-ts"},
}

var bridgeOptions = [][]string{
	{"-s"}, {"-d"}, {"-j"}, {"-p"}, {"-c"}, {"-n", "ns1"}, {"-o"}, {"-4"}, {"-6"}, {"-compressvlans"}, {"-force"}, {"-statistics"},
}

// Values of each class; edge values are drawn for any class now and then.
var values = map[string][]string{
	"DEV":       {"lo", "v0", "v1", "br0", "vx0", "tap0", "v2", "br0:1", "nosuch", "v0", "br0", "v1"},
	"NEWNAME":   {"n0", "n1", "v9", "br1", "t0", "v0", "lo", "x.y", "a:b", "eth0", "bridgename16chr"},
	"NS":        {"ns1", "ns2", "ns3", "nosuchns"},
	"NSID":      {"0", "1", "7", "auto", "-1", "-2", "2147483647", "x"},
	"MAC":       {"02:00:00:00:00:aa", "02:00:00:00:00:bb", "02:00:00:00:00:01", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "01:00:5e:00:00:01", "02:00:00:00:00", "2:0:0:0:0:cc", "02-00-00-00-00-dd", "020000000000ee"},
	"ADDR4":     {"10.0.0.2", "10.0.0.1", "10.0.0.9", "192.168.5.1", "10.1.2.3", "127.0.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1", "10.0.0", "10.0.0.256", "010.000.000.011", "0x0a000001", "10"},
	"ADDR6":     {"2001:db8::2", "2001:db8::1", "::1", "::", "fe80::1", "ff02::1", "2001:db8::ffff:1.2.3.4", "2001:db8:::1", "2001:db8::g"},
	"PFX4":      {"10.0.0.0/24", "10.0.0.5/24", "10.4.0.0/16", "192.168.7.0/24", "10.0.0.7/32", "0.0.0.0/0", "10.5.0.0/33", "10.6.0.0/-1", "10.7.0.0/", "10/8", "default", "all", "any"},
	"PFX6":      {"2001:db8::/64", "2001:db8:1::5/64", "2001:db8::9/128", "::/0", "2001:db8::/129", "fe80::/10"},
	"GROUP":     {"0", "1", "default", "42", "4294967295", "nosuchgroup"},
	"KIND":      {"veth", "bridge", "vxlan", "tun", "macvlan", "dummy", "vlan", "bond", "bridge_slave", "ifb", "nosuchkind"},
	"TEXT":      {"alias1", "br0:1", "v0", "x y", "*", "br0*", "lbl"},
	"NUM":       {"0", "1", "2", "7", "42", "100", "1000", "1280", "1500", "65535", "65536", "4294967295", "0x10", "010"},
	"FLOAT":     {"0", "1", "2", "4", "15", "20", "30", "300", "0.5", "2.75", "1e1", "1.5e2", ".5", "5.", "0x10", "1,5", "  7", "7x"},
	"PORT":      {"0", "53", "4789", "65535", "65536"},
	"PORTRANGE": {"53", "1000-2000", "2000-1000", "1-", "-5"},
	"RANGE":     {"0-0", "1000-2000", "5", "2-1"},
	"MARK":      {"1", "0x10", "0x10/0xff", "5/", "/5"},
	"BOOL":      {"0", "1", "2"},
	"ONOFF":     {"on", "off", "On", "OFF", "yes", "1"},
	"GENMODE":   {"eui64", "none", "stable_secret", "random", "EUI64"},
	"SCOPE":     {"global", "link", "host", "site", "nowhere", "0", "253", "255", "256", "univ"},
	"TABLE":     {"main", "local", "default", "all", "100", "200", "0", "4294967295", "unspec"},
	"PROTO":     {"kernel", "boot", "static", "dhcp", "ra", "redirect", "zebra", "bird", "0", "255", "256", "tcp", "udp", "icmp", "6"},
	"RTYPE":     {"unicast", "local", "broadcast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "anycast"},
	"RULETYPE":  {"unicast", "blackhole", "unreachable", "prohibit", "nat", "goto"},
	"NUD":       {"permanent", "noarp", "stale", "reachable", "none", "probe", "delay", "failed", "incomplete", "all"},
	"LFT":       {"forever", "100", "0", "4294967295", "200sec", "-1"},
	"WORD":      {"testing", "up", "dormant", "x", "help", "foo"},
	"NHID":      {"1", "2", "3", "10", "100", "0", "4294967295"},
	"NHGROUP":   {"1/2", "1,2/2,3", "1", "10/11", "1/1", "2,255/3"},
	"NTABLE":    {"arp_cache", "ndisc_cache", "nosuch"},
	"TUNMODE":   {"gre", "ipip", "sit", "isatap", "vti", "ip6ip6", "ipip6", "ip6gre", "vti6", "any", "nosuch"},
	"ILALOC":    {"2001:0:0:1", "2001:0:0:2", "1:2:3:4:5"},
	"KEY":       {"00112233445566778899aabbccddeeff", "0011", "zz"},
	"VLAN":      {"1", "10", "100-110", "4094", "4095", "0"},
	"ADDR":      nil, // ADDR4 or ADDR6
	"PFX":       nil, // PFX4 or PFX6
}

// Edge values: what a script gets wrong.
var edgeValues = []string{
	"", "", " ", "-1", "-0", "+1", "0", "00", "0x", "0x0", "0xffffffff", "4294967296", "18446744073709551615",
	"18446744073709551616", "99999999999999999999", "1e9", "1.5", "nan", "inf", "-inf", "NaN", "INF",
	"\xff", "a\xffb", "nan\xa4\xa1", "INF\xff\xff", "infinity\xff", "te\xc5\xbfting", "\xc3\xa9",
	"0123456789abcdef", "0123456789abcdefg", strings.Repeat("n", 64), strings.Repeat("x", 300),
	"/", "a/b", "..", ".", "*", "?", "%s", "%n", "\\", "'", "\"", "a b", "\t", "-", "--", "help",
	"dev", "all", "any", "default", "none", "1/2", "1.2.3.4/", "::/", "1.2.3.4/24/8",
}

// Words put in at random: keywords of other commands and plain junk.
var junkWords = []string{"dev", "to", "from", "via", "table", "type", "up", "down", "name", "foo", "1", "", "--", "-s", "help", "all", "lo", "@", "\xff"}

// namespace-safe classes: never a number, a path or a pid.
var nsSafe = []string{"", "", "\xff", "ns1", "NS1", strings.Repeat("n", 300), "a b", "-", "nosuchns", ".", ".."}

var unsafeOpts = regexp.MustCompile(`(?i)(vx|ge|er)[a-z]*_?o|_opts`)

// Safe reports whether a generated line may be sent: no route encap line
// may carry anything that could be read as vxlan_opts, geneve_opts or
// erspan_opts.
func Safe(cmd string) bool {
	l := strings.ToLower(cmd)
	if strings.Contains(l, "_opts") {
		return false
	}
	if strings.Contains(l, "enc") {
		for _, w := range strings.Fields(l) {
			w = strings.Trim(w, `'"$`)
			if strings.HasPrefix(w, "vx") || strings.HasPrefix(w, "ge") || strings.HasPrefix(w, "er") || unsafeOpts.MatchString(w) {
				return false
			}
		}
	}
	return true
}

func (g *Gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *Gen) chance(p float64) bool { return g.r.Float64() < p }

// Lines returns n generated lines.
func (g *Gen) Lines(n int) []Line {
	out := make([]Line, 0, n)
	for len(out) < n {
		l := g.line()
		if Safe(l.Cmd) {
			out = append(out, l)
		}
	}
	return out
}

func (g *Gen) line() Line {
	for {
		if l, ok := g.try(); ok {
			return l
		}
	}
}

// try generates one line; ok is false when it must not be sent.
func (g *Gen) try() (l Line, ok bool) {
	switch x := g.r.IntN(100); {
	case x < 66:
		return g.fromRules("ip", ipRules, ipOptions)
	case x < 78:
		return g.fromRules("bridge", bridgeRules, bridgeOptions)
	case x < 91:
		return g.fromRules("brctl", brctlRules, nil)
	case x < 94:
		return g.batch()
	default:
		return g.cacheBatch()
	}
}

// namedNS is every word the generator may give as a network namespace.
var namedNS = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range append(values["NS"], nsSafe...) {
		m[v] = true
	}
	return m
}()

// netnsNamed reports whether every word that could be read as the keyword
// netns (any abbreviation, any case) is followed by a namespace name the
// generator made, never by a number or a path: `ip link set v0 netns 1`
// would move v0 into pid 1's namespace, the host's.
func netnsNamed(ws []word) bool {
	for i, w := range ws {
		k := strings.ToLower(w.text)
		if k == "" || !(strings.HasPrefix("netns", k) || strings.HasPrefix("link-netns", k) && len(k) > 5) {
			continue
		}
		if i+1 < len(ws) && !namedNS[ws[i+1].text] {
			return false
		}
	}
	return true
}

// batch writes a few ip command lines to a file and runs ip -batch on it.
func (g *Gen) batch() (Line, bool) {
	file, tag, ok := g.batchFile("ip -batch", 1+g.r.IntN(4), func(int) []rule { return ipRules })
	if !ok {
		return Line{}, false
	}
	opts := ""
	if g.chance(0.3) {
		opts = "-force "
	}
	return Line{Cmd: "printf '%s' " + quote(file) + " > b1; ip " + opts + "-batch b1", Tag: tag}, true
}

// churnRules change which link a name or an index stands for: a link
// deleted (a veth with its peer), added, renamed, moved away, given an
// altname. $LNK is a name of the batch's pool, $LNEW a name that joins it.
var churnRules = []rule{
	{"ip", "link del", 4, []string{"link", "del|delete", "?dev", "$LNK"}},
	{"ip", "link add veth", 4, []string{"link", "add", "?name", "$LNEW", "type", "veth", "?peer name $LNEW"}},
	{"ip", "link add", 2, []string{"link", "add", "?name", "$LNEW", "type", "dummy|bridge|ifb"}},
	{"ip", "link add link", 1, []string{"link", "add", "link", "$LNK", "?name", "$LNEW", "type", "vlan id 5|macvlan mode bridge"}},
	{"ip", "link rename", 4, []string{"link", "set", "?dev", "$LNK", "?down", "name", "$LNEW"}},
	{"ip", "link set netns", 1, []string{"link", "set", "?dev", "$LNK", "netns", "ns1"}},
	{"ip", "link altname", 1, []string{"link", "property", "add|del", "dev", "$LNK", "altname", "$LNEW"}},
}

// cachedRules name a link, by name or as ifN: each object that resolves a
// device name (through the cache, or by a dump that fills it) is here.
var cachedRules = []rule{
	{"ip", "link set", 4, []string{"link", "set", "?dev", "$LNK", "up|down|mtu 1400|alias cached|master br0|nomaster|txqlen 100|arp off"}},
	{"ip", "link show", 4, []string{"link", "?show", "?dev", "$LNK"}},
	{"ip", "link show master", 1, []string{"link", "?show", "master|vrf", "$LNK"}},
	{"ip", "addr add", 3, []string{"address", "add|del|replace", "10.8.0.1/24|10.8.1.1/24|2001:db8:8::1/64", "dev", "$LNK"}},
	{"ip", "addr show", 3, []string{"address", "?show", "?dev", "$LNK"}},
	{"ip", "addr flush", 1, []string{"address", "flush", "dev", "$LNK"}},
	{"ip", "route add", 3, []string{"route", "add|replace|del|append", "10.9.1.0/24|2001:db8:9::/64|default", "dev", "$LNK", "?table 100|metric 5|via 10.0.0.2"}},
	{"ip", "route show", 2, []string{"route", "?show", "dev|oif", "$LNK", "?table all"}},
	{"ip", "route get", 2, []string{"route", "get", "10.0.0.2|10.9.1.1|2001:db8::2", "oif|iif", "$LNK"}},
	{"ip", "neigh add", 3, []string{"neighbour", "add|replace|del", "10.0.0.3|2001:db8::3", "?lladdr 02:00:00:00:01:01", "dev", "$LNK"}},
	{"ip", "neigh show", 2, []string{"neighbour", "?show", "dev", "$LNK"}},
	{"ip", "nexthop add", 2, []string{"nexthop", "add|replace", "id", "7|8", "dev", "$LNK", "?via 10.0.0.2 onlink|blackhole"}},
	{"ip", "nexthop show", 1, []string{"nexthop", "?show", "dev", "$LNK"}},
	{"ip", "rule add", 2, []string{"rule", "add|del", "iif|oif", "$LNK", "table", "100", "pref", "2000|2001"}},
	{"ip", "rule show", 1, []string{"rule", "?show", "?iif|oif", "?$LNK"}},
	{"ip", "small objects", 2, []string{"maddress show dev|netconf show dev|stats show dev|tuntap show dev|link xstats dev|link afstats dev|ntable show dev", "$LNK"}},
}

// cacheLinks are the names a link-cache batch starts from: the prelude's
// links, links it does not have, and ifN names, which iproute2 reads as
// an index (v1 is 3, v0 4, br0 5, vx0 7 in the prelude; 8 and on are the
// batch's own).
var cacheLinks = []string{"v0", "v1", "br0", "vx0", "tap0", "v2", "lo", "n0", "n1", "if3", "if4", "if8", "if9"}

// cacheNew are the names a batch makes links under: the prelude's own too,
// so a deleted link's name comes back on another index.
var cacheNew = []string{"n0", "n1", "n2", "v0", "v1", "br0", "p0", "p1"}

// cacheBatch writes an ip -batch file that churns links between lines that
// name them, so that iproute2's link cache (kept for the whole batch, a
// name resolved once standing for its index until ip itself changes that
// link) is compared with gip's: a veth deleted through its peer, a link
// renamed and a name reused, an index named after its link went away.
func (g *Gen) cacheBatch() (Line, bool) {
	g.links = append([]string(nil), cacheLinks...)
	defer func() { g.links = nil }()
	file, tag, ok := g.batchFile("ip -batch links", 4+g.r.IntN(7), func(i int) []rule {
		// Churn on about a third of the lines, never first: a name is
		// best looked up (cached) before its link changes.
		if i > 0 && g.chance(0.35) {
			return churnRules
		}
		return cachedRules
	})
	if !ok {
		return Line{}, false
	}
	opts := ""
	// Without -force the batch stops at its first error, which in a churn
	// is soon.
	if g.chance(0.7) {
		opts = "-force "
	}
	if g.chance(0.2) {
		opts += g.pick([]string{"-d ", "-br ", "-j ", "-o ", "-s "})
	}
	return Line{Cmd: "printf '%s' " + quote(file) + " > b1; ip " + opts + "-batch b1", Tag: tag}, true
}

// batchFile builds the n lines of a batch file, line i from one of
// rulesFor(i), and the line's tag ("+bent" for each bent line); ok is
// false when a line names a namespace by pid or path.
func (g *Gen) batchFile(tag string, n int, rulesFor func(i int) []rule) (file, lineTag string, ok bool) {
	var cmds []string
	for i := range n {
		ws, t := g.build(g.pickRule(rulesFor(i)))
		if !netnsNamed(ws) {
			return "", "", false
		}
		cmds = append(cmds, join(ws))
		if strings.Contains(t, "+") {
			tag += " +bent"
		}
	}
	return strings.Join(cmds, "\n") + "\n", tag, true
}

func (g *Gen) pickRule(rules []rule) rule {
	total := 0
	for _, r := range rules {
		total += r.weight
	}
	x := g.r.IntN(total)
	for _, r := range rules {
		if x < r.weight {
			return r
		}
		x -= r.weight
	}
	return rules[0]
}

func (g *Gen) fromRules(tool string, rules []rule, opts [][]string) (Line, bool) {
	r := g.pickRule(rules)
	ws, tag := g.build(r)
	if !netnsNamed(ws) {
		return Line{}, false
	}
	var pre []word
	if opts != nil {
		for range g.r.IntN(3) {
			for i, o := range g.pick2(opts) {
				pre = append(pre, word{text: o, kw: i == 0})
			}
		}
	}
	all := append(pre, ws...)
	return Line{Cmd: tool + " " + join(all), Tag: tag}, true
}

func (g *Gen) pick2(s [][]string) []string { return s[g.r.IntN(len(s))] }

// build expands a rule and bends it now and then.
func (g *Gen) build(r rule) ([]word, string) {
	var ws []word
	for _, s := range r.slots {
		reps := 1
		switch s[0] {
		case '?':
			s = s[1:]
			if g.chance(0.5) {
				reps = 0
			}
		case '*':
			s = s[1:]
			reps = g.r.IntN(4)
		case '+':
			s = s[1:]
			reps = 1 + g.r.IntN(3)
		}
		alts := strings.Split(s, "|")
		for range reps {
			for _, w := range strings.Fields(g.pick(alts)) {
				ws = append(ws, g.expand(w))
			}
		}
	}
	tag := r.name
	abbrev := r.tool != "brctl"
	// Keywords: abbreviated (ip, bridge) and case-changed.
	for i := range ws {
		if !ws[i].kw || ws[i].text == ">" {
			continue
		}
		if abbrev && g.chance(0.15) && len(ws[i].text) > 1 {
			full := ws[i].text
			ws[i].text = full[:1+g.r.IntN(len(full)-1)]
			if r.tool == "ip" && i == 0 {
				ws[i].text = objectAbbrev(full, ws[i].text)
			}
		}
		if g.chance(0.05) {
			ws[i].text = g.recase(ws[i].text)
			tag += " +case"
		}
	}
	// Bends: at most two per line, on a third of the lines; on a tenth in
	// a link-cache batch, whose point is the order of well-formed lines.
	bend := 0.35
	if g.links != nil {
		bend = 0.1
	}
	if g.chance(bend) {
		for range 1 + g.r.IntN(2) {
			switch g.r.IntN(6) {
			case 0, 1, 2: // a value becomes an edge value
				var vi []int
				for i, w := range ws {
					if !w.kw {
						vi = append(vi, i)
					}
				}
				if len(vi) > 0 {
					i := vi[g.r.IntN(len(vi))]
					ws[i].text = g.edge(ws[i].class)
					tag += " +edge"
				}
			case 3: // drop the last word (a missing argument)
				if len(ws) > 1 && ws[len(ws)-1].text != "saved" {
					ws = ws[:len(ws)-1]
					tag += " +drop"
				}
			case 4: // repeat a keyword and its value
				for range 5 {
					if len(ws) == 0 {
						break
					}
					i := g.r.IntN(len(ws))
					if ws[i].kw && i+1 < len(ws) && !ws[i+1].kw && ws[i].text != ">" {
						ws = append(ws, ws[i], ws[i+1])
						tag += " +repeat"
						break
					}
				}
			case 5: // an unknown word somewhere
				i := g.r.IntN(len(ws) + 1)
				j := word{text: g.pick(junkWords), kw: true}
				ws = append(ws[:i], append([]word{j}, ws[i:]...)...)
				tag += " +junk"
			}
		}
	}
	// Redirections stay last.
	for i, w := range ws {
		if w.text == ">" && i != len(ws)-2 {
			ws = append(ws[:i], ws[i+1:]...)
			break
		}
	}
	return ws, tag
}

// ipObjects is iproute2 6.1's table of ip objects, in its order: an
// abbreviation names the first one it is a prefix of.
var ipObjects = []string{
	"address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour", "ntable", "ntbl",
	"link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap", "token", "tcpmetrics",
	"tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr", "nexthop",
	"mptcp", "ioam", "help", "stats",
}

// notInGip are the objects gip does not implement yet: an abbreviation of
// a generated object must not land on one of them, or the line tests
// nothing. gip has every object of iproute2 6.1's ip now; the map stays
// for the day iproute2 grows one.
var notInGip = map[string]bool{}

// objectAbbrev lengthens ab, an abbreviation of the ip object full, until
// the object it names in iproute2's table is not one gip lacks.
func objectAbbrev(full, ab string) string {
	for n := len(ab); n < len(full); n++ {
		ab = full[:n]
		first := ""
		for _, o := range ipObjects {
			if strings.HasPrefix(o, ab) {
				first = o
				break
			}
		}
		if !notInGip[first] && first != "monitor" {
			return ab
		}
	}
	return full
}

func (g *Gen) recase(s string) string {
	switch g.r.IntN(3) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		b := []byte(s)
		for i := range b {
			if g.chance(0.5) && b[i] >= 'a' && b[i] <= 'z' {
				b[i] -= 'a' - 'A'
			}
		}
		return string(b)
	default:
		// a non-ASCII letter that folds to an ASCII one (ſ → s, K → k)
		if i := strings.IndexAny(s, "sk"); i >= 0 {
			r := "\u017f"
			if s[i] == 'k' {
				r = "\u212a"
			}
			return s[:i] + r + s[i+1:]
		}
		return strings.ToUpper(s)
	}
}

func (g *Gen) expand(w string) word {
	if w == ">" {
		return word{text: ">", kw: true}
	}
	if w == "saved" {
		return word{text: "saved", class: "FILE"}
	}
	if !strings.HasPrefix(w, "$") {
		return word{text: w, kw: true}
	}
	class := w[1:]
	switch class {
	case "LNK":
		pool := g.links
		if pool == nil {
			pool = values["DEV"]
		}
		// Names the batch made or renamed to come up more often: they
		// are the ones whose index changes.
		if n := len(pool) - len(cacheLinks); n > 0 && g.chance(0.5) {
			return word{text: g.pick(pool[len(cacheLinks):]), class: "DEV"}
		}
		return word{text: g.pick(pool), class: "DEV"}
	case "LNEW":
		v := g.pick(cacheNew)
		g.links = append(g.links, v)
		return word{text: v, class: "NEWNAME"}
	}
	return word{text: g.value(class), class: class}
}

func (g *Gen) value(class string) string {
	switch class {
	case "ADDR":
		if g.chance(0.7) {
			class = "ADDR4"
		} else {
			class = "ADDR6"
		}
	case "PFX":
		if g.chance(0.7) {
			class = "PFX4"
		} else {
			class = "PFX6"
		}
	}
	if class == "NS" {
		if g.chance(0.1) {
			return g.pick(nsSafe)
		}
		return g.pick(values[class])
	}
	if g.chance(0.05) {
		return g.edge(class)
	}
	v, ok := values[class]
	if !ok {
		panic(fmt.Sprintf("randcmd: no values for class %q", class))
	}
	return g.pick(v)
}

// edge returns an edge value for a class; namespaces only get names.
func (g *Gen) edge(class string) string {
	if class == "NS" || class == "FILE" {
		return g.pick(nsSafe)
	}
	if class == "DEV" || class == "NEWNAME" {
		switch g.r.IntN(4) {
		case 0:
			return ""
		case 1:
			return g.pick([]string{strings.Repeat("d", 15), strings.Repeat("d", 16), strings.Repeat("d", 256), "V0", "v0 ", "lo\xff"})
		}
	}
	return g.pick(edgeValues)
}

func join(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w.text == ">" {
			b.WriteString(">")
			continue
		}
		b.WriteString(quote(w.text))
	}
	return b.String()
}

// quote makes a word one bash word: bare when it is plain, '…' when it
// has no quote or control or non-ASCII byte, else $'…' with escapes.
func quote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:+,=@%", r))
	}) < 0 {
		return s
	}
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '\'' {
			plain = false
			break
		}
	}
	if plain {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
