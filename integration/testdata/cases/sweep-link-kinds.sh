# A sweep of issue 3's keywords: one line each, as a reader would try them.
ip link add v1 type veth peer name v2
ip link add br0 type bridge
ip link set v1 master br0
ip link show master br0
ip link show type veth
ip link show type bridge_slave
ip -br link show vrf foo
ip link set v1 type bridge_slave state 3 priority 10 cost 5 guard on hairpin on learning off flood off proxy_arp on neigh_suppress on isolated on mcast_flood off mcast_to_unicast on bcast_flood off
ip -d link show v1
ip -j -d link show v1
ip link set br0 type bridge forward_delay 400 hello_time 300 max_age 1000 ageing_time 20000 stp_state 0 priority 100 vlan_filtering 1 vlan_protocol 802.1ad vlan_default_pvid 5 mcast_snooping 0 mcast_querier 1 nf_call_iptables 1 group_fwd_mask 0x8 mcast_hash_max 1024 mcast_last_member_count 3 mcast_startup_query_count 3 mcast_router 2 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2
ip -d link show br0
ip link add vx0 type vxlan id 42 dev v2 group 239.1.1.1 nolearning proxy l2miss l3miss udpcsum ttl 10 tos 0x10 srcport 1000 2000 ageing 100
ip link add vx1 type vxlan id 43 remote 10.0.0.2 local 10.0.0.1 dstport 4789 external
ip link add vx2 type vxlan vni 44 dstport 0
ip -d link show vx0
ip -d -j link show vx1
ip link add mv0 link v2 type macvlan mode bridge
ip link add mv1 link v2 type macvlan mode source macaddr add 02:00:00:00:00:09
ip link add mv2 link v2 type macvtap mode passthru nopromisc
ip -d link show mv1
ip -d link show mv2
ip link set mv1 type macvlan macaddr set 02:00:00:00:00:0a 02:00:00:00:00:0b
ip -d link show mv1
ip link add ifb0 type ifb
ip -d link show ifb0
ip link set v1 txqueuelen 500 mtu 1400 address 02:11:22:33:44:55 broadcast ff:ff:ff:ff:ff:fe arp off multicast off allmulticast on promisc on trailers on dynamic on carrier off protodown off group 5 alias hello
ip -d link show v1
ip link set v1 numtxqueues 2
ip link set v1 gso_max_size 30000 gro_max_size 30000
ip link set v1 addrgenmode none
ip link show group 5
ip link del group 5
ip link show
ip link property add dev br0 altname bridge-alt
ip link show bridge-alt
ip link property del dev br0 altname bridge-alt
ip link xstats type bridge
ip link afstats dev br0
ip link add v3 numtxqueues 4 numrxqueues 4 type veth peer name v4 numtxqueues 2 mtu 1300 address 02:00:00:00:00:44
ip -d link show v4
ip link add x1 type dummy
ip link add x3 type bond mode 802.3ad
