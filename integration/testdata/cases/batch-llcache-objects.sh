# ip -batch's link cache across objects: after a veth pair went away
# through its peer and a link of the same name came back, ip address,
# route, nexthop and neigh lines that name it send the dead index (ip
# rule sends names: unaffected), until ip neigh's ll_init_map dumps the
# links and puts the new index in front; ip neigh add's refusal ends the
# batch (exit 2).
/usr/sbin/ip link set lo up
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink show\nlink del a1\nlink add a0 address 02:00:00:00:00:03 type veth peer name b1 address 02:00:00:00:00:04\naddr add 10.3.0.1/24 dev a0\nroute add 10.4.0.0/16 dev a0\nroute add 10.5.0.0/16 via 10.3.0.2 dev a0\nroute add 10.6.0.0/16 nexthop via 10.3.0.2 dev a0 nexthop via 10.3.0.3 dev lo\nrule add iif a0 table 10\nrule add oif a0 table 11\nnexthop add id 1 dev a0\nlink set b1 up\nneigh add 10.3.0.8 lladdr 02:00:00:00:00:08 dev a0\nlink set a0 up\naddr add 10.3.0.1/24 dev a0\nroute add 10.4.0.0/16 dev a0\nrule add iif a0 table 12\nnexthop add id 2 dev a0\nroute show\nroute show dev a0\nroute get 10.4.0.1 oif a0\nrule show\nnexthop show\nnexthop show dev a0\nneigh show\nneigh show dev a0\naddr show dev a0\naddr flush dev a0\naddrlabel add prefix 2001:db8::/32 dev a0 label 9\nnetconf show dev a0\n' > b1
ip -force -batch b1
ip link del a0
ip rule flush
ip -force -batch b1
ip -br addr show
# without -force the first stale line ends the batch
ip link del a0
ip rule flush
ip -batch b1
printf 'link add c0 type veth peer name c1\nlink show\nlink del c1\nlink add c0 type veth peer name c1\nneigh add 10.3.0.7 lladdr 02:00:00:00:00:07 dev c0\nlink set c0 up\n' > b2
ip -force -batch b2
