# Nexthop objects as routing daemons install them and as their docs show
# them: iproute2's commit "ip: route: print and cache detailed nexthop
# information when requested" (a resilient group 103 = 101/102 with 512
# buckets under a route in table 3, shown with ip -d route), FRR zebra's
# nexthop groups (proto zebra objects, proto bgp routes with metric 20 via
# nhid), and systemd.network(5)'s [NextHop] sections (Id=, Gateway=,
# OnLink=, Blackhole=, Group= with id:weight). Also -batch with -d: the
# nexthop cache iproute2 keeps for the whole run.
/usr/sbin/ip link add veth2 address 02:00:00:00:00:02 type veth peer name veth3 address 02:00:00:00:00:03
/usr/sbin/ip link add veth4 address 02:00:00:00:00:04 type veth peer name veth5 address 02:00:00:00:00:05
/usr/sbin/ip link set veth2 up
/usr/sbin/ip link set veth3 up
/usr/sbin/ip link set veth4 up
/usr/sbin/ip link set veth5 up
/usr/sbin/ip addr add 169.254.2.1/24 dev veth2
/usr/sbin/ip addr add 169.254.3.1/24 dev veth4
/usr/sbin/ip -6 addr add 2001:db8:2::1/64 dev veth2 nodad
ip nexthop add id 101 via 169.254.2.22 dev veth2
ip nexthop add id 102 via 169.254.3.23 dev veth4
ip nexthop add id 103 group 101/102 type resilient buckets 512 idle_timer 0
ip route add 198.51.100.0/24 nhid 103 table 3
ip -d route show table 3
ip -d -j route show table 3
ip -d -o route show table 3
ip route show table 3 nhid 103
ip -d nexthop show id 103
ip nexthop bucket show id 103 | sed 's/idle_time [0-9.]* //' | sort | uniq -c
ip nexthop bucket show nhid 101 | wc -l
ip nexthop bucket get id 103 index 0 | sed 's/idle_time [0-9.]* //'
ip nexthop add id 1001 via 169.254.2.30 dev veth2 proto zebra
ip nexthop add id 1002 via 169.254.3.30 dev veth4 proto zebra
ip nexthop add id 1003 group 1001/1002 proto zebra
ip -6 nexthop add id 1004 via 2001:db8:2::30 dev veth2 proto zebra
ip route add 203.0.113.0/24 nhid 1003 proto bgp metric 20
ip route add 203.0.114.0/24 nhid 1001 proto bgp metric 20
ip -6 route add 2001:db8:99::/48 nhid 1004 proto bgp metric 20
ip route show proto bgp
ip -6 route show proto bgp
ip -d route show proto bgp
ip nexthop show proto zebra
ip nexthop ls protocol zebra
ip -j nexthop show proto zebra
ip nexthop show groups
ip nexthop show dev veth4
ip -6 nexthop show
ip -4 nexthop show groups
ip -s nexthop show id 1003
ip -br nexthop show id 1003
ip route get 203.0.113.5
ip -d route get 203.0.113.5
ip nexthop add id 1 via 192.0.2.1 dev veth2 onlink
ip nexthop add id 2 blackhole
ip -6 nexthop add id 3 blackhole
ip -6 nexthop add id 4 via 2001:db8:2::1 dev veth2
ip nexthop add id 5 group 1,3/101
ip nexthop add id 6 group 101,255/102,1
ip nexthop add id 7 group 101,256
ip nexthop add id 8 group 2
ip nexthop add id 9 group 2/101
ip nexthop show id 5
ip nexthop show id 6
ip -j nexthop show id 6
ip route add 192.0.2.128/25 nhid 2
ip route show 192.0.2.128/25
ip -d route show 192.0.2.128/25
printf 'route show table 3\nnexthop replace id 103 group 101,3/102 type resilient buckets 512 idle_timer 0\nroute show table 3\nnexthop show id 103\n' > b1; ip -d -batch b1
printf 'route show table 3\nnexthop replace id 103 group 102 type resilient buckets 512\nroute show table 3\n' > b2; ip -d -j -batch b2
printf 'route get 203.0.113.5\nnexthop replace id 1003 group 1001\nroute get 203.0.113.5\nroute show proto bgp\n' > b3; ip -d -batch b3
printf 'route show proto bgp\nnexthop del id 1003\nroute show proto bgp\nnexthop add id 1003 group 1002 proto zebra\nroute add 203.0.113.0/24 nhid 1003 proto bgp metric 20\nroute show proto bgp\n' > b4; ip -d -batch b4
ip nexthop flush proto zebra
ip route show proto bgp
ip nexthop flush id 103
ip route show table 3
ip nexthop flush groups
ip nexthop flush
ip nexthop
