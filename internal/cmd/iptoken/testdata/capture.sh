#!/bin/sh
# Run as root from the token directory: builds a namespace with tokens
# set, captures the kernel's AF_INET6 link dump into testdata/dump.bin and
# what iproute2 printed into testdata/dump*.txt.
exec unshare --net --fork sh -c '
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 type veth peer name eth1
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip token set ::1:2:3:4 dev eth0
/usr/sbin/ip token set ::42 dev br0
GIP_CAPTURE=1 go test -count=1 -run TestCaptureDump . >/dev/null
/usr/sbin/ip token > testdata/dump.txt
/usr/sbin/ip -j -p token > testdata/dump-jp.txt
/usr/sbin/ip token get dev eth0 > testdata/dump-eth0.txt
/usr/sbin/ip link show | grep "^[0-9]" >&2
'
