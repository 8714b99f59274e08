# The bridge applet: fdb show (with its filters) and its front-end errors.
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add lan1 address 02:00:00:00:00:01 type veth peer name lan2 address 02:00:00:00:00:02
/usr/sbin/ip link add v1 address 02:00:00:00:00:11 type veth peer name v2 address 02:00:00:00:00:12
brctl addif br0 lan1 v1
/usr/sbin/bridge fdb add 02:00:00:00:00:77 dev lan1 master static
/usr/sbin/bridge fdb add 02:00:00:00:00:78 dev v1 master
/usr/sbin/bridge fdb add 02:00:00:00:00:79 dev v1 master vlan 1 static
bridge fdb
bridge fdb show
bridge fdb show br br0
bridge fdb show dev lan1
bridge fdb show brport v1 vlan 1
bridge fdb show state static
bridge fdb show state permanent br br0
bridge fdb show dynamic
bridge fdb show state bogus
bridge -j fdb show
bridge -j -p fdb show br br0
bridge -o fdb show dev v1
bridge fdb show br nope
bridge fdb show dev nope
bridge fdb show vlan 1 vlan 2
bridge fdb show dev
bridge fdb foo
bridge foo
bridge -x
bridge -V
bridge --Version
bridge -family bogus fdb
bridge -n nope fdb
/usr/sbin/ip netns add ns1
/usr/sbin/ip -n ns1 link add brn type bridge
bridge -n ns1 fdb show
bridge -c fdb show br br0
bridge -color=never fdb show br br0
