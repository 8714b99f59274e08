# bridge vlan: show in every mode, add/del/set, tunnelshow, global. This
# kernel has no VLAN filtering: headers, requests and refusals are compared.
bridge vlan
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip link add p2 address 02:00:00:00:00:03 type veth peer name q2 address 02:00:00:00:00:04
/usr/sbin/ip link set p1 master br0
/usr/sbin/ip link set p2 master br0
/usr/sbin/ip link add vx0 type vxlan id 42 dstport 4789 external
bridge vlan
bridge vlan show
bridge vlan list
bridge vlan lst dev p1
bridge vlan show dev p1 vid 1
bridge vlan show vid 1
bridge vlan show vid 0 vid 1
bridge vlan show vid 1 vid 2
bridge vlan show dev p1 dev p2
bridge vlan show dev nope
bridge vlan show dev ''
bridge vlan show dev
bridge vlan show garbage
bridge -j vlan show
bridge -j -p vlan show
bridge -o vlan show
bridge -compressvlans vlan show
bridge -d vlan show
bridge -d -j vlan show
bridge -d -s vlan show
bridge -s vlan show
bridge -s -j vlan show
bridge -s vlan show dev p1
bridge -s vlan show dev nope
bridge vlan tunnelshow
bridge -j vlan tunnelshow
bridge -d vlan tunnelshow
bridge vlan tunnelshow dev vx0
bridge vlan global
bridge vlan global show
bridge vlan global list dev br0
bridge vlan global lst vid 1
bridge -j vlan global show
bridge vlan global foo
bridge vlan global sh
bridge vlan glob show
bridge vlan foo
bridge vlan help
# add/del
bridge vlan add vid 5 dev p1
bridge vlan add vid 5 dev p1 master
bridge vlan add vid 5 dev p1 self
bridge vlan add vid 5 dev p1 pvid untagged
bridge vlan add vid 10-20 dev p1
bridge vlan add vid 10-20 dev p1 pvid
bridge vlan add vid 20-10 dev p1
bridge vlan add vid 10-10 dev p1
bridge vlan add vid 10- dev p1
bridge vlan add vid 10-4096 dev p1
bridge vlan add vid 4096 dev p1
bridge vlan add vid 70000 dev p1
bridge vlan add vid -1 dev p1
bridge vlan add vid -2 dev p1
bridge vlan add vid x dev p1
bridge vlan add vid 5
bridge vlan add dev p1
bridge vlan add vid 5 dev nope
bridge vlan add vid 5 dev ''
bridge vlan add vid 5 dev p1 help
bridge vlan add vid 5 dev p1 help pvid
bridge vlan add vid 5 dev p1 garbage
bridge vlan add vid 5 dev vx0 tunnel_info id 500
bridge vlan add vid 5-7 dev vx0 tunnel_info id 500-502
bridge vlan add vid 5 dev vx0 tunnel_info i 500
bridge vlan add vid 5 dev vx0 tunnel_info 500
bridge vlan add vid 5 dev vx0 tunnel_info id 16777216
bridge vlan add vid 5 dev vx0 tunnel_info id 5-x
bridge vlan add vid 5 dev vx0 tunnel_info id
bridge vlan add vid 5 dev vx0 tunnel_info
bridge vlan del vid 1 dev p1
bridge vlan delete vid 1-3 dev p1 master
bridge vlan del vid 5 dev vx0 tunnel_info id 500
bridge vlan a vid 5 dev p1
bridge vlan d vid 5 dev p1
# set
bridge vlan set vid 1 dev p1 state forwarding
bridge vlan set vid 1 dev p1 state 3
bridge vlan set vid 1 dev p1 state forw
bridge vlan set vid 1 dev p1 state ''
bridge vlan set vid 1 dev p1 mcast_router 2
bridge vlan set vid 1 dev p1 mcast_router 256
bridge vlan set vid 1-5 dev p1 state blocking
bridge vlan set vid 5-1 dev p1
bridge vlan set vid 4096 dev p1
bridge vlan set vid 1 dev nope
bridge vlan set dev nope vid 1
bridge vlan set vid 1
bridge vlan set dev p1
bridge vlan set dev p1 vid 1 help
bridge vlan s dev p1 vid 1
# global set
bridge vlan global set dev br0 vid 1 mcast_snooping 1
bridge vlan global set dev br0 vid 1 mcast_snooping 256
bridge vlan global set dev br0 vid 1-10 mcast_querier 1 mcast_igmp_version 3 mcast_mld_version 2
bridge vlan global set dev br0 vid 1 mcast_last_member_count 2 mcast_startup_query_count 3 mcast_last_member_interval 100
bridge vlan global set dev br0 vid 1 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3125
bridge vlan global set dev br0 vid 1 mcast_last_member_count x
bridge vlan global set dev br0 vid 1 mcast_query_interval -1
bridge vlan global set dev br0 vid 1 mcast_query_interval 18446744073709551616
bridge vlan global set dev br0 vid 1 help
bridge vlan global set dev br0 vid 1 help mcast_snooping
bridge vlan global set dev br0
bridge vlan global set dev nope vid 1
bridge vlan global set vid 10-1 dev br0
bridge -n nope vlan show
