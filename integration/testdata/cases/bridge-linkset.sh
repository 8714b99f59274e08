# bridge link set/change: every port keyword, read back with the other tool.
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip link add p2 address 02:00:00:00:00:03 type veth peer name q2 address 02:00:00:00:00:04
/usr/sbin/ip link add p3 address 02:00:00:00:00:05 type veth peer name q3 address 02:00:00:00:00:06
/usr/sbin/ip link set p1 master br0
/usr/sbin/ip link set p2 master br0
/usr/sbin/ip link set p3 master br0
bridge link set dev p1 cost 7 priority 3 hairpin on guard on
/usr/sbin/bridge -d link show dev p1
bridge link set dev p1 fastleave on root_block on learning off learning_sync off flood off
/usr/sbin/bridge -d link show dev p1
bridge link change dev p1 mcast_flood off bcast_flood off mcast_to_unicast on neigh_suppress on
/usr/sbin/bridge -d -j link show dev p1
bridge link set dev p1 vlan_tunnel on isolated on locked on
/usr/sbin/bridge -d link show dev p1
bridge link set dev p1 vlan_tunnel off isolated off locked off mcast_router 2
/usr/sbin/bridge -d link show dev p1
/usr/sbin/ip -d link show dev p1
bridge link set dev p1 backup_port p2
/usr/sbin/bridge -d link show dev p1
bridge link set dev p1 nobackup_port
/usr/sbin/bridge -d link show dev p1
bridge link set dev p1 backup_port nope
bridge link set dev p1 backup_port ''
bridge link set dev p1 backup_port if99
bridge link set dev p1 state 0
bridge link show dev p1
bridge link set dev p1 state blocking
bridge link set dev p1 state disabled
bridge link show dev p1
bridge link set dev p1 state forwarding
bridge link set dev p1 state 3
bridge link set dev p1 state 7
bridge link set dev p1 state 255
bridge link set dev p1 state 300
bridge link set dev p1 state ''
bridge link set dev p1 state forw
bridge link set dev p1 state ' 2'
bridge link set dev p1 state 2x
bridge link show dev p1
bridge link set dev p1 cost 0
bridge link set dev p1 cost -1
bridge link set dev p1 cost 12abc
bridge link set dev p1 priority 70000
bridge link set dev p1 priority -1
bridge link set dev p1 priority 63
bridge link set dev p1 priority 64
bridge -d link show dev p1
bridge link set dev p1 learning maybe
bridge link set dev p1 learning ''
bridge link set dev p1 hairpin o
bridge link set dev p1 hairpin ON
bridge link set dev p1 flood of
bridge link set dev p1 flood offf
bridge link set dev p1 guard
bridge link set dev p1 mab on
bridge link set dev p1 hwmode vepa
bridge link set dev p1 hwmode veb self
bridge link set dev p1 hwmode vep
bridge link set dev p1 self
bridge link set dev p1 master
bridge link set dev p1 master self hairpin off
bridge link set dev p1 mcast_router 9
bridge link set dev p1 mcast_router x
bridge link set dev p1 mcast_router 300
bridge link set dev p1 foo
bridge link set cost 5
bridge link set
bridge link set dev nope cost 5
bridge link set dev '' cost 5
bridge link set dev q1 cost 5
bridge link set dev br0 cost 5
bridge link set dev p1
bridge link set dev p1 dev p2 cost 9
/usr/sbin/bridge -d link
bridge link s dev p3 cost 11
bridge link c dev p3 cost 12
bridge link ch dev p3 cost 13
bridge link se dev p3 priority 5
/usr/sbin/bridge link show dev p3
# configured by the reference, read by the tool under test
/usr/sbin/bridge link set dev p3 hairpin on learning off flood off mcast_flood off neigh_suppress on isolated on backup_port p2 mcast_router 0
bridge -d link show dev p3
bridge -d -j -p link show dev p3
bridge -d -o link show dev p3
bridge -n nope link set dev p1 cost 3
/usr/sbin/ip netns add ns1
bridge -n ns1 link set dev p1 cost 3
