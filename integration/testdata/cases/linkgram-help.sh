# Usage exits: 'help' after type KIND (the kind's parser), ip link add/set help, ip link help TYPE for types without help, xstats help.
ip link add type veth help
ip link add type bridge help
ip link set lo type bridge_slave help
ip link add type vxlan help
ip link add type macvlan help
ip link add type macvtap help
ip link add type vlan help
ip link add type bond help
ip link add type dummy help
ip link add type ifb help
ip link add type tun help
ip link add type sit help
ip link add type ipip help
ip link add type geneve help
ip link add type vrf help
ip link add type ipvtap help
ip link add type erspan help
ip link add type gretap help
ip link add type nosuch help
ip link add help
ip link set lo help
ip link help tun
ip link help vrf_slave
ip link help nosuch
ip link xstats type bridge help
ip link xstats help
