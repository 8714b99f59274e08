# ip route: route types, metrics, realms, tos, abbreviations, address forms.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 172.18.0.2/16 dev eth0
/usr/sbin/ip link set eth0 up
ip -j route show table 100
ip -6 -j route
ip route add 10.0.0.0/8 via 172.18.0.1 realms 5
ip route add 10.1.0.0/16 via 172.18.0.1 realms 3/4
ip route add 10.2.0.0/16 dev eth0 rto_min 300ms rtt 2s
ip route add 10.3.0.0/16 dev eth0 rtt 1500 fastopen_no_cookie 1 congctl bbr
ip route add 10.4.0.0/16 dev eth0 tos 0x28
ip route
ip -d -j route
ip route show realms 5
ip route show tos 0x28
ip route show table all type local
ip route add 10.5.0.0/16 dev eth0 linkdown
ip route add 0x0a.6.0.0/16 dev eth0
ip route add 10.7/16 dev eth0
ip route add 10.8.0.0/255.255.0.0 dev eth0
ip route show 10.6.0.0/16
ip route show 10.7.0.0/16
ip route add 10.10.0.0/16 dev eth0 metric 5
ip route add 10.10.0.0/16 dev eth0 metric 5
ip route del 10.10.0.0/16 metric 6
ip r a 10.11.0.0/16 dev eth0
ip r d 10.11.0.0/16
ip r c 10.12.0.0/16 dev eth0
ip r p 10.12.0.0/16 dev eth0
ip r g 10.12.0.1
ip r f 10.12.0.0/16
ip route add to unicast 10.13.0.0/16 dev eth0
ip route add 10.14.0.0/16 dev eth0 src 172.18.0.2 scope 200
ip route add 10.15.0.0/16 dev eth0 proto 99 metric 0x10
ip route add nat 10.16.0.0/16 via 1.2.3.4
ip route add 10.17.0.0/16 dev eth0 table 0
ip route add throw 10.18.0.0/16
ip route add anycast 10.19.0.0/16 dev eth0
ip route show table all
ip -o route show table all
