# Found by the random run (make randdiff): a device name with an address
# label ("v0:1") names the device wherever iproute2 resolves a name with
# ll_name_to_index or brctl with an ioctl, which cut the name at ":".
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add br0 address 02:00:00:00:00:10 type bridge
ip link set v1 master br0
ip link set v0 up
ip addr add 10.0.0.1/24 dev v0
ip -o addr show dev v0:x
ip addr add 10.0.0.5/24 dev v0:x
ip addr del 10.0.0.5/24 dev v0:x
ip addr flush dev v0:x
ip -o addr add 10.0.0.1/24 dev v0
ip route add 10.8.0.0/16 dev v0:abc
ip route show dev v0:1
ip route get 10.8.0.1 oif v0:1
ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev v0:1
ip neigh show dev v0:1
ip neigh get 10.0.0.9 dev v0:
ip link set dev v0:1 mtu 1400
ip link set v0 master br0:1
ip link set v0 nomaster
ip link add link v0:2 name mv0 type macvlan
ip link show
ip link show dev v0:1
ip rule add iif v0:1 table 5
ip rule show
ip tuntap show dev v0:1
bridge fdb add 02:00:00:00:00:cc dev v1:0 master
bridge fdb show dev v1:0
bridge fdb show br br0:0
bridge link show dev v1:0
brctl addif br0:1 v0
brctl show br0:x
brctl showmacs br0:x
brctl delif br0 v0:1
brctl setfd br0:1 3
ip -o link show
