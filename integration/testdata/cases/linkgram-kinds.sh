# Kinds this kernel lacks (gre, gretap, erspan, ipip, sit, geneve, vrf, ipvlan, ipvtap): parse errors and the kernel's refusal.
ip link add e0 type veth peer name e1
ip link add g0 type gre remote 1.2.3.4 local 1.2.3.5 ttl 64 key 5 icsum seq dev e0
ip link add g1 type gretap remote 239.1.1.1 local 10.0.0.1 ikey 1.2.3.4
ip link add g1 type gretap remote 239.1.1.1
ip link add g2 type erspan remote 1.2.3.4 local 1.2.3.5 erspan_ver 2 erspan_dir egress erspan_hwid 7
ip link add g3 type erspan remote 1.2.3.4 erspan 0
ip link add g3 type erspan remote 1.2.3.4 erspan_ver 3
ip link add g4 type gre remote x
ip link add g4 type gre key 1.2.x
ip link add g4 type gre key foo
ip link add g4 type gre dev nosuch
ip link add g4 type gre foo
ip link add g4 type gre ttl 300
ip link add g4 type gre ttl 5 nopmtudisc
ip link set e0 type gre ttl 5
ip link add t0 type ipip remote 1.2.3.4 dev e0 mode ipip
ip link add t0 type ipip mode ip6ip
ip link add s0 type sit remote 1.2.3.4 mode ip6ip isatap 6rd-prefix 2001:db8::/32
ip link add s0 type sit 6rd-prefix 10.0.0.0/8
ip link add s0 type sit encap foo
ip link set e0 type sit ttl 3
ip link add gn0 type geneve id 5 remote 1.2.3.4 ttl inherit df set
ip link add gn0 type geneve id 5
ip link add gn0 type geneve remote 1.2.3.4
ip link add gn0 type geneve external id 5
ip link add gn0 type geneve id 16777216 remote 1.2.3.4
ip link add gn0 type geneve id 5 id 6
ip link add gn0 type geneve id 5 remote 239.1.1.1
ip link add gn0 type geneve id 5 remote 1.2.3.4 df foo
ip link add vrf0 type vrf table 10
ip link add vrf0 type vrf table main
ip link add vrf0 type vrf table x
ip link set e0 type vrf_slave table 5
ip link add iv0 link e0 type ipvlan mode l2 private
ip link add iv0 link e0 type ipvtap mode l9
ip link add type gre help
ip link add type vrf help
ip link add type ipvlan help
ip -br link
ip link set e0 type bond_slave queue_id 5 prio -3
ip link set e0 type bond_slave q 5
ip link set e0 type bond_slave queue_id 65536
ip link set e0 type bond_slave prio 2147483648
ip link set e0 type bond_slave prio
ip link set e0 type bond_slave help
ip link add t1 type sit 6rd-relay_prefix 10.0.0.0/255.0.0.0
ip link add t1 type sit 6rd-relay_prefix 10.0.0.0/255.0.255.0
ip link add g5 type gre remote 10.1 local 010.0.0.1 ikey 1.2.3.4
