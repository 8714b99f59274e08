# veth pairs: peers with options and namespaces, kernel-chosen names, set and delete.
ip netns add ns1
ip link add v0 type veth peer name v1
ip link add v2 type veth peer v3
ip link add type veth
ip link add type veth peer
ip link add name v4 mtu 1400 txqueuelen 500 address 02:00:00:00:00:04 type veth peer name v5 mtu 1300 address 02:00:00:00:00:05 numtxqueues 2 numrxqueues 3
ip link add v6 type veth peer name eth0 netns ns1
ip link add v7 numtxqueues 4 type veth peer name v8 netns ns1 index 77
ip link show
ip -d link show v4
ip -d link show v5
ip -d -j link show v5
ip netns exec ns1 ip link show
ip link add v0 type veth peer name v9
ip link add v10 type veth peer name v0
ip link show v9
ip link set v0 up
ip link set v1 up
ip link set dev v0 down
ip link set v0 arp off multicast off allmulticast on promisc on
ip link set v0 mtu 9000 txqlen 10 address 02:00:00:00:00:aa broadcast ff:ff:ff:ff:ff:fe
ip link set v0 alias "test alias" group 7
ip link set v0 addrgenmode none
ip -d link show v0
ip link show group 7
ip link set v0 address 02:00:00:00:00
ip link set v0 name v0new
ip link set v0new name v1
ip link set dev v0new name v0new
ip link set v1 netns ns1
ip netns exec ns1 ip link show
ip link set v2 carrier off
ip link set v2 protodown on
ip link change v2 mtu 1280
ip link replace v2 mtu 1281 type veth
ip link show v2
ip link del v2
ip link show v3
ip link delete dev veth0
ip link del group 7
ip link show
