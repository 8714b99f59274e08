# ip -echo route/address add|del|replace|change: the kernel's echo printed like ip monitor.
ip link add v1 type veth peer name v2
ip link set v1 up
ip -echo addr add 10.0.0.1/24 dev v1
ip -echo route add 10.5.0.0/16 via 10.0.0.2
ip -echo -j route add 10.6.0.0/16 dev v1
ip -echo route replace 10.6.0.0/16 dev v1 metric 5
ip -echo route del 10.6.0.0/16 dev v1
ip -echo route del 10.6.0.0/16 dev v1
ip -echo route del 10.6.0.0/16 dev v1
ip -echo route change 10.5.0.0/16 via 10.0.0.3
ip -echo route add 10.7.0.0/16 dev v1 table 100 proto static
ip -echo -d route add 10.8.0.0/16 dev v1
ip -echo -o route add 10.9.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3
ip -echo route add 10.5.0.0/16 via 10.0.0.2
ip -echo route append 10.10.0.0/16 dev v1
ip -echo -4 route add 2001:db8:4::/64 dev v1
ip -echo -6 route add 2001:db8:5::/64 dev v1
ip -echo -j -p route add 10.11.0.0/16 dev v1 encap ip id 5 dst 10.1.1.1
ip -echo addr add 2001:db8::1/64 dev v1 nodad
ip -echo -j addr add 2001:db8::2/64 dev v1 nodad
ip -echo -j addr del 10.0.0.1/24 dev v1
ip -echo addr del 10.0.0.1/24 dev v1
ip -echo -o addr add 10.0.0.7/24 dev v1 label v1:x
ip -echo addr change 10.0.0.7/24 dev v1 preferred_lft 100 valid_lft 200
ip -echo addr replace 10.0.0.7/24 dev v1
ip -echo -br addr add 10.0.0.8/24 dev v1
ip -echo addr add 10.0.0.9/24 dev nope
ip route show table all
ip addr show dev v1
