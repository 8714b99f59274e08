#!/bin/sh
# Run as root from the addrlabel directory: builds a namespace with a few
# labels, captures the kernel's dump into testdata/dump.bin and what
# iproute2 printed for it into testdata/dump*.txt.
exec unshare --net --fork sh -c '
/usr/sbin/ip link add eth1 type veth peer name eth0
/usr/sbin/ip addrlabel add prefix 2001:db8::/32 label 7
/usr/sbin/ip addrlabel add prefix 2001:db9::/48 dev eth0 label 8
/usr/sbin/ip addrlabel add prefix 2001:dba::/64 dev eth1 label 4294967294
/usr/sbin/ip addrlabel del prefix 3ffe::/16 label 12
GIP_CAPTURE=1 go test -count=1 -run TestCaptureDump . >/dev/null
/usr/sbin/ip monitor file testdata/dump.bin > testdata/dump.txt
/usr/sbin/ip -o monitor file testdata/dump.bin > testdata/dump-o.txt
/usr/sbin/ip -j -p addrlabel > testdata/dump-jp.txt
'
