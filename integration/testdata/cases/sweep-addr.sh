# A sweep of issue 3's keywords: one line each, as a reader would try them.
ip link add v1 type veth peer name v2
ip link set v1 up
ip link set v2 up
ip addr add 10.0.0/24 dev v1
ip addr add 10.1.0.1/24 peer 10.1.0.2 dev v1
ip addr add 10.2.0.1/24 brd + dev v1 label v1:foo scope link metric 50
ip addr add 10.3.0.1/24 brd - dev v1 valid_lft 1000 preferred_lft 500
# lifetimes count down: fix them before the shows compare
ip addr change 10.3.0.1/24 dev v1 valid_lft forever preferred_lft forever
ip addr add 2001:db8::1/64 dev v1 nodad home mngtmpaddr noprefixroute
ip addr add 2001:db8:1::1/64 dev v1 nodad autojoin
ip addr show dev v1
ip addr show label v1:*
ip addr show to 10.0.0.0/8
ip addr show scope link
ip addr show dynamic
ip addr show permanent
ip -6 addr show tentative
ip addr show deprecated
ip addr show up
ip addr show type veth
ip -4 addr show
ip addr replace 10.3.0.1/24 dev v1 preferred_lft 0
ip addr show dev v1 deprecated
ip addr flush label v1:foo
ip addr flush dev v1 scope global to 10.1.0.0/16
ip -6 addr flush dev v1
ip addr show v1
ip addr del 10.0.0.0/24 dev v1
ip -o addr
ip -br addr
