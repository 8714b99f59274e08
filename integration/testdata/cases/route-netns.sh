# ip -n NS route: every operation in a named namespace.
/usr/sbin/ip netns add ns1
/usr/sbin/ip -n ns1 link set lo up
/usr/sbin/ip -n ns1 link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip -n ns1 addr add 10.5.0.2/24 dev eth0
/usr/sbin/ip -n ns1 link set eth0 up
/usr/sbin/ip -n ns1 link set eth1 up
ip -n ns1 route add default via 10.5.0.1
ip -n ns1 route
ip -n ns1 route show table all
ip -n ns1 route get 1.1.1.1
ip -n ns1 route flush dev eth0
ip -n ns1 route
ip -n nope route
