# ip route show: formats, selectors, JSON, tables (topology via the reference ip).
/usr/sbin/ip link set lo up
/usr/sbin/ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 172.18.0.2/16 dev veth0
/usr/sbin/ip link set veth0 up
/usr/sbin/ip link set veth1 up
/usr/sbin/ip -6 addr add 2001:db8::2/64 dev veth0 nodad
/usr/sbin/ip route add default via 172.18.0.1
/usr/sbin/ip route add 10.1.0.0/16 via 172.18.0.5 metric 50 proto static
/usr/sbin/ip route add 10.2.0.0/24 dev veth0 scope link mtu lock 1400 advmss 1300 table 100
/usr/sbin/ip route add blackhole 10.3.0.0/16
/usr/sbin/ip route add unreachable 10.4.0.0/16 metric 7
/usr/sbin/ip route add prohibit 10.5.0.0/16 proto dhcp
/usr/sbin/ip route add 10.6.0.0/16 nexthop via 172.18.0.7 weight 2 nexthop via 172.18.0.8
/usr/sbin/ip route add 10.7.0.0/16 via 172.18.0.9 onlink src 172.18.0.2
/usr/sbin/ip -6 route add 2001:db8:1::/48 via 2001:db8::1 metric 100 pref high
ip route
ip r
ip r s
ip route ls
ip route lst
ip route list table all
ip -6 route
ip -4 route show table local
ip route show table 100
ip route show table main
ip -d route
ip -j route
ip -j -p route show table all
ip -o route
ip route show dev veth0
ip route show dev lo
ip route show proto kernel
ip route show proto static
ip route show scope link
ip route show type blackhole
ip route show type unicast
ip route show root 10.0.0.0/8
ip route show match 10.1.2.3
ip route show exact 10.1.0.0/16
ip route show 10.1.0.0/16
ip route show via 172.18.0.1
ip route show src 172.18.0.2
ip route show metric 50
ip -6 route show 2001:db8:1::/48
ip -N route show table all
