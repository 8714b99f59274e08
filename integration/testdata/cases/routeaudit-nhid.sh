# Routes through nexthop objects (made with the reference's ip nexthop):
# show, get, flush, save, and -details' nh_info line (iproute2 fetches the
# object from the kernel), with groups, weights, resilient groups, encap,
# fdb and blackhole nexthops, in text, -oneline and JSON.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip link set eth0 addrgenmode none
/usr/sbin/ip link set eth1 addrgenmode none
/usr/sbin/ip addr add 172.18.0.2/16 dev eth0
/usr/sbin/ip addr add 2001:db8::2/64 dev eth0 nodad
/usr/sbin/ip link set eth0 up
/usr/sbin/ip link set eth1 up
/usr/sbin/ip nexthop add id 5 via 172.18.0.1 dev eth0
/usr/sbin/ip nexthop add id 6 via 172.18.0.3 dev eth0
/usr/sbin/ip nexthop add id 7 group 5/6,3
/usr/sbin/ip nexthop add id 8 via 2001:db8::1 dev eth0
/usr/sbin/ip nexthop add id 9 blackhole
/usr/sbin/ip nexthop add id 10 dev eth0
/usr/sbin/ip nexthop add id 11 group 5/6 type resilient buckets 8 idle_timer 120 unbalanced_timer 3
/usr/sbin/ip nexthop add id 12 encap mpls 100/200 via 172.18.0.1 dev eth0
/usr/sbin/ip nexthop add id 13 via 172.18.0.9 fdb
/usr/sbin/ip nexthop add id 14 via 172.18.0.1 dev eth0 onlink
ip route add 10.0.0.0/8 nhid 5
ip route add 10.1.0.0/16 nhid 7
ip route add 10.2.0.0/16 nhid 9
ip route add 10.3.0.0/16 nhid 8
ip route add 10.4.0.0/16 nhid 10
ip route add 10.5.0.0/16 nhid 11
ip route add 10.6.0.0/16 nhid 12
ip route add 10.7.0.0/16 nhid 13
ip route add 10.8.0.0/16 nhid 14
ip route add 10.9.0.0/16 nhid 99
ip route add 10.10.0.0/16 nhid 5 dev eth0
ip -6 route add 2001:db8:5::/64 nhid 8
ip route
ip -d route
ip -d -j -p route
ip -d -o route
ip -d -s route
ip -6 -d route
ip -6 -d -j route
ip -d route show table all 10.1.0.0/16
ip -d route get 10.1.0.1
ip -d route get fibmatch 10.1.0.1
ip -d -j route get fibmatch 10.5.0.1
ip route show nhid 5
ip route save > s; ip -d route showdump < s
ip -d -echo route add 10.11.0.0/16 nhid 7
ip route del 10.0.0.0/8 nhid 6
ip route del 10.0.0.0/8 nhid 5
ip -s -s -d route flush nhid 7
ip -d route
