# The kernel selftest tools/testing/selftests/net/fib_nexthops.sh (Linux
# 6.x, David Ahern): namespaces "me" and "peer" joined by two veth pairs,
# then its ipv4/ipv6 functional, group and fdb-group steps as the script
# runs them ($IP = ip -netns me), read back with nexthop ls/get and route
# ls match, the way check_nexthop and check_route do.
ip netns add me
ip netns add peer
ip netns set me 100
ip netns set peer 101
ip -netns me addr add 127.0.0.1/8 dev lo
ip -netns me link set lo up
ip netns exec me sysctl -qw net.ipv6.conf.all.accept_dad=0
ip netns exec me sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns exec me sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip -netns me li add veth1 address 02:00:00:00:00:01 type veth peer name veth2 address 02:00:00:00:00:02
ip -netns me li set veth1 up
ip -netns me addr add 172.16.1.1/24 dev veth1
ip -netns me -6 addr add 2001:db8:91::1/64 dev veth1 nodad
ip -netns me li add veth3 address 02:00:00:00:00:03 type veth peer name veth4 address 02:00:00:00:00:04
ip -netns me li set veth3 up
ip -netns me addr add 172.16.2.1/24 dev veth3
ip -netns me -6 addr add 2001:db8:92::1/64 dev veth3 nodad
ip -netns me li set veth2 netns peer up
ip -netns me li set veth4 netns peer up
ip -netns peer addr add 172.16.1.2/24 dev veth2
ip -netns peer -6 addr add 2001:db8:91::2/64 dev veth2 nodad
ip -netns me nexthop add id 52 via 2001:db8:91::2 dev veth1
ip -netns me nexthop get id 52
ip -netns me nexthop ls id 52
ip -netns me nexthop del id 52
ip -netns me nexthop ls id 52
ip -netns me nexthop add id 52 via 2001:db8:92::3
ip -netns me nexthop add id 53 via 2001:db8:3::3 dev veth1
ip -netns me nexthop add id 53 via 2001:db8:3::3 dev veth1 onlink
ip -netns me -6 nexthop add id 55 via 2001:db8:91::3 dev veth1
ip -netns me nexthop add id 12 via 172.16.1.2 dev veth1
ip -netns me nexthop add id 12 via 172.16.2.3
ip -netns me nexthop add id 13 via 172.16.3.2 dev veth1
ip -netns me nexthop add id 13 via 172.16.3.2 dev veth1 onlink
ip -netns me nexthop add id 14 via 172.16.1.4 dev veth1
ip -netns me nexthop add id 15 via 172.16.1.5 dev veth1
ip -netns me nexthop add id 22 via 172.16.2.2 dev veth3
ip -netns me nexthop add id 23 via 172.16.2.3 dev veth3
ip -netns me nexthop add id 102 group 12/13/14/15
ip -netns me nexthop ls id 102
ip -netns me nexthop del id 13
ip -netns me nexthop ls id 102
ip -netns me nexthop add id 13 via 172.16.1.3 dev veth1
ip -netns me nexthop add id 103 group 12/13,2/14,3/15,4
ip -netns me nexthop ls id 103
ip -netns me nexthop add id 104 group 12
ip -netns me nexthop add id 105 group 12
ip -netns me nexthop ls group
ip -netns me nexthop flush groups
ip -netns me nexthop add id 105 group 12/13/22/23/14
ip -netns me nexthop add id 106 group 105/22
ip -netns me nexthop add id 31 blackhole
ip -netns me nexthop add id 107 group 31
ip -netns me nexthop add id 108 group 31/22
ip -netns me nexthop ls
ip -netns me ro add 172.16.101.1/32 nhid 12
ip -netns me route ls match 172.16.101.1
ip -netns me ro add 172.16.101.2/32 nhid 12 scope host
ip -netns me ro replace 172.16.101.1/32 nhid 105
ip -netns me route ls match 172.16.101.1
ip -netns me -6 ro add 2001:db8:101::1/128 nhid 55
ip -netns me -6 route ls match 2001:db8:101::1
ip -netns me -6 ro replace 2001:db8:101::1/128 nhid 12
ip -netns me li set dev veth1 down
ip -netns me nexthop ls dev veth1
ip -netns me nexthop ls id 105
ip -netns me nexthop ls
ip -netns me route ls match 172.16.101.1
ip -netns me li set dev veth1 up
ip -netns me nexthop flush
ip -netns me nexthop add id 61 via 2001:db8:91::2 fdb
ip -netns me nexthop add id 62 via 2001:db8:91::3 fdb
ip -netns me nexthop add id 202 group 61/62 fdb
ip -netns me nexthop ls id 202
ip -netns me nexthop get id 202
ip -netns me nexthop add id 63 via 2001:db8:91::4
ip -netns me nexthop add id 64 via 2001:db8:91::5
ip -netns me nexthop add id 203 group 63/64 fdb
ip -netns me nexthop add id 204 group 61/62
ip -netns me nexthop add id 18 blackhole fdb
ip -netns me nexthop add id 68 via 2001:db8:91::7 dev veth1 fdb
ip -netns me nexthop add id 68 via 2001:db8:91::7 onlink fdb
ip -netns me nexthop add id 69 encap mpls 101 via 2001:db8:91::8 dev veth1 fdb
ip -netns me link add name vx10 type vxlan id 1010 local 2001:db8:91::9 remote 2001:db8:91::10 dstport 4789 nolearning noudpcsum tos inherit ttl 100
bridge -netns me fdb add 02:02:00:00:00:13 dev vx10 nhid 202 self
bridge -netns me fdb add 02:02:00:00:00:14 dev vx10 nhid 61 self
bridge -netns me fdb show dev vx10
ip -netns me -6 ro add 2001:db8:101::1/128 nhid 61
ip -netns me nexthop ls fdb
ip -netns me -j nexthop ls fdb
ip -netns me nexthop del id 202
ip -netns me link del dev vx10
ip -netns me nexthop help
ip netns del me
ip netns del peer
