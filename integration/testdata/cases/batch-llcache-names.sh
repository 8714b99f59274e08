# ip -batch's link cache (iproute2's ll_map) and names: a cached link
# keeps the first name it was seen with. A rename made by another ip (here
# through `netns exec` into the same namespace) is seen by the next link
# dump, which prints the link's new name from the message but names it in
# its peer's "@NAME" from the cache; the cached entry is then found by
# neither name, so the new one is asked of the kernel. ip link set drops
# the entry of the link it changed, renames included.
/usr/sbin/ip link set lo up
/usr/sbin/ip netns attach cur $$
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink show\nnetns exec cur ip link set a0 name z0\nlink show\nlink show dev a1\nroute show\nlink set z0 up\nlink show\naddr add 10.2.0.1/24 dev a1\naddr show\nlink set a1 name y1\nlink show\nnetns exec cur ip link set z0 name a0\nlink show\nlink set a0 down\nlink show\n' > b1
ip -force -batch b1
ip -br link show
# alternative names are cached too, and ip link property does not drop
# them: an altname removed and then used as a link's name still names the
# old link
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink property add dev a0 altname alt0\nlink set alt0 up\nlink show dev alt0\nlink property del dev a0 altname alt0\nlink add alt0 type dummy\nlink set alt0 up\nlink show\nlink show alt0\nlink set dev a0 mtu 1400\nlink set alt0 mtu 1300\nlink show\nlink del alt0\nlink show\nlink add alt0 type dummy\nlink set alt0 mtu 1200\nlink show alt0\n' > b2
ip link del a0
ip -force -batch b2
ip -br link show
# a link renamed behind ip's back after a lookup cached it is printed by
# its first name everywhere ip names links by index (routes, neighbours,
# nexthops, route get), and once a dump has moved its entry to the new
# name's bucket the old name finds nothing
ip link del a0
/usr/sbin/ip link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02
/usr/sbin/ip link set a1 up
/usr/sbin/ip link set a0 up
printf 'link show dev a0\nroute show\nnetns exec cur /usr/sbin/ip link set a0 down\nnetns exec cur /usr/sbin/ip link set a0 name z0\nnetns exec cur /usr/sbin/ip link set z0 up\nnetns exec cur /usr/sbin/ip addr add 10.7.0.1/24 dev z0\nnetns exec cur /usr/sbin/ip route add 10.8.0.0/16 via 10.7.0.2\nnetns exec cur /usr/sbin/ip neigh add 10.7.0.3 lladdr 02:00:00:00:00:03 dev z0\nroute show\nneigh show\nnexthop add id 5 via 10.7.0.2 dev z0\nnexthop show\nroute show\nroute add 10.9.0.0/16 dev a0\nroute add 10.9.0.0/16 dev z0\nroute show\nroute get 10.8.0.1\n' > b3
ip -force -batch b3
