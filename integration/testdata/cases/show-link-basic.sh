# ip link show: every output mode and filter over veth, bridge, tun, macvlan.
ip link show
ip link set lo up
ip link add v1 type veth peer name v2
ip link add br0 type bridge
ip link set v1 master br0
ip link set br0 up
ip link add mv0 link v2 type macvlan mode bridge
ip tuntap add dev tun0 mode tun
ip link set dev v2 group 7
ip link
ip link list
ip l lst
ip link show v1
ip link show dev v2
ip link show up
ip link show type veth
ip link show type bridge
ip link show type bridge_slave
ip link show type macvlan
ip link show type nope
ip link show master br0
ip link show nomaster
ip link show group 7
ip link show group default
ip link show group default up
ip link show dev v1 up
ip -o link
ip -o link show br0
ip -br link
ip -br link show type veth
ip -j link
ip -j -p link show v1
ip -j -br link
ip -0 a
ip -c link show v1
ip -c -br link
ip link show label foo
