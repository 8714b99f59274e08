# A sweep of issue 3's keywords: one line each, as a reader would try them.
ip link add v1 type veth peer name v1
ip link add v1 type veth peer name v2 mtu 100000
ip link show
ip link add toolongname12345678 type veth
ip link add v1 type veth peer name v2
ip link add v1 type veth peer name v3
ip link set v1 mtu abc
ip link set v1 address zz
ip link set v1 txqlen -1
ip link set nonexist up
ip link set v1 master nonexist
ip link set v1 nomaster
ip link set v1 netns nonexist
ip link set v1 netns 999999
ip link set v1 group foo
ip link set v1 alias ""
ip link set dev v1 up down
ip link set v1 name v2
ip link set v1 name v1new
ip link show v1new
ip link delete v1new
ip link delete v1new
ip link del dev lo
ip addr add 10.0.0.1/33 dev v2
ip addr add 10.0.0.1/24 dev nonexist
ip addr add foo dev v2
ip addr add 10.0.0.1/24
ip addr add 10.0.0.1/24 dev v2 scope foo
ip addr add 10.0.0.1/24 dev v2
ip addr add 10.0.0.1/24 dev v2
ip addr del 10.0.0.9/24 dev v2
ip addr show dev nonexist
ip route add 10.5.0.0/16 via 10.0.0.2
ip route add 10.5.0.0/16 dev v2
ip link set v2 up
ip route add 10.5.0.0/16 via 10.0.0.2
ip route add 10.5.0.0/16 via 10.0.0.2
ip route add 10.5.0.0/33 via 10.0.0.2
ip route add 10.6.0.0/16 via 10.9.9.9
ip route add 10.6.0.0/16 table foo dev v2
ip route add 10.6.0.0/16 proto foo dev v2
ip route del 10.99.0.0/16
ip route get 300.1.1.1
ip route get 10.5.1.1 oif nonexist
ip route show table nonexist
ip route flush
ip route
ip netns add ""
ip netns add a/b
ip netns delete nonexist
ip netns exec nonexist true
ip netns exec
ip netns exec lo
ip netns add ok
ip netns add ok
ip netns exec ok /nonexistent/cmd
ip netns exec ok false
ip netns delete ok
ip tuntap add mode foo
ip tuntap add mode tap user nosuchuser
ip tuntap add mode tap group nosuchgroup
ip tuntap del mode tap name nonexist
ip tuntap add dev tap0
ip foo
ip link foo
ip addr foo
ip route foo
ip -foo link
ip -4 -6 link
ip -batch /nonexistent
