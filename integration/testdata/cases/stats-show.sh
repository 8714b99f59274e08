# ip stats show: every group, subgroup and suite, on every link kind this
# kernel has, in every output mode. No IPv6, no STP and the bridge down, so
# the counters stay still between the two runs.
/usr/sbin/ip netns add other
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
/usr/sbin/ip link add br0 type bridge mcast_stats_enabled 1
/usr/sbin/ip link add v0 type veth peer name v1
/usr/sbin/ip link set v0 master br0
/usr/sbin/ip link add vx0 type vxlan id 42 dstport 4789 local 127.0.0.1
/usr/sbin/ip tuntap add tap0 mode tap
/usr/sbin/ip link add mv0 link v1 type macvlan
/usr/sbin/ip link add ifb0 type ifb
/usr/sbin/ip link set v0 up
ip stats
ip stats show
ip -s stats
ip -s stats show
ip -d stats show
ip -s -s stats show dev br0
ip -h stats show dev lo group link
ip -j stats
ip -j -p stats show
ip -o stats show
ip -br stats show dev v0
ip -N stats show dev lo
ip -4 stats show dev lo group link
ip -c stats show dev v0 group xstats_slave
ip stats show dev lo
ip stats show dev v0
ip stats show dev v1
ip stats show dev br0
ip stats show dev vx0
ip stats show dev tap0
ip stats show dev mv0
ip stats show dev ifb0
ip stats show dev if3
ip stats show group link
ip stats show group xstats
ip stats show group xstats_slave
ip stats show group offload
ip stats show group afstats
ip stats show group xstats subgroup bridge
ip stats show group xstats subgroup bridge suite stp
ip stats show group xstats subgroup bridge suite mcast
ip stats show group xstats subgroup bond
ip stats show group xstats subgroup bond suite 802.3ad
ip stats show group xstats_slave subgroup bridge suite stp
ip stats show group xstats_slave subgroup bridge suite mcast
ip stats show group xstats_slave subgroup bond suite 802.3ad
ip stats show group offload subgroup cpu_hit
ip stats show group offload subgroup hw_stats_info
ip stats show group offload subgroup l3_stats
ip stats show group afstats subgroup mpls
ip -j stats show dev br0 group xstats subgroup bridge suite mcast
ip -j -p stats show dev v0 group xstats_slave subgroup bridge
ip -j stats show dev lo group offload
ip -o stats show dev br0 group xstats
ip -s -o stats show dev lo group link
ip stats show group link group link dev lo
ip stats show dev lo group offload subgroup cpu_hit group offload subgroup hw_stats_info
ip stats show dev v0 group xstats_slave subgroup bridge suite mcast group xstats_slave subgroup bridge suite stp group link
ip stats show dev lo group xstats subgroup bridge suite stp subgroup bond
ip stats show dev lo group xstats subgroup bridge suite stp suite mcast
ip stats show dev lo group afstats group link group offload subgroup l3_stats
ip stats show dev lo help
ip stats show help
ip -n other stats show
ip -n other -j stats show dev lo group link
# set: lo and veth take the request; the state shows in offload.
ip stats set dev v0 l3_stats on
ip stats show dev v0 group offload
ip -j stats show dev v0 group offload subgroup l3_stats
ip stats set dev v0 l3_stats off
ip stats show dev v0 group offload subgroup hw_stats_info
ip stats set dev lo l3_stats o
ip stats set dev br0 l3_stats on
ip stats show dev br0 group offload
/usr/sbin/ip stats set dev br0 l3_stats off
ip stats set dev v0 help
ip stats set help
/usr/sbin/ip netns del other
