# ip address save/showdump/restore (the stream is kept in the sandbox's private /etc/netns).
ip link add v1 type veth peer name v2
ip addr add 10.0.0.1/24 dev v1 label v1:a
ip addr add 10.0.0.2/24 dev v1
ip addr add 2001:db8::1/64 dev v1 nodad
ip addr save dev v1 > /etc/netns/addr.bin && echo saved
ip addr showdump < /etc/netns/addr.bin
ip -j addr showdump < /etc/netns/addr.bin
ip -o addr showdump < /etc/netns/addr.bin
ip addr flush dev v1
ip addr restore < /etc/netns/addr.bin
ip addr restore < /etc/netns/addr.bin
ip addr show dev v1
ip -4 addr save > /etc/netns/addr4.bin && echo saved
ip addr showdump < /etc/netns/addr4.bin
echo junk | ip addr showdump
ip addr showdump < /dev/null
head -c 10 /etc/netns/addr.bin | ip addr showdump
ip addr restore < /dev/null
ip addr save dev nope
# -brief showdump prints only ADDRESS/PLEN [metric N] after each "ifN:".
/usr/sbin/ip addr add 10.7.0.1/24 dev lo metric 7
ip addr save dev lo > s7; ip -br addr showdump < s7
ip -br -o addr showdump < s7
