# ip route: multipath IPv6, stats, cache, get, color, flush rounds.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 172.18.0.2/16 dev eth0
/usr/sbin/ip link set eth0 up
/usr/sbin/ip link set eth1 up
/usr/sbin/ip -6 addr add 2001:db8::2/64 dev eth0 nodad
/usr/sbin/ip link add eth2 address 02:00:00:00:00:03 type veth peer name eth3 address 02:00:00:00:00:04
/usr/sbin/ip addr add 192.168.5.1/24 dev eth2
/usr/sbin/ip -6 addr add 2001:db8:9::2/64 dev eth2 nodad
ip route
ip -6 route add 2001:db8:7::/64 nexthop via 2001:db8::1 dev eth0 nexthop via 2001:db8::3 dev eth0 weight 4
ip -6 route show dev eth0
ip -6 -j -p route show 2001:db8:7::/64
ip -s route
ip -s -6 route show dev eth0
ip route show cache
ip route get 172.18.0.3 from 172.18.0.2
ip route get 172.18.0.3 oif eth0
ip route get 172.18.0.3 iif eth1 from 172.18.1.1
ip route get 172.18.0.3 connected
ip route get 172.18.0.3 tos 0x10 ipproto tcp sport 80 dport 443
ip -j route get 172.18.0.3
ip -6 route get 2001:db8::7 from 2001:db8::2
ip -6 route get fibmatch 2001:db8:7::1
ip route get 192.168.5.9
ip -c route
ip route add 10.9.0.0/16 via 192.168.5.7
ip route add 10.10.0.0/16 via 192.168.5.7 onlink
ip route
ip -s -s route flush dev eth2
ip route
ip route flush table main
ip route
ip -6 route flush dev eth0
ip -6 route
ip route flush cache
ip -s route flush cache
ip -s route flush proto boot
ip route flush table all
ip route show table all
# Outside -batch iproute2 asks strictly: the kernel refuses "as" and a source prefix.
ip route get 10.1.2.3 as 172.18.0.2
ip route get 172.18.1.1 from 172.18.0.0/16
ip -6 route get 2001:db8::9 from 2001:db8::/64
# iproute2 flushes with no JSON context: -json prints the text report.
/usr/sbin/ip route add 10.1.0.0/16 dev eth0
/usr/sbin/ip route add 10.2.0.0/16 dev eth0
ip -j -s route flush 10.1.0.0/16
ip -j -s route flush 10.1.0.0/16
ip -j -p -s -s route flush 10.2.0.0/16
ip -j -s route flush cache
