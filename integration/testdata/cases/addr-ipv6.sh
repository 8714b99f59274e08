# IPv6 addresses: flags, lifetimes, link-local generation, replace/change.
ip link add v1 type veth peer name v2
ip addr add 2001:db8::1/64 dev v1 nodad
ip addr add 2001:db8:1::1/64 dev v1 nodad noprefixroute
ip addr add 2001:db8:2::1/64 dev v1 nodad home mngtmpaddr
ip addr add 2001:db8:3::1/64 dev v1 nodad valid_lft 1000 preferred_lft 500
ip addr add 2001:db8:4::1/64 dev v1 nodad valid_lft 1000 preferred_lft 0
ip addr add 2001:db8:5::1/64 dev v1
ip addr show dev v1
ip -6 addr show dev v1 tentative
ip -6 addr show dev v1 -tentative
ip -6 addr show dev v1 deprecated
ip -6 -o addr
ip -j -6 addr show dev v1
ip addr replace 2001:db8::1/64 dev v1 nodad valid_lft 300 preferred_lft 300
ip addr change 2001:db8:1::1/64 dev v1 nodad
ip addr show dev v1
ip link set v1 up
ip link set v2 up
ip -6 addr show dev v1 scope link
ip addr del 2001:db8::1/64 dev v1
ip addr del 2001:db8::1/64 dev v1
ip -6 addr flush dev v1 scope global
ip addr show dev v1
ip addr add ff02::1:2/128 dev v1 autojoin
ip -6 addr show dev v1
