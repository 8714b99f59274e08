# ip address in JSON and brief modes, with filters, stats and namespaces.
ip link set lo up
ip link add v1 type veth peer name v2
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.2/24 dev v1 label v1:two
ip addr add 10.0.9.1/24 dev v1 scope link metric 9
ip addr add 2001:db8::1/64 dev v1 nodad
ip addr add 192.168.3.1 peer 192.168.3.2/32 dev v2
ip -j a
ip -j -p a
ip -j a show up
ip -j a show label 'v1*'
ip -j a show secondary
ip -j a show scope link
ip -j -o a
ip -j -br a
ip -j -br -4 a
ip -j -6 a show dev v1
ip -j -d a show dev v1
ip -br -s a
ip -s a show lo
ip -s -s -j a show lo
ip -N a show dev v1
ip netns add ns1
ip link set v2 netns ns1
ip a show v1
ip -j a show v1
ip -n ns1 a
ip -n ns1 -j -p a
ip -n ns1 -br a
ip -n ns1 -o a
