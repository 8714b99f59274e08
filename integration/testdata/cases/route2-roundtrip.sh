# ip route save with one tool, restore with the other (the reference is /usr/sbin/ip).
ip link add v1 type veth peer name v2
ip link set v1 up
ip addr add 10.0.0.1/24 dev v1
ip route add 10.5.0.0/16 via 10.0.0.2 table 100
ip route add 10.6.0.0/16 dev v1 src 10.0.0.1 metric 7 table 100
ip route add local 10.8.0.1 dev v1 table 100
ip route add 2001:db8:1::/64 dev v1 metric 5 table 100
ip route add unreachable 10.9.0.0/16 table 100
/usr/sbin/ip route save table 100 > /etc/netns/ref.bin && echo saved
ip route save table 100 > /etc/netns/cand.bin && echo saved
ip route showdump < /etc/netns/ref.bin
/usr/sbin/ip route showdump < /etc/netns/cand.bin
ip route flush table 100
ip route restore < /etc/netns/ref.bin
ip route show table 100
ip -6 route show table 100
ip route flush table 100
/usr/sbin/ip route restore < /etc/netns/cand.bin
ip route show table 100
ip -6 route show table 100
ip route restore < /etc/netns/cand.bin
