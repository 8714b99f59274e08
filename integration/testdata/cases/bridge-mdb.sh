# bridge mdb: show in every mode, add/del as iproute2 6.1 reads them,
# configured with one tool and read with the other. IPv6 is off so the
# kernel learns no MLD groups of its own while the case runs.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
/usr/sbin/ip link add br0 type bridge mcast_snooping 1
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip link add p2 address 02:00:00:00:00:03 type veth peer name q2 address 02:00:00:00:00:04
/usr/sbin/ip link set p1 master br0
/usr/sbin/ip link set p2 master br0
bridge mdb add dev br0 port p1 grp 239.1.1.1
/usr/sbin/ip link set br0 up
/usr/sbin/ip link set p1 up
/usr/sbin/ip link set p2 up
bridge mdb add dev br0 port p1 grp 239.1.1.1
bridge mdb add dev br0 port p1 grp 239.1.1.1
/usr/sbin/bridge mdb add dev br0 port p1 grp 239.1.1.2 permanent vid 0
bridge mdb add dev br0 port p2 grp ff0e::1 permanent
bridge mdb add dev br0 port p2 grp 01:00:5e:01:01:05 permanent
/usr/sbin/bridge mdb add dev br0 port p2 grp 239.1.1.3 src 10.0.0.1
bridge mdb add dev br0 port p2 grp 239.1.1.4 src 10.0.0.2 temp
bridge mdb add dev br0 port p2 grp ff0e::4 src 2001:db8::1
bridge mdb add dev br0 port p2 grp 239.1.1.3 vid 5 permanent
bridge mdb add dev br0 port p1 grp 239.1.1.7 permanent vid 7
/usr/sbin/bridge mdb add dev br0 port p2 grp 239.1.1.8 permanent vid 7
bridge mdb
bridge mdb show
/usr/sbin/bridge mdb show
bridge -d mdb show
bridge -j mdb
bridge -j -p mdb
bridge -j -d mdb
bridge -j -p -d mdb
bridge -o mdb
bridge -o -d mdb
bridge -d -s mdb show vid 7
bridge -d -s -j mdb show vid 7
bridge -s -j -p mdb show vid 7
bridge -color=always -d mdb
bridge -color=always mdb show vid 7
bridge mdb show dev br0
bridge mdb show dev p1
bridge mdb show dev if2
bridge mdb show dev nope
bridge mdb show dev ''
bridge mdb show dev
bridge mdb show vid
bridge mdb show vid 5 vid 6
bridge mdb show vid 7 dev br0 foo
bridge mdb show dev br0 dev br0
bridge mdb show vid x
bridge mdb show vid 0
bridge mdb show vid 65543
bridge mdb sh
bridge mdb l
bridge mdb lst dev br0
bridge mdb foo
bridge mdb help
bridge mdb add help
bridge mdb del dev br0 port p1 grp 239.1.1.1 help
# router ports: shown with -details, with their timers under -s
/usr/sbin/ip link set br0 type bridge mcast_router 2
/usr/sbin/ip link set p1 type bridge_slave mcast_router 2
bridge -d mdb show vid 7
bridge -d -s mdb show vid 7
bridge -d -s -j mdb show vid 7
bridge -d -j -p mdb show vid 7
bridge mdb show vid 7
bridge -j mdb show vid 7
# errors
bridge mdb add
bridge mdb add dev br0
bridge mdb add dev br0 port p1
bridge mdb add dev br0 grp 239.1.1.9
bridge mdb add dev br0 port p1 grp
bridge mdb add dev br0 port p1 grp nope
bridge mdb add dev br0 port p1 grp ''
bridge mdb add dev br0 port p1 grp zz:11
bridge mdb add dev br0 port p1 grp 1:2:3:4:5:6:7
bridge mdb add dev br0 port p1 grp 1.2.3
bridge mdb add dev br0 port p1 grp 1.2.3.x
bridge mdb add dev br0 port p1 grp 01:02:03:04:05
bridge mdb add dev br0 port p1 grp 01.2.3.4
bridge mdb add dev nope port p1 grp 239.1.1.9
bridge mdb add dev nope port nope grp nope
bridge mdb add dev br0 port nope grp 239.1.1.9
bridge mdb add dev '' port p1 grp 239.1.1.9
bridge mdb add dev br0 port p1 grp 239.1.1.9 src nope
bridge mdb add dev br0 port p1 grp 239.1.1.9 src ''
bridge mdb add dev br0 port p1 grp 239.1.1.9 src 2001:db8::1
bridge mdb add dev br0 port p1 grp 10.1.1.1
bridge mdb add dev br0 port br0 grp 239.1.1.9
bridge mdb add dev p1 port p1 grp 239.1.1.9
bridge mdb add dev br0 port q1 grp 239.1.1.9
bridge mdb add dev br0 port p1 grp 239.1.1.9 vid 4095
bridge mdb add dev br0 port p1 grp 239.1.1.9 vid -1
bridge mdb add dev br0 port p1 grp 239.1.1.9 vid
bridge mdb add dev br0 port p1 grp 239.1.1.9 dev br0 port p2 grp 239.1.1.10 permanent junk temp
bridge mdb a dev br0 port p1 grp 239.1.1.11
bridge mdb show
# delete
bridge mdb del dev br0 port p1 grp 239.9.9.9
bridge mdb del dev br0 port p1 grp 239.1.1.1 permanent
/usr/sbin/bridge mdb del dev br0 port p2 grp 239.1.1.10
bridge mdb delete dev br0 port p2 grp 239.1.1.3 src 10.0.0.1
bridge mdb d dev br0 port p2 grp ff0e::1
bridge mdb del dev br0 port p2 grp 239.1.1.3 vid 5
bridge mdb show
/usr/sbin/bridge mdb show
# -batch keeps the show filters from line to line, as iproute2's statics
printf 'mdb show vid 7\nmdb show\nmdb show vid 7\nmdb show\n' > b1; bridge -batch b1
printf 'mdb show vid 7\nmdb show vid 7\nmdb show\n' > b2; bridge -force -batch b2
printf 'mdb show dev p1\nmdb show\nmdb show dev br0\n' > b3; bridge -batch b3
printf 'mdb add dev br0 port p1 grp 239.2.2.2 permanent\nmdb add dev br0 port p1 grp 239.2.2.2 permanent\nmdb show vid 0\n' > b4; bridge -force -batch b4
printf 'mdb foo\nmdb show\n' > b5; bridge -force -batch b5
printf 'mdb show\n' > b6; bridge -j -batch b6
bridge -n nope mdb
/usr/sbin/ip netns add ns1
/usr/sbin/ip link add br1 netns ns1 type bridge
/usr/sbin/ip -n ns1 link add p9 type veth peer name q9
/usr/sbin/ip -n ns1 link set p9 master br1
/usr/sbin/ip -n ns1 link set br1 up
/usr/sbin/ip -n ns1 link set p9 up
bridge -n ns1 mdb add dev br1 port p9 grp 239.3.3.3 permanent
bridge -n ns1 mdb show vid 0
/usr/sbin/bridge -n ns1 mdb show vid 0
bridge -n ns1 mdb del dev br1 port p9 grp 239.3.3.3
bridge -n ns1 -j mdb show vid 0
