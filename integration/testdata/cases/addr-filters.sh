# ip address show filters: scope, to, label, flags, up, master, type, family.
ip link set lo up
ip link add v1 type veth peer name v2
ip link add br0 type bridge
ip link set v2 master br0
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.2/24 dev v1
ip addr add 10.1.0.1/16 dev v1 label v1:x scope link
ip addr add 10.2.0.1/8 dev br0 scope host
ip addr add 2001:db8::1/64 dev v1 nodad
ip addr show scope global
ip addr show scope link
ip addr show scope host
ip addr show scope all
ip -j addr show scope link
ip addr show to 10.0.0.0/24
ip addr show to 10.0.0.2
ip addr show to 2001:db8::/32
ip addr show label v1:x
ip addr show label 'v1*'
ip addr show primary
ip addr show secondary
ip addr show dynamic
ip addr show permanent
ip addr show -tentative
ip addr show up
ip addr show master br0
ip addr show nomaster
ip addr show type veth
ip addr show type bridge
ip addr show type bridge_slave
ip -4 addr
ip -6 addr
ip -4 -o addr
ip -6 -br addr
ip -br -4 addr show dev v1
ip -j -4 addr show up
ip -d addr show dev v1
ip --details addr ls
