# A given word is a value even when empty: '' names nothing that exists and
# is never "no filter". Destructive commands are checked with state on
# several links and the state is read back afterwards.
/usr/sbin/ip link add v1 type veth peer name v2
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link set v1 master br0
/usr/sbin/ip link set lo up
/usr/sbin/ip link set v1 up
/usr/sbin/ip link set v2 up
/usr/sbin/ip link set br0 up
/usr/sbin/ip addr add 10.0.0.1/24 dev v1
/usr/sbin/ip addr add 10.0.1.1/24 dev v2 label v2:a
/usr/sbin/ip addr add 2001:db8::1/64 dev v2 nodad
/usr/sbin/ip route add 10.9.0.0/16 via 10.0.0.2 dev v1
/usr/sbin/ip route add 10.8.0.0/16 dev v2 table 100
/usr/sbin/ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v1
/usr/sbin/ip neigh add 10.0.1.5 lladdr 02:00:00:00:00:06 dev v2
# address
ip addr flush dev ''
ip -o addr
ip -4 addr flush dev ''
ip -6 addr flush dev ''
ip -o addr
ip addr flush label ''
ip -o addr
ip addr flush to 10.0.0.0/8 dev ''
ip -o addr
ip addr show ''
ip addr show dev ''
ip addr show label ''
ip -o addr show master ''
ip -o addr show vrf ''
ip -o addr show type ''
ip -o addr show group ''
ip addr save dev '' > saved; echo $?; wc -c < saved
ip addr showdump < /dev/null
ip -br addr show dev ''
ip addr show dev '' up
ip addr del 10.0.0.1/24 dev ''
ip addr add 10.0.0.9/24 dev ''
ip addr add 10.0.0.9/24 dev v1 label ''
ip -o addr show dev v1
# link
ip link show ''
ip link show dev ''
ip -o link show master ''
ip -o link show vrf ''
ip -o link show type ''
ip -o link show group ''
ip link set '' up
ip link set dev '' down
ip link del ''
ip link del dev ''
ip link add '' type veth
ip link add name '' type veth
ip link add v3 type veth peer name ''
ip link add v3 type ''
ip link set v1 type ''
ip -o link show type _slave
ip -o addr show type ''
ip addr show type ''
ip link set v1 master ''
ip link set v1 name ''
ip link set v1 alias ''
ip link set v1 group ''
ip link xstats dev ''
ip link afstats dev ''
ip -o link
# route
ip route flush dev ''
ip -6 route flush dev ''
ip -4 route flush table all dev ''
ip -6 route show dev ''
ip route show
ip route flush table ''
ip route show dev ''
ip route show table ''
ip route show oif ''
ip route show iif ''
ip route show table all dev ''
ip route show proto ''
ip route show scope ''
ip route show type ''
ip route show to ''
ip route show from ''
ip route show via ''
ip route show src ''
ip route show vrf ''
ip route save dev '' > rsaved; echo $?; wc -c < rsaved
ip route get 1.1.1.1 oif ''
ip route get 1.1.1.1 iif ''
ip route get 1.1.1.1 from 10.0.0.1 iif ''
ip route get 1.1.1.1 vrf ''
ip route get ''
ip route add 10.7.0.0/16 dev ''
ip route add 10.7.0.0/16 via 10.0.0.2 dev v1 table ''
ip route add 10.7.0.0/16 via 10.0.0.2 dev v1 proto ''
ip route del 10.9.0.0/16 dev ''
ip -4 route show table all; ip -6 route show table all | grep -v fe80
# neighbour
ip neigh flush dev ''
ip neigh show | sort
ip neigh show dev ''
ip neigh show master ''
ip neigh show vrf ''
ip neigh show nud ''
ip neigh show to ''
ip neigh flush master ''
ip neigh get 10.0.0.5 dev ''
ip neigh add 10.0.0.6 lladdr 02:00:00:00:00:07 dev ''
ip neigh del 10.0.0.5 dev ''
ip neigh show | sort
# rule
ip rule show iif ''
ip rule show oif ''
ip rule show table ''
ip rule show from ''
ip rule show to ''
ip rule show fwmark ''
ip rule show pref ''
ip rule show protocol ''
ip rule show priority ''
ip rule add iif '' table 100
ip rule add table ''
ip rule
ip mrule show iif ''
# netns
ip -n '' link
ip netns exec '' true
ip netns add ''
ip netns del ''
ip netns pids ''
ip netns identify ''
ip netns set '' 1
ip link set v2 netns ''
ip netns
# tuntap
ip tuntap show dev ''
ip tuntap add dev '' mode tun; ip -o link
ip tuntap del dev '' mode tun
# bridge
bridge fdb show dev ''
bridge fdb show br ''
bridge fdb show brport ''
bridge fdb show vlan '' | grep -v 33:33:ff
bridge link show dev ''
bridge -d link show dev ''
bridge fdb add 02:00:00:00:00:09 dev ''
bridge fdb del 02:00:00:00:00:09 dev ''
brctl show ''
brctl show br0 ''
brctl showmacs ''
brctl showstp ''
brctl addif br0 ''
brctl delif br0 ''
brctl addif '' v2
brctl setageing '' 10
brctl stp '' on
brctl delbr ''
brctl show
# batch lines with an empty quoted word
printf 'addr flush dev ""\n' > b1; ip -batch b1; ip -o addr
printf 'link show ""\n' > b2; ip -batch b2
printf 'route flush dev ""\n' > b3; ip -batch b3; ip route show
printf "addr show dev ''\n" > b4; ip -batch b4
ip -o addr
