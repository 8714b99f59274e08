# ip neigh flush deletes what each round's dump finds, the deletions sent
# unacknowledged while the dump is read, as many as fit in 3584 bytes a
# datagram (their sizes are compared); -s reports the rounds, -s -s each
# entry too; a refusal is "Failed to send flush request" with status 1.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add v1 address 02:00:00:00:00:01 type veth peer name v2 address 02:00:00:00:00:02
/usr/sbin/ip link set v1 up
/usr/sbin/ip addr add 10.200.0.1/16 dev v1
for i in $(seq 1 150); do echo "neigh add 10.200.1.$i lladdr 02:00:00:00:01:$(printf %02x $i) dev v1 nud reachable extern_learn"; done > n.b; for i in $(seq 1 5); do echo "neigh add 10.200.2.$i lladdr 02:00:00:00:02:0$i dev v1 nud permanent"; done > p.b
/usr/sbin/ip -batch n.b
strace -f -qq -e trace=sendmsg,sendto -e signal=none ip neigh flush dev v1 2>&1 >/dev/null | grep RTM_DELNEIGH | grep -oE ' = [0-9]+$' | tr -d '\n'
/usr/sbin/ip neigh show dev v1 | wc -l
/usr/sbin/ip -batch n.b
ip -s neigh flush dev v1
ip -s neigh flush dev v1
ip neigh flush dev v1
/usr/sbin/ip -batch n.b
ip -s -s neigh flush to 10.200.1.5
ip -s neigh flush all
# Permanent entries are flushed only when asked for by state.
/usr/sbin/ip -batch p.b
ip -s neigh flush dev v1
ip -s neigh flush dev v1 nud permanent
ip neigh show dev v1
ip -s neigh flush dev nope
ip neigh flush dev ''
ip neigh flush dev $(head -c 2000 /dev/zero | tr '\0' a)
# Without privilege every deletion is refused.
/usr/sbin/ip -batch n.b
setpriv --reuid=65534 --regid=65534 --clear-groups ip neigh flush dev v1
setpriv --reuid=65534 --regid=65534 --clear-groups ip -s neigh flush dev v1
printf 'neigh flush dev v1\nneigh show dev v1 to 10.200.1.1\n' > b1; setpriv --reuid=65534 --regid=65534 --clear-groups ip -batch b1
/usr/sbin/ip neigh show dev v1 | wc -l
ip -s neigh flush dev v1
