# ip nexthop: bad words, kernel refusals, abbreviations, empty values and
# the usage paths (only their exit status is compared), -batch.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 172.18.0.2/16 dev eth0
/usr/sbin/ip link set eth0 up
/usr/sbin/ip link set eth1 up
/usr/sbin/ip nexthop add id 5 via 172.18.0.1 dev eth0
/usr/sbin/ip nexthop add id 6 via 172.18.0.3 dev eth0
/usr/sbin/ip nexthop add id 11 group 5/6 type resilient buckets 4
ip nexthop show master eth0
ip nexthop show master eth9
ip nexthop show master ''
ip nexthop show dev ''
ip nexthop show dev
ip nexthop show vrf eth0
ip nexthop show vrf ''
ip nexthop show id 99
ip nexthop show id x
ip nexthop show id ''
ip nexthop show id 5 garbage
ip nexthop show protocol x
ip nexthop show protocol static
ip nexthop show i 5
ip nexthop show foo
ip nexthop show ''
ip nexthop show help
ip nexthop flush id 99
ip nexthop flush id x
ip nexthop del id 99
ip nexthop del
ip nexthop bucket get id 5 index 0
ip nexthop bucket get id 11 index 9
ip nexthop bucket get id 11 index 65536
ip nexthop bucket get id 11 index x
ip nexthop bucket get id 11
ip nexthop bucket get index 1
ip nexthop bucket get id 11 index 1 foo
ip nexthop bucket get id 99 index 1
ip nexthop bucket show nhid x
ip nexthop bucket show foo
ip nexthop bucket show vrf x
ip nexthop bucket show dev nope
ip nexthop bucket show id 99
ip nexthop bucket foo
ip nexthop bucket help
ip nexthop bucket ''
ip nexthop foo
ip nexthop ''
ip nexthop SHOW
ip nexthop Show
ip nexthop add
ip nexthop add id 1
ip nexthop add id 1 via 1.2.3.4
ip nexthop add id 1 dev eth0 via 2001:db8::5
ip nexthop add id 1 via 2001:db8::5 via 1.2.3.4
ip nexthop add id 1 via inet6 1.2.3.4 dev eth0
ip nexthop add id 1 via inet
ip nexthop add id 1 via
ip nexthop add id 1 via '' dev eth0
ip nexthop add id 1 group 5,0
ip nexthop add id 1 group 5,257
ip nexthop add id 1 group 5,256/6,0x10
ip nexthop add id 1 group 5,3,4
ip nexthop add id 1 group 5/x
ip nexthop add id 1 group 5/
ip nexthop add id 1 group /5
ip nexthop add id 1 group x,3/5
ip nexthop add id 1 group ''
ip nexthop add id 1 group 99
ip nexthop add id 1 group 5 type foo
ip nexthop add id 1 group 5 type
ip nexthop add id 1 group 5 type resilient
ip nexthop add id 1 group 5 type resilient buckets
ip nexthop add id 1 group 5 type resilient buckets 70000
ip nexthop add id 1 group 5 type resilient buckets 2 idle_timer 42949672
ip nexthop add id 1 group 5 type resilient buckets 2 unbalanced_timer x
ip nexthop add id 1 group 5 type resilient buckets 2 foo
ip nexthop add id 1 group 5 type resilient buckets 2 proto 5
ip nexthop add id 1 group 5 type mpath buckets 2
ip nexthop add id 1 blah
ip nexthop add id 1 ''
ip nexthop add id x
ip nexthop add id 1 dev nope
ip nexthop add id 1 dev ''
ip nexthop add id 1 via 1.2.3.4 dev eth0 proto foo
ip nexthop add id 1 via 1.2.3.4 dev eth0 proto 99
ip nexthop add id 1 via 172.18.0.5 dev eth0 encap mpls 100
ip nexthop add id 1 via 172.18.0.5 dev eth0 encap foo
ip nexthop add id 1 via 172.18.0.5 dev eth0 encap mpls
ip nexthop add id 1 via 172.18.0.5 dev eth0 encap
ip nexthop add id 5 via 172.18.0.1 dev eth0
ip nexthop add id 1 blackhole fdb
ip nexthop add id 1 via 172.18.0.5 dev eth0 help
ip nexthop replace id 6 blackhole
ip nexthop add id 0x20 via 172.18.0.5 dev eth0 onlink
ip nexthop a id 33 via 172.18.0.5 dev eth0
ip nexthop r id 33 via 172.18.0.6 dev eth0
ip nexthop g id 33
ip nexthop s id 33
ip nexthop l
ip nexthop d id 33
ip nexthop f id 32
ip nexthop get
ip nexthop get id
ip nexthop get foo
ip nexthop get id 5 id 6
ip nexthop help
ip -6 nexthop add id 40 via 172.18.0.5 dev eth0
ip -6 nexthop add id 40 group 5
ip -j nexthop show id 99
printf 'nexthop add id 50 via 172.18.0.5 dev eth0\nnexthop show id 50\nnexthop del id 50\nnexthop del id 50\nnexthop show\n' > b1; ip -batch b1
printf 'nexthop add id 50 foo\nnexthop show\n' > b2; ip -batch b2
printf 'nexthop add id 50 foo\nnexthop show\n' > b3; ip -force -batch b3
ip nexthop flush protocol 99
ip -s nexthop flush
ip nexthop flush
