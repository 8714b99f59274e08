# ip link show in JSON and pretty JSON: filters leave empty objects, netns peers, -n.
ip link add v1 type veth peer name v2
ip link add br0 type bridge
ip link set v1 master br0
ip link set v2 group 7
ip netns add ns1
ip link add v3 type veth peer name v4 netns ns1
ip -j link show up
ip -j link show group 7
ip -j link show master br0
ip -j link show type veth
ip -j link show label x
ip link show label x
ip -j -p link show v3
ip -j -o link
ip -j -br link show type bridge
ip -j -p -br link
ip -j -d link show v2
ip -j -p -d link show lo
ip -n ns1 link
ip -n ns1 -j link
ip -n ns1 -d link show v4
ip -n ns1 -br link
ip netns exec ns1 ip -j -p link show v4
ip -N link show lo
ip -N -d link show lo
ip -j -s link show lo
ip -s -s link show lo
