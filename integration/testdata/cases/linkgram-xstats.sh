# ip link xstats and afstats, and ip link help.
ip link add br0 type bridge
ip link add v1 type veth peer name v2
ip link set v1 master br0
ip link xstats type bridge
ip link xstats type bridge_slave
ip -j link xstats type bridge
ip -j link xstats type bridge_slave dev v1
ip link xstats type bridge stp
ip link xstats type bridge igmp
ip link set br0 type bridge mcast_stats_enabled 1
ip link xstats type bridge mcast
ip -j link xstats type bridge igmp dev br0
ip link xstats type bridge dev nosuch
ip link xstats type bridge foo
ip link xstats type bridge dev
ip link xstats type bridge help
ip link xstats type bond_slave help
ip link xstats type veth
ip link xstats type gre
ip link xstats type nosuch
ip link xstats type
ip link xstats
ip link xstats help
ip link xstats foo
ip link x type bridge_slave stp
ip link afstats
ip link afstats dev v1
ip link afstats dev nosuch
ip -j link afstats
ip link afstats dev v1 dev v2
ip link afstats foo
ip link afstats help
ip link help
ip link help nosuch
ip link help tun
ip link h
