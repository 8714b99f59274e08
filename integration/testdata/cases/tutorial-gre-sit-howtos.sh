# Tunnel how-tos run as written: the classic GRE point-to-point recipe
# (ip tunnel add gre1 mode gre remote/local ttl 255, link up, addr add,
# route add via the tunnel), Hurricane Electric's tunnelbroker 6in4
# example (ip tunnel add he-ipv6 mode sit ... ttl 255, ip -6 addr/route on
# it, ip -f inet6 addr), an IPIP tunnel bound to a device, ip6gre and
# ip6ip6 through ip -6 tunnel, rtnetlink.sh's kci_test_gre, and the
# ip link type gre/gretap/sit/ipip forms. This kernel has none of the
# tunnel modules: what is compared is each step's refusal and what the
# later steps say about the device that was never made.
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 10.0.0.1/24 dev eth0
/usr/sbin/ip link set eth0 up
ip tunnel add gre1 mode gre remote 10.0.0.2 local 10.0.0.1 ttl 255
ip link set gre1 up
ip addr add 10.10.10.1/24 dev gre1
ip route add 10.20.0.0/16 dev gre1
ip tunnel show
ip tunnel show gre1
ip -s tunnel show
ip tunnel del gre1
ip tunnel add he-ipv6 mode sit remote 216.66.80.26 local 10.0.0.1 ttl 255
ip link set he-ipv6 up
ip addr add 2001:470:1f0a:1::2/64 dev he-ipv6
ip route add ::/0 dev he-ipv6
ip -f inet6 addr
ip -6 route show
ip tunnel del he-ipv6
ip tunnel add ipiptun mode ipip local 10.0.0.1 remote 10.0.0.2 ttl 64 dev eth0
ip tunnel add tun0 mode gre key 1234 local 10.0.0.1 remote 10.0.0.2 ttl 255 pmtudisc
ip tunnel add gre2 mode gre local 10.0.0.1 remote 10.0.0.2 ikey 1001 okey 2001 icsum ocsum iseq oseq
ip tunnel change gre1 ttl 64
ip tunnel change tun0 mode gre remote 10.0.0.9
ip tunnel show tun0
ip tunnel prl prl-default 10.0.0.2 dev he-ipv6
ip tunnel 6rd dev he-ipv6 6rd-prefix 2001:db8::/32
ip -6 tunnel add ip6gre1 mode ip6gre remote 2001:db8::2 local 2001:db8::1 ttl 255
ip -6 tunnel add ip6tnl1 mode ip6ip6 remote 2001:db8::2 local 2001:db8::1 encaplimit none
ip -6 tunnel add tun6 mode ipip6 remote 2001:db8::2 local 2001:db8::1 dev eth0
ip -6 tunnel show
ip -6 tunnel show ip6tnl0
ip -6 tunnel del ip6gre1
ip tunnel add neta mode gre remote 10.42.42.1 local 10.0.0.1 ttl 1
ip addr add 10.23.7.10 dev neta
ip netconf show dev neta
ip link del neta
ip link add gre1 type gre local 10.0.0.1 remote 10.0.0.2 ttl 255
ip link add gretap1 type gretap local 10.0.0.1 remote 10.0.0.2 key 102 seq
ip link add sit1 type sit local 10.0.0.1 remote 216.66.80.26 ttl 255
ip link add ipip1 type ipip local 10.0.0.1 remote 10.0.0.2 dev eth0
ip link add ip6gre1 type ip6gre local 2001:db8::1 remote 2001:db8::2
ip link add vti1 type vti local 10.0.0.1 remote 10.0.0.2 key 5
ip link show type gre
ip -d link show type sit
ip tunnel help
ip tunnel
ip tunnel list
ip tunnel show nope
ip -4 tunnel show
ip -j tunnel show
ip -o tunnel show
