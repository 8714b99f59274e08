# The bridge applet: link show, plain, detailed and JSON.
bridge link
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add lan1 address 02:00:00:00:00:01 type veth peer name lan2 address 02:00:00:00:00:02
/usr/sbin/ip link add v1 address 02:00:00:00:00:11 type veth peer name v2 address 02:00:00:00:00:12
/usr/sbin/ip link add dummy0 type dummy
brctl addif br0 lan1 v1 dummy0
bridge link
bridge link show
bridge link show dev v1
bridge link show dev nope
bridge link show dev v1 dev lan1
bridge link show dev
bridge -j link show
bridge -j -p link
bridge -d link show
bridge -d -j link show dev lan1
bridge -d -o link show dev lan1
/usr/sbin/ip link set br0 up
/usr/sbin/ip link set lan2 up
/usr/sbin/ip link set lan1 up
/usr/sbin/ip link set dummy0 up
/usr/sbin/bridge link set dev v1 cost 7 priority 3 hairpin on guard on
bridge link
bridge -d link
bridge -s link lst
bridge link foo
bridge link help
bridge -c link show dev lan1
/usr/sbin/ip netns add ns1
/usr/sbin/ip link set v2 netns ns1
bridge link
bridge -j link
