# ip monitor as scripts use it: rtmon(8)'s recipe (rtmon file LOG in the
# background, then "ip monitor file LOG" to read it back), fib_nexthops.sh's
# start_ip_monitor/stop_ip_monitor ("$IP monitor nexthop > tmpfile &",
# changes, kill, count the lines) and "timeout 1 ip monitor ..." one-shots.
# Nexthop groups are replaced under routes that use them: ip -d monitor
# shows each route's nh_info from the nexthop events it saw. rtmon's time
# stamps are dropped; v0 and v1 have no IPv6 link-local addresses, so the
# capture holds only what the case does.
/usr/sbin/ip link add v0 address 02:00:00:00:00:10 type veth peer name v1 address 02:00:00:00:00:11
/usr/sbin/ip link set v0 addrgenmode none
/usr/sbin/ip link set v1 addrgenmode none
/usr/sbin/ip link set v0 up
/usr/sbin/ip link set v1 up
/usr/sbin/ip addr add 10.1.0.1/24 dev v0
sleep 1; rtmon file rt.log & sleep 0.5; /usr/sbin/ip nexthop add id 5 via 10.1.0.8 dev v0; /usr/sbin/ip nexthop add id 6 via 10.1.0.9 dev v0 proto static; /usr/sbin/ip nexthop add id 7 group 5/6; /usr/sbin/ip nexthop add id 8 group 5/6 type resilient buckets 4 idle_timer 0; /usr/sbin/ip route add 10.9.0.0/16 nhid 7; /usr/sbin/ip route add 10.8.0.0/16 nhid 8; /usr/sbin/ip nexthop replace id 7 group 5,3/6; /usr/sbin/ip route add 10.10.0.0/16 nhid 7; /usr/sbin/ip route del 10.9.0.0/16; /usr/sbin/ip route del 10.10.0.0/16; /usr/sbin/ip route del 10.8.0.0/16; /usr/sbin/ip nexthop del id 7; /usr/sbin/ip rule add pref 100 from 10.3.0.0/16 table 7; /usr/sbin/ip neigh add 10.1.0.9 lladdr 02:00:00:00:00:09 dev v0; /usr/sbin/ip addr add 10.1.0.2/24 dev v0; sleep 0.5; kill $!; wait; echo done
ip monitor file rt.log | grep -v ^Timestamp
ip -d monitor file rt.log | grep -v ^Timestamp
ip -o -d monitor file rt.log | grep -v ^Timestamp
ip monitor nexthop file rt.log | grep -v ^Timestamp
ip monitor route file rt.log label | grep -v ^Timestamp
ip -4 monitor file rt.log | grep -v ^Timestamp
ip -N monitor file rt.log | grep -v ^Timestamp
ip -s -d monitor file rt.log | grep -v ^Timestamp
ip monitor file rt.log all-nsid | grep -v ^Timestamp
ip monitor file rt.log dev v0 | grep -v ^Timestamp
ip -d monitor nexthop > nh.log & sleep 1; /usr/sbin/ip nexthop add id 21 via 10.1.0.8 dev v0; /usr/sbin/ip nexthop add id 22 via 10.1.0.9 dev v0; /usr/sbin/ip nexthop add id 23 group 21/22; /usr/sbin/ip nexthop del id 23; sleep 0.5; kill $!; wait; cat nh.log; wc -l < nh.log
ip -d monitor route nexthop > rt2.log & sleep 1; /usr/sbin/ip nexthop add id 24 group 21/22; /usr/sbin/ip route add 10.20.0.0/16 nhid 24; /usr/sbin/ip nexthop replace id 24 group 21,4/22; /usr/sbin/ip route add 10.21.0.0/16 nhid 24; /usr/sbin/ip route flush 10.20.0.0/16; /usr/sbin/ip route flush 10.21.0.0/16; sleep 0.5; kill $!; wait; cat rt2.log
timeout 1 ip monitor nexthop; echo $?
timeout 1 ip -t monitor link; echo $?
timeout 2 ip monitor label nexthop > m3 & sleep 1; /usr/sbin/ip nexthop flush; wait; cat m3
ip nexthop
ip monitor file nope
ip monitor file
ip monitor file rt.log nexthop bogus
