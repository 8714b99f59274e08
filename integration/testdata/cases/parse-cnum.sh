# C number and address syntax (internal/cnum) where gip's copies had drifted
# from iproute2: strtoul's blanks, signs and wrap-around, get_addr_1's
# dotted quads and keywords, get_netmask's "default", scanf's "if%u" and
# "%hhx", in ip address, ip route, ip link and bridge fdb.
ip addr add " 10.0.0.1/24" dev lo
ip addr add "+10.0.0.2/24" dev lo
ip addr add "-0.0.0.1/24" dev lo
ip addr add "10.0.0.3/ 24" dev lo
ip addr add "10.0.0.4/-0" dev lo
ip addr add "10.0.0.5/+8" dev lo
ip addr add 10.0.0.6/default dev lo
ip addr add 10.0.0.7/any dev lo
ip addr add 10.0.0.8/255.255.255.0 dev lo
ip addr add 10.0.0.9/255.0.255.0 dev lo
ip addr add 10.9 dev lo
ip addr add 10.0.1.1/24 dev lo metric " 5" valid_lft " 4294967295" preferred_lft "+0xffffffff" scope " 5"
ip addr add 10.0.1.4/24 dev lo valid_lft " 0x1f4" preferred_lft "+400"
ip -br addr show to 10.0.1.4
ip addr del 10.0.1.4/24 dev lo
ip addr add 10.0.1.2/24 dev lo metric -18446744073709551615 scope -0
ip addr add 10.0.1.3/24 dev lo metric -1
ip -br addr show lo
ip addr show lo
ip addr flush dev lo scope global
ip -4 addr add default dev lo
ip -6 addr add default dev lo
ip -4 addr del default dev lo
ip addr add default/0 dev lo
ip addr show dev "if 1"
ip addr show dev if4294967297
ip addr show dev if-1
ip addr show dev if0x1
ip addr flush dev if2147483648
ip addr add 1.2.3.4/8 dev if-1
ip -f link addr add broadcast default dev lo
ip -f ipx addr
ip route add 10.1.0.0/16 dev "if 1"
ip route add 10.2.0.0/16 dev if+1
ip route add 10.3.0.0/16 dev if1x
ip route add 10.4.0.0/16 dev if0x1
ip route add 10.5.0.0/16 dev if-1
ip route add 10.6/16 dev lo
ip route add 10.7.0.0/255.255.0.0 dev lo
ip route add " 10.8.0.0/ 16" dev lo
ip route show dev lo
ip -rcvbuf " 100000" link show lo
ip -rcvbuf 0b11 link show lo
ip link add vx1 type vxlan id 5 tos " 5" dstport 4789
ip link add vx2 type vxlan id 6 tos "+5" dstport 4789
ip link add vx3 type vxlan id 7 tos "-0" dstport 4789
ip link add vx4 type vxlan id 8 tos 0x dstport 4789
ip link add vx5 type vxlan id 9 dstport 4789 remote " 10.1"
ip -d link show type vxlan
ip link set vx1 address 100000000:0:0:0:0:1
ip link set vx2 address "0x2:0:0:0:0: 7"
ip link show vx1
ip link show vx2
ip link set lo netns "- 5"
ip link set vx3 group " 0x10"
ip link set vx3 group "- 1"
ip link show vx3
ip link add t1 type ip6tnl flowlabel " 5"
ip link add t2 type ip6tnl flowlabel 0x100000
/usr/sbin/ip link add vxlan0 type vxlan id 42 dstport 4789 local 10.0.0.1
bridge fdb add 02:00:00:00:00:01 dev vxlan0 dst 10.1
bridge fdb add 02:00:00:00:00:02 dev vxlan0 dst " 10.0.0.2"
bridge fdb add 02:00:00:00:00:03 dev vxlan0 dst default
bridge -4 fdb add 02:00:00:00:00:03 dev vxlan0 dst any
bridge -4 fdb add 02:00:00:00:00:03 dev vxlan0 dst 2001:db8::1
bridge -family inet6 fdb add 02:00:00:00:00:03 dev vxlan0 dst 10.0.0.3
bridge fdb add 02:00:00:00:00:04 dev vxlan0 dst 10.0.0.4 port " "
bridge fdb add 02:00:00:00:00:04 dev vxlan0 dst 10.0.0.4 port "+"
bridge fdb add 02:00:00:00:00:04 dev vxlan0 dst 10.0.0.4 vni " "
bridge fdb add 02:00:00:00:00:05 dev vxlan0 dst 10.0.0.5 port ""
bridge fdb add 02:00:00:00:00:06 dev vxlan0 dst 10.0.0.6 nhid "-0"
bridge fdb add 02:00:00:00:00:07 dev vxlan0 nhid ""
bridge fdb add 0x:00:00:00:00:08 dev vxlan0 dst 10.0.0.8
bridge fdb add 99999999999999999999:00:00:00:00:09 dev vxlan0 dst 10.0.0.9
bridge fdb add "-1: 2:0:0:0:a" dev vxlan0 dst 10.0.0.10
bridge fdb add "1 :2:0:0:0:b" dev vxlan0 dst 10.0.0.11
bridge fdb show dev vxlan0
bridge fdb show state " 128"
