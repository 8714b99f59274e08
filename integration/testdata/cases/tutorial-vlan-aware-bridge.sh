# A VLAN-aware bridge set up as in Red Hat's "VLAN filter support on bridge"
# (https://developers.redhat.com/blog/2017/09/14/vlan-filter-support-on-bridge)
# and the Proxmox/Cumulus "VLAN-aware bridge" recipes: a bridge with
# vlan_filtering 1, a trunk port carrying vids 10-20, access ports with
# pvid untagged, vid 1 removed, then shown every way. This kernel has no
# VLAN filtering: every step's output and refusal is compared as is.
ip link add br0 type bridge vlan_filtering 1
ip link add br0 type bridge
ip link add br0 type bridge vlan_filtering 1 vlan_default_pvid 1
ip link add trunk1 address 02:00:00:00:00:01 type veth peer name trunk1p address 02:00:00:00:00:02
ip link add access1 address 02:00:00:00:00:03 type veth peer name access1p address 02:00:00:00:00:04
ip link add access2 address 02:00:00:00:00:05 type veth peer name access2p address 02:00:00:00:00:06
ip link set trunk1 master br0
ip link set access1 master br0
ip link set access2 master br0
ip link set br0 up
ip link set trunk1 up
ip link set access1 up
ip link set access2 up
ip link set br0 type bridge vlan_filtering 1
ip link set dev br0 type bridge vlan_protocol 802.1ad
ip link set dev br0 type bridge vlan_stats_enabled 1
bridge vlan add vid 10-20 dev trunk1
bridge vlan add dev trunk1 vid 10-20
bridge vlan add dev access1 vid 10 pvid untagged
bridge vlan add dev access2 vid 20 pvid untagged master
bridge vlan add dev br0 vid 10 self
bridge vlan add dev br0 vid 20 pvid untagged self
bridge vlan del dev trunk1 vid 1
bridge vlan del vid 1 dev access1
bridge vlan del dev access2 vid 1
bridge vlan del dev br0 vid 1 self
bridge vlan set dev trunk1 vid 10 state blocking
bridge vlan set dev trunk1 vid 10 mcast_router 2
bridge vlan show
bridge vlan show dev trunk1
bridge vlan show dev access1
bridge vlan show vid 10
bridge -j vlan show
bridge -j -p vlan show
bridge -c vlan show
bridge -d vlan show
bridge -s vlan show
bridge -j -s vlan show
bridge vlan global show
bridge vlan global show dev br0
bridge -j vlan global show
bridge vlan global set dev br0 vid 10 mcast_snooping 1
bridge vlan global set dev br0 vid 10 mcast_querier 1
ip -d link show br0
ip -d link show trunk1
ip -d -j link show br0
ip -d -j -p link show access1
ip link show master br0
ip -br link show master br0
bridge link show
bridge -d link show
bridge vlan del dev trunk1 vid 10-20
bridge vlan del dev access1 vid 10 pvid untagged
ip link set access2 nomaster
ip link del trunk1
ip link del access1
ip link del br0
ip link show type bridge
