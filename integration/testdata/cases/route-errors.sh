# ip route: argument and kernel errors (stderr text and exit status).
/usr/sbin/ip link set lo up
/usr/sbin/ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 172.18.0.2/16 dev veth0
/usr/sbin/ip link set veth0 up
ip route add foo
ip route add 1.2.3.0/33 dev veth0
ip route add 1.2.3.0/24 via 9.9.9.9
ip route add 1.2.3.0/24 dev nope
ip route add 172.18.0.0/16 dev veth0
ip route del 1.2.3.0/24
ip route add 1.2.3.0/24 metric x
ip route add 1.2.3.4/24 dev veth0
ip route add default via foo
ip route add 1.0.0.0/8 via 2001:db8::1
ip route add 1.0.0.0/8 dev veth0 garbage
ip route add 1.0.0.0/8 via 172.18.0.1 via 172.18.0.3
ip route add 1.0.0.0/8 dev veth0 table foo
ip route add 1.0.0.0/8 dev veth0 proto nope
ip route add 1.0.0.0/8 dev veth0 scope nope
ip route add 1.0.0.0/8 dev veth0 mtu
ip route add 1.0.0.0/8 nexthop via 172.18.0.1 weight 0
ip route add 1.0.0.0/8 nexthop via 172.18.0.1 dev nope
ip route add 1.0.0.0/8 nexthop
ip route bogus
ip route show table foo
ip route show table 100
ip -6 route show table 100
ip route show table
ip route show dev nope
ip route show proto nope
ip route show type nope
ip route show scope nope
ip route show 1.2.3.0/40
ip route flush
ip route get
ip route get 10.9.9.9/24
ip route get 300.1.1.1
ip route del default
ip -6 route del 2001:db8::/64
ip route add 10.0.0.0/8 via inet6 fe80::1 dev veth0
printf 'route add 10.9.0.0/16 dev veth0\nroute add foo\nroute show\n' | ip -batch -
printf 'route add 10.9.0.0/16 dev veth0\nroute del 10.99.0.0/16\nroute show\n' | ip -force -batch -
