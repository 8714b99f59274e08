# Commands run without privilege (as nobody): the refusals are iproute2's,
# in C's words and with its exit statuses.
/usr/sbin/ip link set lo up
/usr/sbin/ip netns add ns1
/usr/sbin/ip link add d0 address 02:00:00:00:00:01 type veth peer name d1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 192.0.2.1/24 dev d0
setpriv --reuid=65534 --regid=65534 --clear-groups ip -n ns1 link
setpriv --reuid=65534 --regid=65534 --clear-groups ip -n ns1 addr show
setpriv --reuid=65534 --regid=65534 --clear-groups ip -n nope link
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr flush dev d0
setpriv --reuid=65534 --regid=65534 --clear-groups ip link add x type veth
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr add 192.0.2.9/24 dev d0
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set d0 mtu 1400
setpriv --reuid=65534 --regid=65534 --clear-groups ip route add 10.0.0.0/8 dev d0
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns add ns2
setpriv --reuid=65534 --regid=65534 --clear-groups ip link show d0
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr show dev d0
setpriv --reuid=65534 --regid=65534 --clear-groups bridge fdb add 02:00:00:00:00:09 dev d0
setpriv --reuid=65534 --regid=65534 --clear-groups ip -batch /root/nope
ip addr show dev d0
