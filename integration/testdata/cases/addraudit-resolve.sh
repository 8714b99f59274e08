# -resolve: addresses (ip address) and host routes, gateways, via and
# 'as to' (ip route) by name, from /etc/hosts as NSS gives them; /etc/netns
# binds a private hosts file over /etc/hosts inside netns exec.
/usr/sbin/ip link set lo up
/usr/sbin/ip addr add 127.0.1.1/8 dev lo
ip -r addr show dev lo
ip -r -j addr show dev lo
ip -r -o addr
ip -r -br addr
ip -r route show table local
ip -r -j route show table local
ip -r route get 127.0.0.1
ip -r -6 route show table local
ip -r -6 route get ::1
ip -resolve route show table local type local
ip -r route show table all 127.0.0.1
ip netns add n1
mkdir -p /etc/netns/n1 && printf '127.0.0.1 localhost\n10.9.9.9 gwname gwalias\n10.9.9.10 otherhost\n10.8.0.1 addrname\n2001:db8::9 sixname\n' > /etc/netns/n1/hosts && echo 'hosts: files' > /etc/netns/n1/nsswitch.conf
/usr/sbin/ip -n n1 link set lo up
/usr/sbin/ip -n n1 link add v1 type veth peer name v2
/usr/sbin/ip -n n1 link set v1 up
/usr/sbin/ip -n n1 link set v2 up
/usr/sbin/ip -n n1 addr add 10.8.0.1/8 dev v1 brd 10.9.9.10
/usr/sbin/ip -n n1 addr add 10.7.0.1 peer 10.9.9.9 dev v2
/usr/sbin/ip -n n1 addr add 2001:db8::2/64 dev v1 nodad
/usr/sbin/ip -n n1 route add 10.9.9.10 via 10.9.9.9 dev v1
/usr/sbin/ip -n n1 route add 172.16.0.0/12 nexthop via 10.9.9.9 dev v1 nexthop via 10.9.9.10 dev v1
/usr/sbin/ip -n n1 route add 192.168.0.0/16 via inet6 2001:db8::9 dev v1
/usr/sbin/ip -n n1 -6 route add 2001:db8:1::/64 via 2001:db8::9
ip netns exec n1 ip -r addr
ip netns exec n1 ip -r -j addr show dev v2
ip netns exec n1 ip -r -o -4 addr
ip netns exec n1 ip -r -br addr
ip netns exec n1 ip -r route
ip netns exec n1 ip -r -j route
ip netns exec n1 ip -r -6 route show 2001:db8:1::/64
ip netns exec n1 ip -r route get 10.9.9.10
ip netns exec n1 ip -r route get 10.9.9.10 from 10.8.0.1
ip netns exec n1 ip -r route show table local
ip netns exec n1 ip -r -echo route add 10.9.9.9/32 dev v1
ip netns exec n1 ip -r -echo addr add 10.9.9.10/32 dev v2
ip netns exec n1 ip -r -s -s addr flush dev v2
ip netns exec n1 ip -r route show 10.9.9.9
