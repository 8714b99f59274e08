#!/bin/bash
# Makes nexthops.nl and the golden texts of TestReplayNexthops with
# iproute2 (run from this directory):
#   sudo unshare --net --mount --propagation private --fork bash nexthops-capture.sh
# ip monitor keeps one nexthop cache, fed by the nexthop events it prints:
# a route's nh_info under -details shows the group as the capture last
# described it (after "nexthop replace"), and a nexthop's device is named
# from the capture's link messages, not from the namespace it is replayed
# in (where v0 no longer exists).
set -eu
cd "$(dirname "$0")"
ip link set lo up
ip link add v0 address 02:00:00:00:00:10 type veth peer name v1 address 02:00:00:00:00:11
ip link set v0 addrgenmode none
ip link set v1 addrgenmode none
ip link set v0 up
ip link set v1 up
ip addr add 10.1.0.1/24 dev v0
sleep 1
rtmon file nexthops.nl &
pid=$!
sleep 0.5
ip nexthop add id 5 via 10.1.0.8 dev v0
ip nexthop add id 6 via 10.1.0.9 dev v0 proto static
ip nexthop add id 7 group 5/6
ip nexthop add id 8 group 5/6 type resilient buckets 4 idle_timer 0
ip nexthop add id 9 blackhole
ip route add 10.9.0.0/16 nhid 7
ip route add 10.8.0.0/16 nhid 5
ip route add 10.7.0.0/16 nhid 9
ip nexthop replace id 7 group 5,3/6
ip route add 10.10.0.0/16 nhid 7
ip route add 10.11.0.0/16 nhid 8
ip route del 10.9.0.0/16
ip route del 10.10.0.0/16
ip route del 10.11.0.0/16
ip nexthop del id 7
ip nexthop del id 8
sleep 1
kill $pid
wait $pid || true
# The texts, replayed where only lo exists, with time stamps in UTC.
unshare --net env TZ=UTC bash -c '
ip monitor file nexthops.nl > nexthops.txt
ip -d monitor file nexthops.nl > nexthops-d.txt
ip -o -d monitor route nexthop file nexthops.nl > nexthops-od.txt
'
