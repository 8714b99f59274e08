# Tunnel kinds this kernel lacks (xfrm, vti, vti6, ip6tnl, ip6gre, ip6gretap, ip6erspan, bareudp, hsr, amt): parse errors and the kernel's refusal.
ip link add e0 type veth peer name e1
ip link add x0 type xfrm dev e0 if_id 5
ip link add x0 type xfrm external
ip link add x0 type xfrm external if_id 3
ip link add x0 type xfrm dev e0
ip link add x0 type xfrm if_id 0
ip link add x0 type xfrm if_id x
ip link add x0 type xfrm dev nosuch if_id 1
ip link add x0 type xfrm foo
ip link help xfrm >/dev/null
ip link add v0 type vti remote 1.2.3.4 local 1.2.3.5 key 5 dev e0 fwmark 0x9
ip link add v0 type vti ikey 1.2.3.4 okey 77 remote any
ip link add v0 type vti key foo
ip link add v0 type vti remote 1.2.3.x
ip link add v0 type vti fwmark x
ip link add v0 type vti dev nosuch
ip link add v0 type vti foo
ip link set e0 type vti key 5
ip link help vti >/dev/null
ip link add v0 type vti6 remote 2001:db8::1 local 2001:db8::2 key 1.2.3.4 dev e0 fwmark 7
ip link add v0 type vti6 remote 1.2.3.4
ip link add v0 type vti6 okey -1
ip link add v0 type vti6 foo
ip link help vti6 >/dev/null
ip link add t6 type ip6tnl
ip link add t6 type ip6tnl remote 2001:db8::1 local 2001:db8::2 dev e0 hoplimit 33 encaplimit 7 tclass 0x12 flowlabel abcde dscp inherit fwmark 9 allow-localremote mode ipip6
ip link add t6 type ip6tnl ttl inherit encaplimit none tos inherit fl inherit fwmark inherit mode any encap gue encap-sport 1000
ip link add t6 type ip6tnl external
ip link add t6 type ip6tnl encaplimit foo
ip link add t6 type ip6tnl mode ipip
ip link add t6 type ip6tnl remote 1.2.3.4
ip link add t6 type ip6tnl hoplimit 256
ip link add t6 type ip6tnl tclass 100
ip link add t6 type ip6tnl flowlabel 100000
ip link add t6 type ip6tnl dscp 5
ip link add t6 type ip6tnl dev nosuch
ip link add t6 type ip6tnl foo
ip link set e0 type ip6tnl hoplimit 3
ip link help ip6tnl >/dev/null
ip link add g6 type ip6gre remote 2001:db8::1 local 2001:db8::2 key 5 icsum seq dev e0 hoplimit 10 encaplimit 3 tclass 0x20 flowlabel 0x12345
ip link add g6 type ip6gre r 2001:db8::1 l 2001:db8::2 i 1.2.3.4 o 9 t 5 ds 11 d e1 nos ic
ip link add g6 type ip6gre ttl inherit tos inherit fl inherit dscp inherit fwmark inherit allow-localremote encaplimit none encap fou
ip link add g6 type ip6gre external
ip link add g6 type ip6gretap remote 2001:db8::1 okey 1.2.3.4 fwmark 7
ip link add g6 type ip6erspan remote 2001:db8::1 erspan_ver 2 erspan_dir egress erspan_hwid 7
ip link add g6 type ip6erspan remote 2001:db8::1 erspan 100
ip link add g6 type ip6gre encaplimit foo
ip link add g6 type ip6gre key foo
ip link add g6 type ip6gre remote 1.2.3.4
ip link add g6 type ip6gre hlim 300
ip link add g6 type ip6gre tclass 1ff
ip link add g6 type ip6gre flowlabel x
ip link add g6 type ip6gre dev nosuch
ip link add g6 type ip6gre foo
ip link set e0 type ip6gre key 5
ip link add g6 type ip6erspan erspan 0
ip link add g6 type ip6erspan erspan_ver 3
ip link add g6 type ip6erspan erspan_dir up
ip link add g6 type ip6gretap erspan_hwid 65536
ip link help ip6gre >/dev/null
ip link help ip6gretap >/dev/null
ip link help ip6erspan >/dev/null
ip link add b0 type bareudp dstport 6635 ethertype ipv4
ip link add b0 type bareudp d 6635 e mpls_uc s 1000 m
ip link add b0 type bareudp dstport 0x1000 ethertype 0x86dd nomultiproto
ip link add b0 type bareudp ethertype ipv4
ip link add b0 type bareudp dstport 5
ip link add b0 type bareudp dstport 65536 ethertype ipv4
ip link add b0 type bareudp dstport 5 ethertype foo
ip link add b0 type bareudp dstport 5 ethertype ip srcportmin x
ip link add b0 type bareudp dstport 5 dstport 6
ip link add b0 type bareudp multiproto nomultiproto
ip link add b0 type bareudp foo
ip link help bareudp >/dev/null
ip link add link e0 name e0.5 type vlan id 5 protocol ip
ip link add h0 type hsr slave1 e0 slave2 e1
ip link add h0 type hsr slave1 e0 slave2 e1 supervision 45 version 1 proto 1
ip link add h0 type hsr sl e0 slave2 e1 s 0x10 v 7 p 200
ip link add h0 type hsr supervision 256
ip link add h0 type hsr version x
ip link add h0 type hsr proto -1
ip link add h0 type hsr slave1 nosuch
ip link add h0 type hsr foo
ip link add h0 type hsr help
ip link help hsr >/dev/null
ip link add a0 type amt mode gateway discovery 1.2.3.4 local 1.2.3.5 dev e0 relay_port 2268 gateway_port 2269 max_tunnels 10
ip link add a0 type amt mode relay local 2001:db8::1 discovery 2001:db8::2
ip link add a0 type amt discovery 1.2.3.4 local any
ip link add a0 type amt discovery 1.2.3.4 local 2001:db8::1
ip link add a0 type amt discovery 1.2.3.x
ip link add a0 type amt discovery 1.2.3.4 discovery 1.2.3.5
ip link add a0 type amt mode foo
ip link add a0 type amt relay_port 65536
ip link add a0 type amt max_tunnels -x
ip link add a0 type amt dev nosuch
ip link add a0 type amt mo relay
ip link add a0 type amt foo
ip link help amt >/dev/null
