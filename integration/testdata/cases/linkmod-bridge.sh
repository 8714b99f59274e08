# ip link add type bridge with options, bridge_slave port options, -d details.
ip link add br0 type bridge
ip -d link show br0
ip -d -j link show br0
ip link add br1 type bridge forward_delay 400 hello_time 300 max_age 1000 ageing_time 6000 stp_state 0 priority 100 vlan_protocol 802.1ad group_fwd_mask 0x8
ip link add br9 type bridge vlan_filtering 1 vlan_default_pvid 5
ip -d link show br1
ip -d -p -j link show br1
ip link add br2 type bridge mcast_snooping 0 mcast_router 2 mcast_querier 1 mcast_hash_max 1024 mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 200 mcast_membership_interval 30000 mcast_querier_interval 25000 mcast_query_interval 12000 mcast_query_response_interval 900 mcast_startup_query_interval 3000 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 no_linklocal_learn 1 mcast_vlan_snooping 0 group_address 01:80:c2:00:00:0e
ip -d link show br2
ip link set br2 type bridge mcast_snooping 1 nf_call_iptables 1 fdb_flush
ip -d link show br2
ip link set br0 type bridge hello_time x
ip link set br0 type bridge vlan_protocol foo
ip link set br0 type bridge priority 70000
ip link add v0 type veth peer name v1
ip link set v0 master br0
ip link set v0 type bridge_slave state 3
ip link set v0 type bridge_slave priority 40 cost 7 guard on hairpin on learning off flood off proxy_arp on mcast_router 2 mcast_fast_leave on neigh_suppress on group_fwd_mask 0x4001 isolated on locked on mcast_flood off bcast_flood off mcast_to_unicast on vlan_tunnel on root_block on
ip -d link show v0
ip -d -j link show v0
ip link set v0 type bridge_slave backup_port v1
ip link set v1 master br0
ip link set v0 type bridge_slave backup_port v1
ip -d link show v0
ip link set v0 type bridge_slave nobackup_port fdb_flush
ip link set v0 type bridge_slave learning maybe
ip link set v0 type bridge_slave backup_port nosuch
ip link set v0 type bridge_slave cost x
ip link set v0 nomaster
ip link show master br0
ip link set v0 master nosuch
ip link del br1
ip link del dev br2
ip link show type bridge
