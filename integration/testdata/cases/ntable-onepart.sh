# ip ntable on a fresh socket with enough links that the dump is over one
# page: iproute2 dumps its links on the same socket first (ll_init_map), so
# the kernel sends the ntable dump in one part; cut in two, the kernel
# repeats ndisc_cache's defaults at the top of the second part, and a
# second "inet6 ndisc_cache" block without a device was printed (random
# run, seed 9). reachable is drawn at random by the kernel: masked.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
/usr/sbin/ip link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04
/usr/sbin/ip link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06
/usr/sbin/ip link add v6 address 02:00:00:00:00:07 type veth peer name v7 address 02:00:00:00:00:08
/usr/sbin/ip link add v8 address 02:00:00:00:00:09 type veth peer name v9 address 02:00:00:00:00:0a
/usr/sbin/ip link add br0 address 02:00:00:00:00:10 type bridge
ip ntable | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntable show | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -6 ntable | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -4 ntable | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -j ntable | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -s ntable show dev v0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
printf 'ntable\nntable show name ndisc_cache\n' > b1; ip -batch b1 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
printf 'link show lo\nntable\n' > b1; ip -batch b1 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -n '' ntable | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
