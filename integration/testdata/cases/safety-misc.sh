# Small faults: flush loops that run out, link-layer words where an
# address goes (ll_addr_a2n speaks first, and cuts the word at colons).
/usr/sbin/ip link add d0 type veth peer name d1
/usr/sbin/ip addr add 10.0.0.1/24 dev d0
ip -l -1 addr flush dev d0
ip -o -4 addr show dev d0
ip -loops -1 addr flush dev d0
ip -0 neigh add medium
ip -0 neigh add aa:zz:1
ip -0 neigh add 1.2.x
ip -0 neigh add aa:-1
ip -0 neigh add aa:100
ip -0 neigh get medium dev d0
ip -0 neigh del zz:1 dev d0
ip -0 neigh add default dev d0
brctl setfd d0 0x
brctl addbr br0
brctl setfd br0 0x
# Under -0 an address word is a link-layer address (ll_addr_a2n: hex
# bytes, or a dotted IPv4 form, up to 256 bytes): the kernel, not the
# parser, refuses the family; an address that does not fit ip neigh's
# 284-byte request gets addattr_l's line.
/usr/sbin/ip link add vx0 type vxlan id 5 dstport 4789
ip -j -0 nei de to 10.0.0 managed lladdr 00:11:22:33:44:55 d vx0
ip -details -0 neighbour delete to 10.1.2.3 dev nosuch
ip -0 neigh add aa:bb dev d0
ip -0 neigh add aa:bb lladdr 02:00:00:00:00:01 dev d0
ip -0 neigh del 10.1.2.3 dev d0
ip -0 neigh get aa:bb dev d0
ip -0 neigh add proxy aa dev d0
ip -0 neigh add 1.2.3 dev nosuch
ip -0 neigh add 0x1:0xfg dev d0
ip -0 neigh add aa: dev d0
ip -0 neigh add $(printf 'a:%.0s' $(seq 300))1 dev d0
ip -0 neigh add $(printf 'a:%.0s' $(seq 251))1 dev d0
ip -0 neigh add $(printf 'a:%.0s' $(seq 252))1 dev d0
ip -0 neigh add $(printf 'a:%.0s' $(seq 244))1 dev d0 protocol static
ip -0 neigh add $(printf 'a:%.0s' $(seq 243))1 dev d0 protocol static
ip -0 neigh add $(printf 'a:%.0s' $(seq 235))1 dev d0 managed lladdr 1:2:3:4
ip -0 neigh add $(printf "a:%.0s" $(seq 236))1 dev d0 managed lladdr 1:2:3:4
ip -0 nexthop add id 5 via aa:bb dev d0
ip route add 10.9.0.0/16 via link aa:bb dev d0
ip nexthop add id 4 via link aa:bb dev d0
ip neigh add 10.0.0.7 dev d0 lladdr 02:00:00:00:00:07 protocol static protocol boot; ip neigh show 10.0.0.7 proto boot
# Names too long for iproute2's 1056-byte lookup request: addattr_l's
# line, then the lookup finds nothing (or the link an "ifN" name stands for).
ip link show $(head -c 70000 /dev/zero | tr '\0' a)
ip link show dev $(head -c 2000 /dev/zero | tr '\0' a)
ip -br link show dev if1$(head -c 2000 /dev/zero | tr '\0' a)
ip addr show $(head -c 1012 /dev/zero | tr '\0' a)
ip addr show $(head -c 1011 /dev/zero | tr '\0' a)
ip addr add 10.0.0.1/24 dev $(head -c 2000 /dev/zero | tr '\0' a)
ip route show dev $(head -c 2000 /dev/zero | tr '\0' a)
ip neigh show dev $(head -c 2000 /dev/zero | tr '\0' a)
ip link set dev $(head -c 2000 /dev/zero | tr '\0' a) up
ip link del $(head -c 2000 /dev/zero | tr '\0' a)
ip link set d0 master $(head -c 2000 /dev/zero | tr '\0' a)
ip addr flush dev $(head -c 2000 /dev/zero | tr '\0' a)
ip route get 1.1.1.1 oif $(head -c 2000 /dev/zero | tr '\0' a)
ip link add link $(head -c 2000 /dev/zero | tr '\0' a) name d4 type macvlan
bridge fdb show dev $(head -c 2000 /dev/zero | tr '\0' a)
bridge link show dev $(head -c 2000 /dev/zero | tr '\0' a)
bridge fdb add 02:00:00:00:00:09 dev $(head -c 2000 /dev/zero | tr '\0' a)
brctl addif br0 $(head -c 2000 /dev/zero | tr '\0' a)
brctl addbr $(head -c 70000 /dev/zero | tr '\0' a); ip -br link show type bridge
# brctl's float scanner on 64-bit time values (sysfs takes them whole).
brctl setageing br0 5e9; brctl showstp br0 | grep ageing
brctl setageing br0 4294967296; brctl showstp br0 | grep ageing
brctl setfd br0 5e9; brctl showstp br0 | grep 'forward delay'
brctl sethello br0 5e7
ip route add 10.5.0.0/16 dev d0 rtt 0x1p3
# ip address's 280-byte request: an attribute that does not fit is left
# out after addattr_l's line (a label, or what follows a long label).
ip addr add 10.0.0.2/24 dev d0 label $(head -c 70000 /dev/zero | tr '\0' a); ip -o -4 addr show dev d0
ip addr add 10.0.0.3/24 dev d0 label d0:$(head -c 240 /dev/zero | tr '\0' a); ip -o -4 addr show dev d0
ip addr add 10.0.0.5/24 dev d0 label d0:$(head -c 220 /dev/zero | tr '\0' a) valid_lft 100 preferred_lft 50
ip -o -4 addr show dev d0
