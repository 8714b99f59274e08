# The namespace testdata/dump.bin was captured in (run inside a fresh
# network namespace, then: GIP_CAPTURE=1 go test -run TestCaptureDump ./internal/cmd/ipnexthop
# and the ip monitor file commands in golden_test.go for the text files).
ip link set lo up
ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
ip link set eth0 addrgenmode none
ip link set eth1 addrgenmode none
ip addr add 172.18.0.2/16 dev eth0
ip addr add 2001:db8::2/64 dev eth0 nodad
ip link set eth0 up
ip link set eth1 up
ip nexthop add id 5 via 172.18.0.1 dev eth0
ip nexthop add id 6 via 172.18.0.3 dev eth0 proto static
ip nexthop add id 7 group 5/6,3
ip nexthop add id 8 via 2001:db8::1 dev eth0
ip nexthop add id 9 blackhole
ip -6 nexthop add id 10 dev eth0
ip nexthop add id 11 group 5/6 type resilient buckets 4 idle_timer 120 unbalanced_timer 3
ip nexthop add id 13 via 172.18.0.9 fdb
ip nexthop add id 14 via 172.18.0.1 dev eth0 onlink
ip nexthop add id 15 via inet 172.18.0.4 dev eth0 protocol 99
ip nexthop add id 17 group 13 fdb
