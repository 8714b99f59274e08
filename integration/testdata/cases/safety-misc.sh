# Small faults: flush loops that run out, link-layer words where an
# address goes (ll_addr_a2n speaks first, and cuts the word at colons).
/usr/sbin/ip link add d0 type veth peer name d1
/usr/sbin/ip addr add 10.0.0.1/24 dev d0
ip -l -1 addr flush dev d0
ip -o -4 addr show dev d0
ip -loops -1 addr flush dev d0
ip -0 neigh add medium
ip -0 neigh add aa:zz:1
ip -0 neigh add 1.2.x
ip -0 neigh add aa:-1
ip -0 neigh add aa:100
ip -0 neigh get medium dev d0
ip -0 neigh del zz:1 dev d0
ip -0 neigh add default dev d0
brctl setfd d0 0x
brctl addbr br0
brctl setfd br0 0x
