# bridge fdb get and bridge fdb flush, with every filter.
/usr/sbin/ip link add br0 address 02:00:00:00:00:10 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip link add p2 address 02:00:00:00:00:03 type veth peer name q2 address 02:00:00:00:00:04
/usr/sbin/ip link set p1 master br0
/usr/sbin/ip link set p2 master br0
/usr/sbin/ip link add vx0 address 02:00:00:00:00:20 type vxlan id 42 dstport 4789 local 10.0.0.1
/usr/sbin/bridge fdb add 02:00:00:00:aa:01 dev p1 master static
/usr/sbin/bridge fdb add 02:00:00:00:aa:02 dev p1 master static vlan 5
/usr/sbin/bridge fdb add 02:00:00:00:aa:02 dev p1 master static
/usr/sbin/bridge fdb add 02:00:00:00:aa:03 dev p2 master
/usr/sbin/bridge fdb add 02:00:00:00:aa:04 dev p2 master extern_learn
/usr/sbin/bridge fdb add 00:00:00:00:00:00 dev vx0 dst 10.0.0.2 self permanent
/usr/sbin/bridge fdb add 02:00:00:00:bb:01 dev vx0 dst 10.0.0.3 vni 42 self
bridge fdb get 02:00:00:00:aa:01 br br0
bridge fdb get 02:00:00:00:aa:01 dev p1
bridge fdb get 02:00:00:00:aa:01 brport p1 master
bridge fdb get to 02:00:00:00:aa:01 br br0
bridge fdb get 02:00:00:00:aa:02 br br0 vlan 5
bridge fdb get 02:00:00:00:aa:02 br br0 vlan 6
bridge fdb get 02:00:00:00:aa:02 br br0 vlan 5 vlan 6
bridge fdb get 02:00:00:00:aa:02 br br0 vlan -1 vlan 5
bridge fdb get 02:00:00:00:aa:02 br br0 v 5
bridge fdb get 02:00:00:00:aa:03 br br0
bridge fdb get 02:00:00:00:aa:03 br br0 dynamic
bridge fdb get 02:00:00:00:aa:01 br br0 dynamic
bridge fdb get 02:00:00:00:aa:04 br br0
bridge -j fdb get 02:00:00:00:aa:04 br br0
bridge -j -p fdb get 02:00:00:00:aa:01 br br0
bridge -s fdb get 02:00:00:00:aa:01 br br0 # unstable
bridge -s -j fdb get 02:00:00:00:aa:01 br br0 # unstable
bridge -o fdb get 02:00:00:00:aa:01 br br0
bridge fdb get 02:00:00:00:00:01 br br0
bridge fdb get 02:00:00:00:00:10 br br0
bridge fdb get 02:00:00:00:00:99 br br0
bridge fdb get 02:00:00:00:00:99 dev p1
bridge fdb get 00:00:00:00:00:00 dev vx0 self
bridge fdb get 02:00:00:00:bb:01 dev vx0 self
bridge fdb get 02:00:00:00:bb:01 dev vx0 self vni 42
bridge fdb get 02:00:00:00:bb:01 dev vx0 self vni 43
bridge fdb get 02:00:00:00:bb:01 dev vx0 self vni 0x1000000
bridge fdb get 02:00:00:00:bb:01 dev vx0 self vni x
bridge fdb get 02:00:00:00:bb:01 dev vx0 self vni -1
bridge fdb get 02:00:00:00:bb:01 dev vx0 self vni ''
bridge -j fdb get 02:00:00:00:bb:01 dev vx0 self
bridge fdb get 02:00:00:00:aa:01
bridge fdb get br br0
bridge fdb get
bridge fdb get zz br br0
bridge fdb get 02:00:00:00:aa:01 br nope
bridge fdb get 02:00:00:00:aa:01 dev nope
bridge fdb get 02:00:00:00:aa:01 dev ''
bridge fdb get 02:00:00:00:aa:01 br ''
bridge fdb get 02:00:00:00:aa:01 02:00:00:00:aa:02 br br0
bridge fdb get 02:00:00:00:aa:01 br br0 help
bridge fdb get 02:00:00:00:aa:01 br
bridge fdb get 02:00:00:00:aa:01 br br0 to
bridge fdb get 02:00:00:00:aa:01 dev q1
bridge fdb get 02:00:00:00:aa:01 br p1
bridge fdb get 02:00:00:00:aa:01 br br0 m
bridge fdb g 02:00:00:00:aa:01 br br0
# flush
bridge fdb flush
bridge fdb flush dev nope
bridge fdb flush dev ''
bridge fdb flush dev br0 brport nope
bridge fdb flush dev br0 vlan 4096
bridge fdb flush dev br0 vlan 70000
bridge fdb flush dev br0 vlan 5 vlan 6
bridge fdb flush dev br0 brport p1 brport p2
bridge fdb flush dev br0 help
bridge fdb flush dev br0 help foo vlan 5
/usr/sbin/bridge fdb show br br0
bridge fdb flush dev br0 garbage
/usr/sbin/bridge fdb show br br0
bridge fdb fl dev br0
/usr/sbin/bridge fdb add 02:00:00:00:aa:01 dev p1 master static
/usr/sbin/bridge fdb add 02:00:00:00:aa:02 dev p2 master static
/usr/sbin/bridge fdb add 02:00:00:00:aa:03 dev p2 master
/usr/sbin/bridge fdb add 02:00:00:00:aa:04 dev p1 master extern_learn
bridge fdb flush dev br0 vlan 5
bridge fdb flush dev br0 vlan -3 permanent
bridge fdb flush dev br0 master
bridge fdb flush dev p1 master
/usr/sbin/bridge fdb show br br0
bridge fdb flush dev br0 extern_learn
/usr/sbin/bridge fdb show br br0
bridge fdb flush dev br0 static brport p1
/usr/sbin/bridge fdb show br br0
bridge fdb flush dev br0 nostatic nodynamic
/usr/sbin/bridge fdb show br br0
bridge fdb flush dev br0 self master permanent
/usr/sbin/bridge fdb show br br0
/usr/sbin/bridge fdb add 02:00:00:00:aa:05 dev p1 master static
/usr/sbin/bridge fdb add 02:00:00:00:aa:06 dev p2 master static
bridge fdb flush dev br0 sticky
bridge fdb flush dev br0 nosticky noextern_learn nooffloaded noadded_by_user brport p2
/usr/sbin/bridge fdb show br br0
/usr/sbin/bridge fdb flush dev br0 dynamic
/usr/sbin/bridge fdb show br br0
bridge fdb flush dev br0 nopermanent
/usr/sbin/bridge fdb show br br0
bridge fdb flush dev vx0 nopermanent
/usr/sbin/bridge fdb show dev vx0
bridge fdb flush dev vx0 self
/usr/sbin/bridge fdb show dev vx0
bridge fdb flush dev q1
bridge fdb add 02:00:00:00:aa:07 dev p1 master use
/usr/sbin/bridge fdb show dev p1
bridge fdb replace 02:00:00:00:aa:08 dev p1 master static use
/usr/sbin/bridge fdb show dev p1
