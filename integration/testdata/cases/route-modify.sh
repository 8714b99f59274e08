# ip route add/change/replace/append/prepend/del/flush/get, IPv4 and IPv6.
/usr/sbin/ip link set lo up
# eth1 lives in a namespace of its own: with both ends here the kernel adds
# their fe80::/64 and multicast routes as each link's addrconf work runs,
# so the order of the two devices' routes in the dumps below changes from
# run to run on a loaded machine.
/usr/sbin/ip netns add peer
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02 netns peer
/usr/sbin/ip addr add 172.18.0.2/16 dev eth0
/usr/sbin/ip link set eth0 up
/usr/sbin/ip -n peer link set eth1 up
/usr/sbin/ip -6 addr add 2001:db8::2/64 dev eth0 nodad
ip route add default via 172.18.0.1
ip route add 172.19.0.0 via 172.18.0.4 dev eth0
ip route add 172.19.0.0/16 via 172.18.0.4 dev eth0
ip route
ip route add 10.0.0.0/8 dev eth0 metric 10 mtu 1400 advmss 1360 hoplimit 9 rtt 10ms rttvar 5 window 1000 cwnd 5 initcwnd 10 initrwnd 20 ssthresh 3 reordering 4 quickack 1 features ecn
ip route show 10.0.0.0/8
ip route change 10.0.0.0/8 dev eth0 metric 10 mtu lock 1300 congctl lock cubic
ip route show 10.0.0.0/8
ip route replace 10.0.0.0/8 via 172.18.0.9 metric 10 proto static
ip route append 10.0.0.0/8 via 172.18.0.10 metric 10
ip route prepend 10.0.0.0/8 via 172.18.0.11 metric 20
ip route show 10.0.0.0/8
ip route add 11.0.0.0/8 nexthop via 172.18.0.7 dev eth0 weight 3 nexthop via 172.18.0.8 dev eth0 onlink
ip route show 11.0.0.0/8
ip -j route show 11.0.0.0/8
ip route add local 172.18.3.3 dev eth0
ip route add broadcast 172.18.9.255 dev eth0
ip route add type blackhole 12.0.0.0/8
ip route add unreachable 13.0.0.0/8 table 200
ip route add 14.0.0.0/8 dev eth0 table 70000 tos 0x10
ip route show table all
ip route del 172.19.0.0
ip route del 13.0.0.0/8 table 200
ip route del 14.0.0.0/8 dev eth0 table 70000 tos 0x10
ip -6 route add default via 2001:db8::1
ip -6 route add 2001:db8:5::/64 via 2001:db8::5 metric 5 mtu 1280
ip route add 2001:db8:6::/64 dev eth0 pref low
ip -6 route
ip -6 route del 2001:db8:6::/64
ip route flush 10.0.0.0/8
ip route show
ip -s route flush table main proto boot
ip route show
ip route get 172.18.0.3
ip route get 8.8.8.8
ip route get fibmatch 172.18.0.3
ip -6 route get 2001:db8::7
ip route get 127.0.0.1
