# One tool configures, another reads it back, in every direction: ip link
# (bridge_slave) -> bridge/brctl, bridge link set -> ip/brctl, brctl ->
# bridge/ip, bridge fdb -> brctl showmacs, ip neigh-less fdb -> bridge.
/usr/sbin/ip link add br0 address 02:00:00:00:01:00 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip link add p2 address 02:00:00:00:00:03 type veth peer name q2 address 02:00:00:00:00:04
/usr/sbin/ip link add p3 address 02:00:00:00:00:05 type veth peer name q3 address 02:00:00:00:00:06
sysctl -qw net.ipv6.conf.br0.disable_ipv6=1 net.ipv6.conf.q1.disable_ipv6=1 net.ipv6.conf.q2.disable_ipv6=1
# ip configures the port, bridge and brctl read.
ip link set p1 master br0
ip link set p1 type bridge_slave cost 42 priority 7 hairpin on guard on learning off flood off mcast_flood off bcast_flood off fastleave on root_block on isolated on
ip link set p1 type bridge_slave mcast_router 2 neigh_suppress on mcast_to_unicast on group_fwd_mask 0x4000 locked on
bridge link show
bridge -d link show
bridge -j -d link show dev p1
brctl show
brctl showstp br0
# bridge configures, ip and brctl read.
bridge link set dev p1 cost 17 priority 3 hairpin off guard off learning on flood on mcast_flood on bcast_flood on fastleave off root_block off isolated off
bridge link set dev p1 state 0
bridge link set dev p1 mcast_to_unicast off neigh_suppress off locked off
ip -d link show p1
ip -d -j link show p1
brctl showstp br0
# brctl configures, bridge and ip read.
brctl addif br0 p2
brctl setportprio br0 p2 9
brctl setpathcost br0 p2 77
brctl sethairpin br0 p2 on
brctl setbridgeprio br0 4096
brctl setageing br0 120
brctl setfd br0 5
brctl sethello br0 3
brctl setmaxage br0 12
brctl stp br0 on
bridge link show
bridge link show dev p2
bridge -d link show dev p2
ip -d link show br0
ip -d -j link show p2
ip -d -j -p link show br0
brctl show br0
brctl showstp br0
brctl stp br0 off
ip -d link show br0
# ip configures the bridge, brctl reads it.
ip link set br0 type bridge ageing_time 9000 forward_delay 700 hello_time 200 max_age 1500 priority 8192 stp_state 0
brctl showstp br0
ip link set p3 master br0
brctl show
# fdb: bridge adds, brctl and bridge read.
ip link set br0 up
ip link set p1 up
ip link set p2 up
ip link set q1 up
ip link set q2 up
bridge fdb add 02:00:00:00:aa:01 dev p1 master static
bridge fdb add 02:00:00:00:aa:02 dev p2 master
bridge fdb add 02:00:00:00:aa:03 dev p2 master static sticky
brctl showmacs br0
bridge fdb show br br0
bridge fdb del 02:00:00:00:aa:01 dev p1 master
brctl showmacs br0
bridge -j fdb show brport p2
# brctl removes, ip and bridge read.
brctl delif br0 p1
ip link show master br0
bridge link show
brctl delif br0 p2
brctl delif br0 p3
ip -d link show p1
ip link set br0 down
brctl delbr br0
ip link show type bridge
