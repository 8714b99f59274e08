# A sweep of issue 3's keywords: one line each, as a reader would try them.
ip link add v1 type veth peer name v2
ip link set v1 up
ip link set v2 up
ip addr add 10.0.0.1/24 dev v1
ip -6 addr add 2001:db8::1/64 dev v1 nodad
ip route add 10.10.0.0/16 via 10.0.0.2 proto static metric 10 mtu lock 1400 advmss 1300 rtt 10 rttvar 5 window 1000 cwnd 10 initcwnd 10 initrwnd 10 quickack 1 congctl reno
ip route add 10.11.0.0/16 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3 weight 3
ip route add blackhole 10.12.0.0/16
ip route add unreachable 10.13.0.0/16
ip route add prohibit 10.14.0.0/16
ip route add throw 10.15.0.0/16 table 100
ip route add local 10.16.0.1 dev v1 table local
ip route add broadcast 10.17.0.255 dev v1 table local
ip route add multicast 224.1.0.0/16 dev v1
ip route add nat 10.18.0.0 via 10.0.0.2
ip route add 10.19.0.0/16 via 10.0.0.2 table main src 10.0.0.1 onlink scope global
ip -6 route add 2001:db8:5::/64 via 2001:db8::2 pref high expires 100
ip route add 10.20.0.0/16 via inet6 2001:db8::2 dev v1
ip route append 10.21.0.0/16 via 10.0.0.2
ip route prepend 10.21.0.0/16 via 10.0.0.3
ip route show
ip -4 route show table all
# the IPv6 local table orders random link-local addresses (the harness
# compares each run of addrconf routes as a set)
ip -6 route show table all
ip route show root 10.0.0.0/8
ip route show match 10.10.1.1
ip route show exact 10.10.0.0/16
ip route show type blackhole
ip route show proto static
ip route show scope link
ip route show dev v1
ip route show via 10.0.0.2
ip route show src 10.0.0.1
# expires counts down (the harness masks it)
ip -6 route show
ip -6 route del 2001:db8:5::/64
ip -6 route show
ip -6 route show cache
ip route get 10.10.1.1
ip route get 10.10.1.1 from 10.0.0.1 oif v1 mark 5 uid 100
ip route get fibmatch 10.10.1.1
ip route get 10.0.0.2 connected
ip route get 10.10.1.1 iif v2 from 10.0.0.9
ip route change 10.10.0.0/16 via 10.0.0.3
ip route replace 10.10.0.0/16 via 10.0.0.4 metric 10
ip route del 10.10.0.0/16 metric 10
ip route flush table 100
ip route flush proto static
ip route show table 100
ip route add 10.30.0.0/16 via 10.0.0.2 table 200
ip route show table 200
ip route add 10.31.0.0/16 encap ip id 5 dst 10.0.0.9 dev v1
ip route add 10.32.0.0/16 nhid 5
