#!/bin/sh
# Run as root from the maddr directory: builds a namespace with a few
# multicast groups, copies /proc/net's lists into testdata/proc and what
# iproute2 printed from them into testdata/show*.txt.
exec unshare --net --fork --mount sh -c '
mount -t sysfs sysfs /sys
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip link set eth0 up
/usr/sbin/ip link set eth1 up
/usr/sbin/ip maddr add 01:00:5e:00:00:05 dev eth0
/usr/sbin/ip maddr add 01:00:5e:00:00:05 dev eth0
/usr/sbin/ip maddr add 33:33:00:00:00:07 dev eth1
sleep 1
mkdir -p testdata/proc
for f in dev_mcast igmp igmp6; do cat /proc/net/$f > testdata/proc/$f; done
/usr/sbin/ip maddr > testdata/show.txt
/usr/sbin/ip -o maddr > testdata/show-o.txt
/usr/sbin/ip -j maddr > testdata/show-j.txt
/usr/sbin/ip -j -p maddr > testdata/show-jp.txt
/usr/sbin/ip -4 maddr > testdata/show-4.txt
/usr/sbin/ip -6 maddr show dev eth0 > testdata/show-6-eth0.txt
/usr/sbin/ip -0 maddr > testdata/show-0.txt
/usr/sbin/ip -c maddr > testdata/show-c.txt
'
