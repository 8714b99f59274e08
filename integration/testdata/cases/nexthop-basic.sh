# ip nexthop: add (every kind of nexthop) with gip, show with every filter
# and output mode, get, del, replace, -echo, flush; buckets of a resilient
# group (their idle times change from run to run, so only -j's shape and
# the text of get are compared where they do not print a time).
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip link set eth0 addrgenmode none
/usr/sbin/ip link set eth1 addrgenmode none
/usr/sbin/ip addr add 172.18.0.2/16 dev eth0
/usr/sbin/ip addr add 2001:db8::2/64 dev eth0 nodad
/usr/sbin/ip link set eth0 up
/usr/sbin/ip link set eth1 up
ip nexthop add id 5 via 172.18.0.1 dev eth0
ip nexthop add id 6 via 172.18.0.3 dev eth0 proto static
ip nexthop add id 7 group 5/6,3
ip nexthop add id 8 via 2001:db8::1 dev eth0
ip nexthop add id 9 blackhole
ip -6 nexthop add id 10 dev eth0
ip nexthop add id 11 group 5/6 type resilient buckets 8 idle_timer 120 unbalanced_timer 3
ip nexthop add id 13 via 172.18.0.9 fdb
ip nexthop add id 14 via 172.18.0.1 dev eth0 onlink
ip nexthop add id 15 via inet 172.18.0.4 dev eth0 protocol 99
ip nexthop add id 16 group 5/6 type mpath
ip nexthop add id 17 group 13 fdb
ip nexthop add id 18 dev eth1 blackhole
ip nexthop
ip nexthop show
ip nexthop list
ip nexthop lst
ip nh
ip -d nexthop
ip -s nexthop
ip -d -s nexthop
ip -o nexthop
ip -br nexthop
ip -j nexthop
ip -j -p nexthop
ip -d -j -p nexthop
ip -4 nexthop
ip -6 nexthop
ip -N -d nexthop
ip -r nexthop
ip nexthop show groups
ip nexthop show fdb
ip nexthop show dev eth0
ip nexthop show dev eth1
ip nexthop show d eth0 g
ip nexthop show protocol 4
ip nexthop show protocol 0x63
ip nexthop show proto 256
ip nexthop show master eth0
ip nexthop show id 7
ip nexthop show id 7 dev nonesuch
ip -j nexthop show id 11
ip nexthop get id 11
ip -d -j nexthop get id 7
ip -o nexthop get id 14
ip -j nexthop bucket get id 11 index 3 | sed 's/"idle_time":[0-9.e+-]*/T/'
ip nexthop bucket show | sed 's/idle_time [0-9.e+-]*/T/'
ip nexthop bucket show id 11 nhid 5 | sed 's/idle_time [0-9.e+-]*/T/'
ip nexthop bucket list dev eth0 | sed 's/idle_time [0-9.e+-]*/T/'
ip -j -p nexthop bucket | sed 's/"idle_time": [0-9.e+-]*/T/'
ip -d route add 10.0.0.0/8 nhid 7
ip -d route
ip nexthop replace id 5 via 172.18.0.7 dev eth0
ip nexthop replace id 19 via 172.18.0.8 dev eth0
ip nexthop
ip -echo nexthop add id 20 via 172.18.0.1 dev eth0
ip -echo -j nexthop add id 21 via 172.18.0.1 dev eth0
ip -echo -d nexthop replace id 21 via 172.18.0.2 dev eth0
ip -echo nexthop del id 20
ip -echo -j -p nexthop del id 21
ip nexthop del id 19
ip nexthop del id 19
ip nexthop delete id 7
ip nexthop flush id 14
ip nexthop flush id 14
ip nexthop flush dev eth0
ip nexthop
ip nexthop flush proto 99
ip nexthop flush
ip nexthop flush
ip nexthop
ip -j nexthop
ip nexthop add id 1 via 172.18.0.5 dev eth0 encap ip id 5 dst 1.1.1.1 ttl 4
ip nexthop add id 2 via 172.18.0.5 dev eth0 encap ip6 id 5 dst 2001:db8::9
ip nexthop add id 3 via 172.18.0.5 dev eth0 encap seg6 mode encap segs 2001:db8::1
ip nexthop add id 4 group 1/2
ip -d nexthop
ip -j nexthop
ip -c nexthop
ip -c -d -o nexthop
# iproute2 keeps the selector and the flush count for the whole -batch
printf 'nexthop show groups\nnexthop show\nnexthop bucket show\n' > b1; ip -batch b1
printf 'nexthop show dev eth0\nnexthop show\nnexthop flush dev eth0\nnexthop add id 30 blackhole\nnexthop flush\n' > b2; ip -batch b2
ip nexthop
