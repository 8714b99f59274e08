# ip route save/showdump/restore (streams kept in the sandbox's private /etc/netns).
ip link add v1 type veth peer name v2
ip link set v1 up
ip link set v2 up
ip addr add 10.0.0.1/24 dev v1
ip route add 10.5.0.0/16 via 10.0.0.2
ip route add 10.6.0.0/16 dev v1 src 10.0.0.1 metric 7
ip route add 10.7.0.0/16 dev v1 table 100
ip route add 2001:db8:1::/64 dev v1 metric 5
ip route save > /etc/netns/main.bin && echo saved
ip route save table all > /etc/netns/all.bin && echo saved
ip route save table 100 | wc -c
ip route save table 100 | head -c 12 | od -An -tx1
ip route save table 100 | tail -c +21 | od -An -tx1
ip -6 route save | wc -c
ip route save bogus | od -An -tx1
ip route save dev nope | od -An -tx1
ip route showdump < /etc/netns/all.bin | grep -v fe80
ip -4 route showdump < /etc/netns/all.bin
ip -j route showdump < /etc/netns/main.bin
ip -o route showdump < /etc/netns/main.bin
ip route flush dev v1
ip route flush table 100
ip -4 route show table all
ip route restore < /etc/netns/all.bin
ip -4 route show table all
ip route restore < /etc/netns/main.bin
cat /etc/netns/main.bin | ip route restore
echo junk | ip route showdump
ip route showdump < /dev/null
head -c 10 /etc/netns/main.bin | ip route showdump
head -c 30 /etc/netns/main.bin | ip route showdump
echo junk | ip route restore
ip addr save > /etc/netns/addr.bin && echo saved
ip route showdump < /etc/netns/addr.bin
ip route restore < /etc/netns/addr.bin
