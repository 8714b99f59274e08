# ip address flush with many addresses: the deletions go out
# unacknowledged while the dump is read, as many as fit in 3584 bytes a
# datagram (their sizes are compared); a deletion refused because its
# address went with its primary (EADDRNOTAVAIL) is no error; any other
# refusal is "Failed to send flush request".
/usr/sbin/ip link set lo up
/usr/sbin/ip link add v1 address 02:00:00:00:00:01 type veth peer name v2 address 02:00:00:00:00:02
for i in $(seq 1 150); do echo "addr add 10.3.$i.1/24 dev v1"; done > a.b; for i in $(seq 2 80); do echo "addr add 10.4.0.$i/24 dev v1"; done > s.b
/usr/sbin/ip -batch a.b
strace -f -qq -e trace=sendmsg,sendto -e signal=none ip addr flush dev v1 2>&1 >/dev/null | grep RTM_DELADDR | grep -oE ' = [0-9]+$' | tr -d '\n'
/usr/sbin/ip addr show dev v1 | wc -l
/usr/sbin/ip -batch a.b
ip -s addr flush dev v1
ip -s addr flush dev v1
# A primary and 79 secondaries, promotion off: deleting the primary takes
# the secondaries, whose own deletions are then refused.
/usr/sbin/ip addr add 10.4.0.1/24 dev v1
/usr/sbin/ip -batch s.b
ip -s addr flush dev v1
ip addr show dev v1
/usr/sbin/ip addr add 10.4.0.1/24 dev v1
/usr/sbin/ip -batch s.b
ip -s addr flush dev v1 secondary
ip -s addr flush dev v1
/usr/sbin/ip -batch a.b
setpriv --reuid=65534 --regid=65534 --clear-groups ip -s addr flush dev v1
printf 'addr flush dev v1\naddr show dev v1 to 10.3.1.1\n' > b1; setpriv --reuid=65534 --regid=65534 --clear-groups ip -batch b1
/usr/sbin/ip -4 addr show dev v1 | wc -l
ip -4 -s addr flush dev v1
