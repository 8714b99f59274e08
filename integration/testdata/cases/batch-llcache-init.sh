# ip -batch: the lines whose iproute2 code loads the whole link cache with
# a dump the first time (ll_init_map: ip neigh, netconf, ntable, token,
# mptcp) make every link present then cached, so a later line naming a
# link that went away through its peer and came back sends the old index;
# the other listings (route, addr, rule, nexthop, maddress, stats, mroute)
# look up only what they name.
/usr/sbin/ip link set lo up
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\ntoken\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b0
ip -force -batch b0
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nnetconf show dev lo\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b1
ip -force -batch b1
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nnetconf\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b2
ip -force -batch b2
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nmptcp endpoint add 10.0.0.1 dev lo\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b3
ip -force -batch b3
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nneigh show\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b4
ip -force -batch b4
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nneigh flush dev lo\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b5
ip -force -batch b5
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nroute show\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b6
ip -force -batch b6
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\naddr show dev lo\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b7
ip -force -batch b7
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nrule show\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b8
ip -force -batch b8
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nnexthop show\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b9
ip -force -batch b9
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nmaddress show dev lo\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b10
ip -force -batch b10
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink xstats type bridge\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b11
ip -force -batch b11
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nstats show dev lo group link\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b12
ip -force -batch b12
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nmroute show\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > b13
ip -force -batch b13
ip link del a0
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nntable show dev lo\nlink del a1\nlink add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink set a0 up\nlink show a0\n' > bn
# (the neighbour table's reachable time is random: not compared)
ip -force -batch bn | grep -v reachable
