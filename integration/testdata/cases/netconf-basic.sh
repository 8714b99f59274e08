# ip netconf: the dump of every family, one device (dump filtered by
# device, or a single request when a family is given too), every output
# mode, errors, abbreviations and -batch.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip link add br0 type bridge
ip netconf
ip netconf show
ip netconf list
ip netconf lst
ip netc s
ip netconf l
ip -j netconf
ip -j -p netconf
ip -o netconf
ip -c netconf
ip -4 netconf
ip -6 netconf
ip -0 netconf
ip -M netconf
ip -B netconf
ip -f inet netconf
ip netconf show dev eth0
ip -j netconf show dev eth0
ip -j -p netconf show dev eth1
ip -4 netconf show dev eth0
ip -6 netconf show dev eth0
ip -4 -j netconf show dev eth0
ip -6 -j -p netconf show dev br0
ip -c -4 netconf show dev eth0
ip -0 netconf show dev eth0
ip -M netconf show dev eth0
ip -B netconf show dev eth0
ip netconf show dev lo
ip netconf show dev nope
ip netconf show dev ''
ip netconf show dev
ip netconf show foo dev eth1 bar
ip netconf show dev eth0 dev eth1
ip netconf show DEV eth0
ip netconf show dev if2
ip netconf show dev if99
ip netconf bogus
ip netconf ''
ip netconf help
ip netconf show help
/usr/sbin/ip link set eth0 up
sysctl -qw net.ipv4.conf.eth0.forwarding=1 net.ipv4.conf.eth0.rp_filter=2 net.ipv6.conf.eth0.forwarding=1 net.ipv4.conf.eth1.rp_filter=1
sysctl -qw net.ipv4.conf.eth0.proxy_arp=1 net.ipv6.conf.eth1.proxy_ndp=1 net.ipv4.conf.all.ignore_routes_with_linkdown=1
ip netconf
ip -j netconf
ip -4 netconf show dev eth0
ip -6 netconf show dev eth0
printf 'netconf show dev eth0\nnetconf\nnetconf show dev nope\nnetconf show dev eth1\n' > b1
ip -batch b1
ip -force -batch b1
ip -j -force -batch b1
ip -4 -batch b1
printf 'netconf bogus\nnetconf\n' > b2
ip -batch b2
