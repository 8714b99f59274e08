# A VXLAN EVPN-style layer 2 setup following FRR's EVPN guide
# (https://docs.frrouting.org/en/latest/evpn.html, "Linux interface
# configuration") and Cumulus Linux "Static VXLAN Tunnels" / "EVPN"
# (https://docs.nvidia.com/networking-ethernet-software/cumulus-linux-53/Network-Virtualization/Static-VXLAN-Tunnels/):
# a vxlan device with nolearning bridged, head-end replication through
# all-zero fdb entries appended per remote VTEP, per-MAC remote entries,
# self/master/extern_learn/sticky, a multicast group towards a remote
# VTEP, then show, get, flush and delete.
/usr/sbin/ip link add br0 address 02:00:00:00:01:00 type bridge
ip link add vx0 address 02:00:00:00:02:00 type vxlan id 100 local 10.0.0.1 dstport 4789 nolearning
ip link add vx1 type vxlan local 10.0.0.1 dstport 4790 external vnifilter
ip link add vx2 type vxlan dstport 4791 external
ip link add vx3 address 02:00:00:00:02:03 type vxlan id 300 dstport 4792 nolearning
ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
ip link set vx0 master br0
ip link set p1 master br0
ip link set dev vx0 type bridge_slave neigh_suppress on learning off
bridge link set dev vx0 neigh_suppress on learning off
sysctl -qw net.ipv6.conf.br0.disable_ipv6=1
ip link set br0 up
ip link set vx0 up
ip link set p1 up
ip -d link show vx0
ip -d -j link show vx0
bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2
bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.3
bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.4 self permanent
bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2
bridge fdb add 02:00:00:00:aa:01 dev vx0 dst 10.0.0.2
bridge fdb add 02:00:00:00:aa:02 dev vx0 dst 10.0.0.3 self static
bridge fdb add 02:00:00:00:aa:03 dev vx0 master static
bridge fdb add 02:00:00:00:aa:04 dev vx0 master static sticky
bridge fdb add 02:00:00:00:aa:05 dev vx0 dst 10.0.0.4 self extern_learn
bridge fdb add 02:00:00:00:aa:06 dev vx0 master extern_learn
bridge fdb add 02:00:00:00:aa:07 dev vx0 dst 10.0.0.5 vni 200 port 4789 self
bridge fdb add 02:00:00:00:aa:08 dev vx0 dst 10.0.0.5 src_vni 100 self
bridge fdb add 02:00:00:00:aa:09 dev vx0 dst 10.0.0.5 via lo self
bridge fdb add 02:00:00:00:aa:0a dev vx0 dst 10.0.0.2 nhid 5 self
bridge fdb replace 02:00:00:00:aa:01 dev vx0 dst 10.0.0.6
bridge fdb add 02:00:00:00:aa:01 dev vx0 dst 10.0.0.6
bridge fdb add 02:00:00:00:bb:01 dev p1 master static
bridge fdb add 02:00:00:00:bb:02 dev p1 master static sticky
bridge fdb show
bridge fdb show dev vx0
bridge fdb show br br0
bridge fdb show brport vx0
bridge fdb show dev vx0 self
bridge -d fdb show dev vx0
bridge -j fdb show dev vx0
bridge -j -p fdb show br br0
bridge fdb get 02:00:00:00:aa:01 dev vx0 self
bridge fdb get 02:00:00:00:aa:03 br br0
bridge fdb get 02:00:00:00:aa:05 dev vx0 self
bridge fdb get 02:00:00:00:aa:07 dev vx0 self
bridge fdb get 00:00:00:00:00:00 dev vx0 self
bridge fdb get 02:00:00:00:aa:ff dev vx0 self
bridge -j fdb get 02:00:00:00:aa:04 br br0
ip link set dev br0 type bridge mcast_snooping 1
bridge mdb add dev br0 port vx0 grp 239.1.1.1 permanent dst 10.0.0.3
bridge mdb add dev br0 port vx0 grp 239.1.1.1 permanent dst 10.0.0.3 src_vni 100
bridge mdb add dev br0 port vx0 grp 239.1.1.2 permanent dst 10.0.0.3 dst_port 4789 vni 100 src_vni 100 via lo
bridge mdb add dev vx0 port vx0 grp 239.1.1.1 permanent dst 10.0.0.3
bridge mdb add dev vx0 port vx0 grp 0.0.0.0 permanent dst 10.0.0.3 src_vni 100
bridge mdb add dev br0 port p1 grp 239.1.1.3 permanent
bridge mdb add dev br0 port p1 grp 239.1.1.4 temp vid 10
bridge mdb add dev br0 port p1 grp 239.1.1.5 src 10.1.1.1 permanent
bridge mdb show
bridge -d mdb show
bridge -j mdb show
bridge mdb show dev br0
bridge mdb del dev br0 port p1 grp 239.1.1.3
bridge mdb del dev br0 port vx0 grp 239.1.1.1 dst 10.0.0.3 src_vni 100
bridge mdb show
ip link set dev vx1 up
bridge vni add dev vx1 vni 100
bridge vni add dev vx1 vni 200-210 group 239.1.1.100
bridge vni add dev vx1 vni 300 remote 10.0.0.9
bridge vni show
bridge -j vni show dev vx1
bridge fdb flush dev vx0 self
bridge fdb flush dev vx0 self permanent
bridge fdb flush dev vx0 master static
bridge fdb flush br br0 dynamic
bridge fdb flush br br0 sticky
bridge fdb flush dev p1 master nosticky
bridge fdb flush br br0 extern_learn
bridge fdb show br br0
bridge fdb del 00:00:00:00:00:00 dev vx0 dst 10.0.0.2
bridge fdb del 00:00:00:00:00:00 dev vx0 dst 10.0.0.3
bridge fdb del 00:00:00:00:00:00 dev vx0 dst 10.0.0.3
bridge fdb del 02:00:00:00:aa:02 dev vx0 dst 10.0.0.3 self
bridge fdb del 02:00:00:00:bb:01 dev p1 master
bridge fdb del 02:00:00:00:bb:02 dev p1 master
bridge fdb show dev vx0
bridge fdb show dev p1
ip link set vx0 nomaster
ip link del vx0
ip link del vx1
ip link del vx2
ip link del vx3
ip link del br0
