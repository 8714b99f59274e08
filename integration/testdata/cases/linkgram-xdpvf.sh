# XDP detach forms (off/none last), XDP mode errors, pinned programs, SR-IOV vf words (refused by veth).
ip link add v1 type veth peer name v2
ip link set dev v1 xdp off
ip link set dev v1 xdpgeneric off
ip link set dev v1 xdpdrv none
ip link set dev v1 xdpoffload off
ip link set dev v1 xdp off mtu 1400
ip link set dev v1 xdp foo
ip link set dev v1 xdp
ip link set dev v1 xdp pinned /nonexistent/prog
ip link set dev v1 vf 0 mac 02:00:00:00:00:01
ip link set dev v1 vf x
ip link set vf 0 dev v1
ip link set dev v1 vf 0
ip -force link set dev v1 xdp off
ip link set dev v1 xdp object /nonexistent.o
ip link set dev v1 vf 0 spoofchk on trust off state auto query_rss on
ip link set dev v1 vf 0 vlan 5 qos 1 proto 802.1ad vlan 6
ip link set dev v1 vf 0 vlan 5000
ip link set dev v1 vf 0 state foo
ip link set dev v1 vf 0 rate 100 max_tx_rate 50 min_tx_rate 60
ip link set dev v1 vf 0 node_guid 00:11:22:33:44:55:66
ip link set dev v1 vf 0 mac 02:00:00:00:00:01:02
ip link set dev v1 vf 0 spoofchk maybe
echo hello > text.o
ip link set v1 xdp obj /dev/null
ip link set v1 xdp obj text.o sec foo
ip link set v1 xdpgeneric object /bin/true
printf '\x7fELF\x02\x02\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\xf7\x00\x00\x00\x01' > be.o; head -c 64 /dev/zero >> be.o
ip link set v1 xdp obj be.o
ip link set v1 xdp obj /tmp
