# The smaller ip objects as their man pages and how-tos show them:
# ip-token(8) ("ip token set ::1a:2b:3c:4d/64 dev eth4", get, list),
# ip-addrlabel(8) and RFC 6724 label tweaks (::ffff:0:0/96 label 4),
# ip-tcp_metrics(8) (show address PREFIX, flush all, delete), ip-ntable(8)
# (change thresholds and per-device timers), ip-netconf(8), ip-maddress(8)
# (33:33:... on a port), ip-stats(8) (group link / offload, l3_stats) and
# ip-vrf(8), whose vrf devices this kernel refuses; each in the output
# modes scripts ask for (-j, -o, -br, -s). A neighbour table's reachable
# time is drawn at random around base_reachable, and counters count the
# sandbox's own traffic: both are masked.
/usr/sbin/ip link add eth4 address 02:00:00:00:00:04 type veth peer name eth5 address 02:00:00:00:00:05
/usr/sbin/ip link set eth4 up
/usr/sbin/ip link set eth5 up
ip token set ::1a:2b:3c:4d/64 dev eth4
ip token get dev eth4
ip token list
ip -j token list
ip token set ::5/64 dev eth5
ip token
ip token del dev eth5
ip token set ::1/64 dev nope
ip addrlabel add prefix ::ffff:0:0/96 label 4
ip addrlabel add prefix 2001:db8::/32 label 99
ip addrlabel add prefix fc00::/7 dev eth4 label 13
ip addrlabel list
ip -j addrlabel list
ip addrlabel del prefix ::ffff:0:0/96 label 4
ip addrlabel flush
ip addrlabel
/usr/sbin/ip addr add 10.9.0.1/24 dev eth4
/usr/sbin/ip neigh add 10.9.0.2 lladdr 02:00:00:00:00:05 dev eth4
ip tcp_metrics show
ip tcp_metrics show address 192.168.0.0/24
ip tcpm flush all
ip -s tcp_metrics
ip tcp_metrics delete address 10.9.0.2
ip -6 tcp_metrics flush
ip ntable change name arp_cache thresh1 1024 thresh2 2048 thresh3 4096
ip ntable change name arp_cache dev eth4 base_reachable 60000 gc_stale 120000 retrans 2000
ip ntable change name ndisc_cache dev eth4 queue 201 app_probes 1
ip ntable show name arp_cache dev eth4 | sed 's/ reachable [0-9]*/ reachable R/; s/"reachable":[0-9]*/"reachable":R/'
ip ntable show dev eth4 | grep -v -e '^ *$' -e 'stats' | sed 's/ reachable [0-9]*/ reachable R/; s/"reachable":[0-9]*/"reachable":R/'
ip -j ntable show name ndisc_cache dev eth4 | sed 's/ reachable [0-9]*/ reachable R/; s/"reachable":[0-9]*/"reachable":R/'
ip -s ntable show name arp_cache dev eth4 | grep -v '^ *stats\|^ *[0-9]' | sed 's/ reachable [0-9]*/ reachable R/; s/"reachable":[0-9]*/"reachable":R/'
ip netconf show dev eth4
ip -4 netconf show dev eth4
ip -6 netconf show dev eth4
ip -j netconf show dev lo
ip netconf show dev nope
ip maddr add 33:33:00:00:00:01 dev eth4
ip maddr add 01:00:5e:00:00:fb dev eth4
ip maddr show dev eth4
ip -4 maddr show dev eth4
ip -6 maddr show dev eth4
ip -j maddr show dev eth4
ip maddr del 33:33:00:00:00:01 dev eth4
ip maddr show dev eth4
ip stats show dev eth4 group link | sed 's/ *[0-9]\+/ N/g'
ip stats show dev eth4 group offload subgroup l3_stats
ip stats set dev eth4 l3_stats on
ip stats show dev eth4 group offload subgroup hw_stats_info
ip -j stats show dev lo group offload
ip link add vrf-blue type vrf table 10
ip vrf show
ip vrf exec vrf-blue true
ip vrf identify
ip vrf pids vrf-blue
ip -br link show type vrf
ip link set eth4 master vrf-blue
ip vrf
