# bridge port, mdb and vni commands as the kernel selftests and the
# bridge(8) man page use them: forwarding/bridge_mdb.sh (permanent and
# temp groups on a port and on the bridge, (S,G) entries with
# filter_mode/source_list, -d -s mdb show), bridge_locked_port.sh and
# bridge_port_isolation.sh ("bridge link set dev X locked on",
# "isolated on"), vxlan_bridge_1d.sh style "learning off flood off
# mcast_flood off neigh_suppress on", bridge(8)'s "hairpin on" and
# test_vxlan_vnifiltering.sh ("bridge vni add dev vx vni N [group G]",
# bridge -s vni show). Every listing in text, -j, -d and -s. A group has
# one port here: the kernel orders a group's ports by their addresses in
# memory, which differ from run to run.
/usr/sbin/ip link add br0 address 02:00:00:00:01:00 type bridge mcast_snooping 1
/usr/sbin/ip link add swp1 address 02:00:00:00:00:01 type veth peer name h1 address 02:00:00:00:00:02
/usr/sbin/ip link add swp2 address 02:00:00:00:00:03 type veth peer name h2 address 02:00:00:00:00:04
/usr/sbin/ip link set swp1 master br0
/usr/sbin/ip link set swp2 master br0
/usr/sbin/ip link set br0 up
/usr/sbin/ip link set swp1 up
/usr/sbin/ip link set swp2 up
bridge mdb add dev br0 port swp1 grp 239.1.1.1 permanent
bridge mdb add dev br0 port swp2 grp 239.1.1.6 permanent
bridge mdb add dev br0 port swp1 grp ff0e::1 permanent
bridge mdb add dev br0 port br0 grp 239.1.1.2 temp
bridge mdb add dev br0 port swp1 grp 239.1.1.3 src 192.0.2.1 permanent
bridge mdb add dev br0 port swp2 grp 239.1.1.4 permanent filter_mode include source_list 192.0.2.1,192.0.2.2
bridge mdb add dev br0 port swp2 grp 239.1.1.5 permanent filter_mode exclude source_list 192.0.2.3 proto zebra
bridge mdb add dev br0 port swp1 grp 01:00:5e:01:02:03 permanent
bridge mdb show
bridge mdb show dev br0
bridge mdb show dev br0 port swp1
bridge -d mdb show | sed 's/ *[0-9]*\.[0-9]*$//'
bridge -s mdb show dev br0 port swp2 | sed 's/[0-9]*\.[0-9][0-9]/T/g'
bridge -j mdb show dev br0 port swp1
bridge -j -p mdb show dev br0 port swp2
bridge -o mdb show
bridge mdb del dev br0 port swp1 grp 239.1.1.1
bridge mdb del dev br0 port swp1 grp 239.1.1.1
bridge mdb del dev br0 port swp1 grp 239.1.1.3 src 192.0.2.1
bridge mdb show dev br0 port swp1
bridge mdb add dev br0 port swp1 grp 239.1.1.1 vid 10 permanent
bridge mdb add dev br0 port nope grp 239.1.1.1 permanent
bridge mdb add dev br0 port swp1 grp 10.0.0.1 permanent
bridge link set dev swp1 learning off flood off mcast_flood off neigh_suppress on
bridge link set dev swp2 hairpin on isolated on
bridge link set dev swp2 locked on
bridge link set dev swp1 mcast_to_unicast on bcast_flood off
bridge link set dev swp2 priority 10 cost 100 guard on root_block on fastleave on
bridge link show
bridge -d link show
bridge -d -j link show dev swp1
bridge -j -p link show dev swp2
ip -d link show swp1
bridge link set dev swp2 locked off hairpin off isolated off
bridge -d link show dev swp2
/usr/sbin/ip link add vx0 type vxlan local 10.0.0.1 dstport 4789 external vnifilter
/usr/sbin/ip link set vx0 master br0
bridge vni add dev vx0 vni 100
bridge vni add dev vx0 vni 200 group 239.1.1.100
bridge vni add dev vx0 vni 300-302
bridge vni add dev vx0 vni 400 remote 10.0.0.9
bridge vni show
bridge vni show dev vx0
bridge -j vni show
bridge -j -p vni show dev vx0
bridge -s vni show dev vx0
bridge -s -j vni show
bridge vni del dev vx0 vni 301
bridge vni del dev vx0 vni 300-302
bridge vni show
bridge link set dev vx0 learning off neigh_suppress on
bridge -d link show dev vx0
bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2 src_vni 100 self permanent
bridge fdb show dev vx0
# Background monitors as fdb_notify.sh and bridge_mdb.sh-era scripts run
# them ("bridge monitor fdb > log &", or "timeout N bridge monitor mdb"):
# iproute2 does not flush mdb and vlan events, so what they print reaches a
# file only when a link, fdb or vni event follows, or never.
timeout 2 bridge monitor mdb > m1 & sleep 1; /usr/sbin/bridge mdb add dev br0 port swp1 grp 239.2.2.1 permanent; /usr/sbin/bridge mdb del dev br0 port swp1 grp 239.2.2.1; wait; cat m1; wc -c < m1
timeout 2 bridge -d monitor > m2 & sleep 1; /usr/sbin/bridge mdb add dev br0 port swp2 grp 239.2.2.2 permanent; /usr/sbin/bridge fdb add 02:00:00:00:00:77 dev swp2 master static; /usr/sbin/bridge mdb add dev br0 port swp2 grp 239.2.2.3 permanent; wait; cat m2
timeout 2 bridge monitor fdb > m3 & sleep 1; /usr/sbin/bridge fdb del 02:00:00:00:00:77 dev swp2 master; wait; cat m3
timeout 2 bridge -o monitor all > m4 & sleep 1; /usr/sbin/bridge mdb add dev br0 port swp1 grp ff0e::9 permanent; /usr/sbin/bridge link set dev swp1 cost 33; /usr/sbin/bridge mdb del dev br0 port swp1 grp ff0e::9; wait; cat m4
