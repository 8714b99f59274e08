# Generic ip link set keywords: protodown_reason, gso/gro, addrgenmode, alias, mtu bounds, renames, netns/link-netns errors.
ip link add v1 type veth peer name v2
ip link set dev v1 protodown_reason 0 on
ip link set dev v1 protodown_reason 40 on
ip link set dev v1 protodown_reason 1 maybe
ip link set dev v1 protodown on
ip link set dev v1 gso_max_size 32768 gso_max_segs 100 gro_max_size 32768
ip -d link show v1
ip link set dev v1 gso_max_segs 70000
ip link set dev v1 gso_max_size x
ip link set dev v1 gro_max_size 4000000000
ip link set dev v1 tso_max_size 1000
ip link set dev v1 addrgenmode none
ip -d link show v1
ip link set dev v1 addrgenmode stable_secret
ip link set dev v1 addrgenmode random
ip link set dev v1 addrgenmode EUI64
ip -d link show v1
ip link set dev v1 alias "some alias"
ip link set dev v1 alias ""
ip link show v1
ip link set dev v1 mtu 20
ip link set dev v1 mtu 70000
ip link set dev v1 mtu -1
ip link set dev v1 name v2
ip link set dev v1 name lo
ip link set dev v1 name v9 mtu 1300
ip link show v9
ip link del dev v9 type veth
ip link del dev v2 type bridge
ip link add v3 type veth peer name v4
ip link set v3 netns 999999
ip link set v3 netns -5
ip link set v3 netns nosuch
ip netns add ns1
ip link set v3 link-netns nosuch
ip link set v3 link-netnsid 7
ip link set v3 link-netns ns1 link-netnsid 3
ip link add v5 link-netns ns1 type veth peer name v6
ip link show v5
