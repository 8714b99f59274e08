# Kinds this kernel lacks (the kernel's refusal must read the same), ifb, -n, replace.
ip link add e0 type veth peer name e1
ip link add d0 type dummy
ip link add link e0 name e0.10 type vlan id 10
ip link add link e0 name e0.11 type vlan id 11 protocol 802.1ad reorder_hdr off gvrp on mvrp off loose_binding on bridge_binding off ingress-qos-map 1:2 3:4 egress-qos-map 5:6
ip link add link e0 name e0.12 type vlan id x
ip link add link e0 name e0.12 type vlan id 12 protocol foo
ip link add link e0 name e0.12 type vlan id 12 gvrp maybe
ip link add link e0 name e0.12 type vlan id 12 ingress-qos-map 1:x
ip link add g0 type gretap
ip link add bond0 type bond mode 802.3ad miimon 100 lacp_rate fast xmit_hash_policy layer3+4 arp_ip_target 10.0.0.1,10.0.0.2
ip link add bond0 type bond mode foo
ip link add bond0 type bond primary nosuch
ip link add bond0 type bond arp_ip_target 10.0.0.x
ip link add bond0 type bond mode 1 miimon x
ip link add i0 type ifb
ip -d link show i0
ip link add i0 type ifb
ip link replace i0 type ifb
ip link replace i1 mtu 1400 type ifb
ip link show i1
ip netns add ns1
ip -n ns1 link add v0 type veth peer name v1
ip -n ns1 link set v0 up mtu 1400
ip -n ns1 link set v1 netns nosuch
ip -n ns1 link show v0
ip -n ns1 link del v0
ip -n ns1 link show
ip link add v2 type veth peer name v3 netns ns1
ip -n ns1 link set v3 name eth0
ip -n ns1 -br link
ip link add v4 link-netns ns1 type veth peer name v5
ip link add v6 type veth peer name v7 netns nosuch
ip -n nosuch link add v8 type veth
ip link delete i0 type ifb
ip link del i1 type veth
ip -br link
