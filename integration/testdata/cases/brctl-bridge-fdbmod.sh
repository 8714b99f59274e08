# The bridge applet: fdb add, append, replace, del and their errors (VXLAN style).
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add lan1 address 02:00:00:00:00:01 type veth peer name lan2 address 02:00:00:00:00:02
/usr/sbin/ip link set lan1 master br0
/usr/sbin/ip link add vxlan0 type vxlan id 42 dstport 4789 local 10.0.0.1
bridge fdb add 02:00:00:00:00:77 dev lan1 master static
bridge fdb add 02:00:00:00:00:77 dev lan1 master static
bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.8.101
bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 192.168.8.102 port 4790 vni 7 via lan2
bridge fdb add 02:00:00:00:00:88 dev vxlan0 dst 2001:db8::1 src_vni 5
bridge fdb add 02:00:00:00:00:89 dev vxlan0 dst 2001:db8::2
bridge fdb show dev vxlan0
bridge -j fdb show dev vxlan0
bridge fdb
bridge fdb add 02:00:00:00:00:99 dev vxlan0 dst foo
bridge fdb add zz dev lan1
bridge fdb add 02:00:00:00:00:99
bridge fdb add 02:00:00:00:00:99 dev nope
bridge fdb add 02:00:00:00:00:99 dev lan1 via nope
bridge fdb del 02:00:00:00:00:99 dev lan1 master
bridge fdb del 02:00:00:00:00:77 dev lan1 master
bridge fdb add 02:00:00:00:00:99 dev lan1 port x
bridge fdb add 02:00:00:00:00:99 dev lan1 port 70000
bridge fdb add 02:00:00:00:00:99 dev lan1 vni 99999999
bridge fdb add 02:00:00:00:00:99 dev lan1 src_vni x
bridge fdb add 02:00:00:00:00:99 dev lan1 nhid 5 dst 1.2.3.4
bridge fdb add 02:00:00:00:00:99 dev lan1 vlan 5 vlan 6
bridge fdb add 02:00:00:00:00:99 dev lan1 dst 1.1.1.1 dst 2.2.2.2
bridge fdb add 02:00:00:00:00:99 dev lan1 to 02:00:00:00:00:98
bridge fdb add 02:00:00:00:00:99 dev lan1 nhid x
bridge fdb replace 02:00:00:00:00:99 dev lan1 master dynamic vlan 1
bridge fdb replace 02:00:00:00:00:99 dev lan1 master
bridge fdb add to 02:00:00:00:00:9a dev lan1 master sticky
bridge fdb add 2:0:0:0:0:9b dev lan1 master
bridge fdb show br br0
bridge fdb del 00:00:00:00:00:00 dev vxlan0 dst 192.168.8.101
bridge fdb show dev vxlan0
bridge fdb add 02:00:00:00:00:99 dev lan1 vlan
