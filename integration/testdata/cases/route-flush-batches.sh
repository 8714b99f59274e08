# ip route flush deletes what each round's dump finds, sending the
# deletions unacknowledged while the dump is read, as many as fit in
# 3584 bytes a datagram (the sizes of the deletion datagrams are
# compared); -s reports the rounds, -s -s each route too; a refusal is
# "Failed to send flush request" with status 2.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add v1 address 02:00:00:00:00:01 type veth peer name v2 address 02:00:00:00:00:02
/usr/sbin/ip link set v1 up
/usr/sbin/ip link set v2 up
/usr/sbin/ip addr add 192.0.2.1/24 dev v1
/usr/sbin/ip -6 addr add 2001:db8::1/64 dev v1 nodad
for i in $(seq 1 150); do echo "route add 10.1.$((i/250)).$((i%250+1))/32 via 192.0.2.2 proto static"; done > r4.b; for i in $(seq 1 150); do echo "route add 2001:db8:1:$i::/64 via 2001:db8::2 proto static"; done > r6.b; for i in $(seq 1 20); do echo "route add 10.2.0.$i/32 via 192.0.2.2 table 100"; done > t.b
/usr/sbin/ip -batch r4.b
strace -f -qq -e trace=sendmsg,sendto -e signal=none ip route flush proto static 2>&1 >/dev/null | grep RTM_DELROUTE | grep -oE ' = [0-9]+$' | tr -d '\n'
/usr/sbin/ip route show proto static | wc -l
/usr/sbin/ip -batch r4.b
ip -s route flush proto static
ip -s route flush proto static
ip route flush proto static
/usr/sbin/ip -batch r4.b
ip -s -s route flush proto static
/usr/sbin/ip -6 -batch r6.b
strace -f -qq -e trace=sendmsg,sendto -e signal=none ip -6 route flush proto static 2>&1 >/dev/null | grep RTM_DELROUTE | grep -oE ' = [0-9]+$' | tr -d '\n'
/usr/sbin/ip -6 route show proto static | wc -l
/usr/sbin/ip -6 -batch r6.b
ip -6 -s route flush proto static
ip -6 -s route flush proto static
ip -6 route show
# A table of its own, then one that is empty.
/usr/sbin/ip -batch t.b
ip -s route flush table 100
ip -s route flush table 100
ip route show table 100
ip -s route flush table 101
ip route show
# Without privilege every deletion is refused: the refusals of the
# datagrams sent while the dump was read are passed over, the last
# datagram's is reported.
/usr/sbin/ip -batch r4.b
setpriv --reuid=65534 --regid=65534 --clear-groups ip route flush proto static
setpriv --reuid=65534 --regid=65534 --clear-groups ip -s route flush proto static
setpriv --reuid=65534 --regid=65534 --clear-groups ip -s route flush table 100
/usr/sbin/ip route show proto static | wc -l
printf 'route flush proto static\nroute show table 100\n' > b1; setpriv --reuid=65534 --regid=65534 --clear-groups ip -batch b1
ip -s route flush proto static
