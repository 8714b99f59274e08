#!/bin/bash
# Makes the capture and golden texts of monitor_test.go with iproute2:
#   sudo unshare --net --mount --propagation private --fork bash capture.sh
# Links are made before rtmon starts and none is deleted, so every index the
# capture names is in its own link dump (the replay then asks no kernel).
set -eu
cd "$(dirname "$0")"
mount -t tmpfs tmpfs /run/netns 2>/dev/null || true
ip link set lo up
ip link add v0 type veth peer name v1
ip link set v0 address 02:00:00:00:00:10
ip link set v1 address 02:00:00:00:00:11
rtmon file events.nl &
pid=$!
sleep 0.5
ip link set v0 up
ip link set v1 up
ip link set v0 mtu 1400
ip link set v0 alias uplink
ip addr add 10.1.0.1/24 dev v0
ip addr add 10.1.0.2/24 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad
ip addr change 10.1.0.2/24 dev v0 valid_lft 100 preferred_lft 50
ip route add 10.2.0.0/24 via 10.1.0.9
ip route add 10.3.0.0/24 dev v0 table 7 metric 5
ip route add 2001:db8:1::/64 via 2001:db8::9 dev v0
ip route replace 10.2.0.0/24 via 10.1.0.8 proto static
ip neigh add 10.1.0.9 lladdr 02:00:00:00:00:09 dev v0
ip neigh replace 10.1.0.9 lladdr 02:00:00:00:00:19 dev v0 nud reachable
ip neigh add 2001:db8::9 lladdr 02:00:00:00:00:29 dev v0
ip rule add pref 100 from 10.3.0.0/16 table 7
ip rule add pref 101 to 10.4.0.0/16 iif v0 goto 200
ip -6 rule add pref 102 from 2001:db8::/32 table 8
ip rule del pref 100
ip neigh del 10.1.0.9 dev v0
ip route del 10.2.0.0/24
ip route flush table 7
ip addr del 10.1.0.2/24 dev v0
ip link set v0 down
sleep 1
kill $pid
wait $pid || true
# The texts, replayed where only lo exists, with time stamps in UTC.
unshare --net env TZ=UTC bash -c '
ip monitor file events.nl > events.txt
ip -d monitor file events.nl > events-d.txt
ip -o monitor file events.nl > events-o.txt
ip monitor file events.nl label all-nsid > events-label.txt
ip -4 monitor route address file events.nl > events-4.txt
ip -j monitor neigh rule file events.nl > events-j.txt
'
