#!/bin/sh
# Run as root from the netconf directory: builds a namespace with a few
# settings changed, captures the kernel's netconf dump into
# testdata/dump.bin and what iproute2 printed into testdata/dump*.txt.
exec unshare --net --fork --mount sh -c '
mount -t sysfs sysfs /sys
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 type veth peer name eth1
sysctl -qw net.ipv4.conf.eth0.forwarding=1 net.ipv4.conf.eth0.rp_filter=2 net.ipv6.conf.eth0.forwarding=1
sysctl -qw net.ipv4.conf.eth1.rp_filter=1 net.ipv4.conf.eth0.proxy_arp=1 net.ipv6.conf.eth1.proxy_ndp=1
sysctl -qw net.ipv4.conf.all.ignore_routes_with_linkdown=1
GIP_CAPTURE=1 go test -count=1 -run TestCaptureDump . >/dev/null
/usr/sbin/ip monitor file testdata/dump.bin > testdata/dump.txt
/usr/sbin/ip -o monitor file testdata/dump.bin > testdata/dump-o.txt
/usr/sbin/ip -j -p netconf > testdata/dump-jp.txt
/usr/sbin/ip -6 netconf show dev eth0 > testdata/dump-6dev.txt
'
