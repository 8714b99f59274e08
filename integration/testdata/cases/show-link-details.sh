# ip -d link show: generic details, kind and port blocks, alias, altname, netns peers, counters.
ip link add v1 type veth peer name v2
ip link add br0 type bridge
ip link set v1 master br0
ip -d link show v1
ip -d link show v2
ip -d -o link show v2
ip -d -j link show v2
ip link set v2 alias "peer of v1"
ip link show v2
ip -j link show v2
ip link property add dev v2 altname second-name
ip link show v2
ip link show second-name
ip -j link show v2
ip -o link show v2
ip netns add ns1
ip link add v3 type veth peer name v4 netns ns1
ip link show v3
ip -j link show v3
ip -br link show v3
ip netns exec ns1 ip link show v4
ip link set v2 down
ip link add mv0 link v1 type macvlan
ip link show mv0
ip -j link show mv0
ip link set v1 up
ip link show mv0
ip -d link show mv0
ip -s link show lo
ip -s -s link show lo
ip -j -s link show lo
ip -j -s -s link show lo
ip -s -h link show lo
ip link set v2 promisc on
ip link set v2 allmulticast on
ip -d link show v2
ip link set v2 arp off
ip link show v2
ip tuntap add dev tap0 mode tap
ip -d link show tap0
