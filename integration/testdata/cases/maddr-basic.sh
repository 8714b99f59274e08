# ip maddress: the multicast lists of /proc/net (link layer, IPv4, IPv6)
# in every output mode and family, the device filter, add and delete of
# link-layer groups (ioctls, after which iproute2 exits: a -batch ends
# there), errors, abbreviations and -batch (the device filter is process
# state that a second `dev` trips over).
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip link set eth0 addrgenmode none
/usr/sbin/ip link set eth1 addrgenmode none
/usr/sbin/ip link set eth0 up
/usr/sbin/ip link set eth1 up
/usr/sbin/ip addr add fe80::1/64 dev eth0 nodad
ip maddr
ip maddress
ip maddr show
ip maddr list
ip maddr lst
ip ma s
ip m l
ip -j maddr
ip -j -p maddr
ip -o maddr
ip -c maddr
ip -4 maddr
ip -6 maddr
ip -0 maddr
ip -M maddr
ip -j -M maddr
ip -B maddr
ip maddr show dev eth0
ip maddr show eth1
ip -o maddr show dev eth0
ip -j maddr show dev lo
ip -6 -j -p maddr show dev eth0
ip maddr show dev nope
ip maddr show dev ''
ip maddr show dev
ip maddr show dev help
ip maddr show help
ip maddr show eth0 eth1
ip maddr show dev eth0 dev eth1
ip maddr add 01:00:5e:00:00:05 dev eth0
ip maddr
ip -j maddr show dev eth0
/usr/sbin/ip maddr add 33:33:00:00:00:07 dev eth1
ip maddr a 01:00:5e:00:00:05 dev eth0
ip maddr show dev eth0
ip maddr add address 01:00:5e:00:00:06 dev eth0
ip -6 maddr add 01:00:5e:00:00:08 dev eth0
ip -0 maddr add 01:00:5e:00:00:09 dev eth0
ip -M maddr add 01:00:5e:00:00:0a dev eth0
ip maddr show dev eth0
ip maddr del 01:00:5e:00:00:05 dev eth0
ip maddr show dev eth0
ip maddr d 01:00:5e:00:00:05 dev eth0
ip maddr delete 01:00:5e:00:00:05 dev eth0
ip maddr del 01:00:5e:00:00:42 dev eth0
ip maddr add 01:00:5e:00:00:05
ip maddr add dev eth0
ip maddr add 01:00:5e:00:00:05 dev nope
ip maddr add 01:00:5e:00:00:05 dev lo
ip maddr add 01:00:5e:00:00:05 dev ''
ip maddr add 01:00:5e:00:00:05 dev 0123456789abcdefg
ip maddr add 01:00:5e:00:00:05 dev a/b
ip maddr add 01:00:5e:00:00:05 dev eth0 dev eth1
ip maddr add 01:00:5e:00:00:05 01:00:5e:00:00:06 dev eth0
ip maddr add 00:00:5e:00:00:05 01:00:5e:00:00:06 dev eth0
ip maddr add 01:00:5e dev eth0
ip maddr add 1:2:3:4:5:6:7 dev eth0
ip maddr add 1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16 dev eth0
ip maddr add zz dev eth0
ip maddr add 1:zz:3 dev eth0
ip maddr add 1.2.3.4 dev eth0
ip maddr add 1.2.3.x dev eth0
ip maddr add '' dev eth0
ip maddr add a dev eth0
ip maddr add address
ip maddr add dev
ip maddr add help
ip maddr add address help
ip maddr add h dev eth0
ip maddr bogus
ip maddr ''
ip maddr help
ip maddr
printf 'maddr show dev eth0\nmaddr show dev eth1\nmaddr\n' > b1
ip -batch b1
ip -force -batch b1
printf 'maddr show dev eth0\nmaddr\nmaddr show\nmaddr add 01:00:5e:00:00:0b dev eth0\nmaddr\n' > b2
ip -batch b2
printf 'maddr add 01:00:5e:00:00:0b dev nope\nmaddr\n' > b3
ip -force -batch b3
printf 'maddr bogus\nmaddr\n' > b4
ip -force -batch b4
ip -j -batch b2
ip maddr show dev eth0
# -netns: the lists are read, and the ioctls made, inside the namespace.
/usr/sbin/ip netns add ns1
/usr/sbin/ip link set eth1 netns ns1
/usr/sbin/ip -n ns1 link set eth1 up
ip -n ns1 maddr
ip -n ns1 maddr add 01:00:5e:00:00:0c dev eth1
ip -n ns1 maddr show dev eth1
ip -n ns1 maddr add 01:00:5e:00:00:0c dev eth0
ip maddr show dev eth0
