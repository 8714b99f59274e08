# ip address add/del/show/flush over a veth pair and lo.
ip a
ip link add v1 type veth peer name v2
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.2/24 dev v1
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.1.1/24 brd + dev v1 label v1:one
ip addr add 10.0.2.1/24 brd - dev v1
ip addr add 10.0.3.1/255.255.255.0 broadcast 10.0.3.127 dev v1
ip addr add 192.168.7.1 peer 192.168.7.2/32 dev v2
ip addr add 127.0.0.2/8 dev lo
ip addr add 10.0.4.1/24 dev v1 metric 50 scope link
ip addr
ip address show
ip addr ls
ip add show dev v1
ip a s v2
ip -o a
ip -br a
ip -j a show dev v1
ip -j -p a show dev v2
ip addr del 10.0.0.1/24 dev v1
ip addr show dev v1
ip addr del 10.0.0.9/24 dev v1
ip addr del 10.0.1.1 dev v1
ip addr del 10.0.2.1/24 dev nope
ip addr flush dev v1
ip addr show dev v1
ip addr add 10.5.0.1/24 dev v1
ip -s addr flush dev v1
ip -s addr flush dev v1
ip -s -s addr flush dev v2
ip a
ip addr flush
ip -0 addr flush dev v1
