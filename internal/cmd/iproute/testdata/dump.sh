# The namespace behind dump.hex and dump*.txt (run after a fresh
# `ip link add eth0 type veth peer name eth1`, 172.18.0.2/16 and
# 2001:db8::2/64 nodad on eth0, both ends up, lo up).
ip route add default via 172.18.0.1
ip route add 10.1.0.0/16 via 172.18.0.5 metric 50 proto static
ip route add 10.2.0.0/24 dev eth0 scope link mtu lock 1400 advmss 1300 rtt 2s congctl cubic features ecn table 100
ip route add blackhole 10.3.0.0/16
ip route add 10.6.0.0/16 nexthop via 172.18.0.7 weight 2 nexthop via 172.18.0.8 dev eth0 onlink
ip route add 10.7.0.0/16 via 172.18.0.9 realms 3/4 tos 0x10
ip -6 route add 2001:db8:1::/48 via 2001:db8::1 metric 100 pref high
ip -6 route add ::ffff:0:0/96 dev eth0
