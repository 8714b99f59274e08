# ip -batch keeps iproute2's link cache (lib/ll_map.c) for the whole run: a
# name looked up once, or seen in a link dump, names the same index for the
# rest of the batch. A veth deleted through its peer (`link del v1` takes
# v0 with it) leaves "v0" naming the dead index; a new v0 is not found by
# the later lines (the kernel answers "No such device") until a link dump
# (ip link show, or ll_init_map in ip neigh) puts the new index in front.
/usr/sbin/ip link set lo up
printf 'link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\nlink show\nlink del v1\nlink add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\naddr add 10.9.0.1/24 dev v0\nlink set v0 up\nlink set dev v0 mtu 1400\nroute add 10.8.0.0/16 dev v0\nneigh add 10.9.0.7 lladdr 02:00:00:00:00:07 dev v0\nlink show dev v0\naddr show dev v0\nlink del v0\nlink add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\nlink set v0 up\nlink show\nlink del v0\nlink show\nlink add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\nlink set v0 up\n' > b1
ip -force -batch b1
ip link show
ip link del v0
# the same lines without -force stop at the first stale lookup
ip -batch b1
ip link del v0
# from stdin, and in JSON
ip -force -batch - < b1
ip link del v0
ip -j -force -batch b1
ip link del v0
# a cache is kept per run: the next ip finds the new link
printf 'link add v0 type veth peer name v1\nlink show v1\nlink del v1\nlink add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\n' > b2
ip -batch b2
ip link set v0 up
ip -br link show
# a name looked up alone (ip link set, ip addr add) is cached as a dump
# caches it: the later `dev v0` lines send the index looked up first
printf 'link add v0 type veth peer name v1\nlink set v0 mtu 1300\nlink set v1 up\naddr add 10.1.0.1/24 dev v0\nlink del v1\nlink add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\naddr add 10.1.0.2/24 dev v0\naddr show dev v0\naddr del 10.1.0.1/24 dev v0\naddr flush dev v0\nlink set v1 up\n' > b3
ip link del v0
ip -force -batch b3
ip -br addr show
# ip link set drops the link it changed, so the same name looked up again
# asks the kernel
printf 'link add v0 type veth peer name v1\nlink set v0 mtu 1300\nlink set v0 down\nlink del v1\nlink add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\nlink set v0 up\nlink set v0 mtu 1280\nlink show v0\n' > b4
ip link del v0
ip -force -batch b4
