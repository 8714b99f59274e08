# bridge -batch: iproute2 keeps the show filters of fdb, link, mdb and vni
# in statics, so they carry over into the next commands of the batch.
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip link add p2 address 02:00:00:00:00:03 type veth peer name q2 address 02:00:00:00:00:04
/usr/sbin/ip link set p1 master br0
/usr/sbin/ip link set p2 master br0
/usr/sbin/bridge fdb add 02:00:00:00:00:55 dev p1 master static
/usr/sbin/bridge fdb add 02:00:00:00:00:66 dev p2 master static vlan 1
printf 'fdb show dev p1\nfdb show\n' > b1; bridge -batch b1
printf 'fdb show vlan 1\nfdb show vlan 1\nfdb show\n' > b2; bridge -force -batch b2
printf 'fdb show state permanent\nfdb show\n' > b3; bridge -batch b3
printf 'fdb show dynamic\nfdb show br br0\n' > b4; bridge -batch b4
printf 'fdb show br br0\nfdb show\n' > b5; bridge -batch b5
printf 'fdb show br nope\nfdb show br br0\nfdb show dev nope\nfdb show\n' > b6; bridge -force -batch b6
printf 'fdb show dev p1\nfdb get 02:00:00:00:00:55 dev p1 master\nfdb show\n' > b7; bridge -batch b7
printf 'fdb get 02:00:00:00:00:55 dev p1 master dynamic\nfdb show br br0\n' > b8; bridge -batch b8
printf 'link show dev p1\nlink show\n' > b9; bridge -batch b9
printf 'link show dev p1\nlink show dev nope\nlink show\n' > b10; bridge -force -batch b10
printf 'vlan show dev p1\nvlan show\n' > b11; bridge -batch b11
printf 'fdb show dev p1\nmonitor file /dev/null\n' > b12; bridge -batch b12
printf 'link show dev p1\nfdb show dev p2\n' > b13; bridge -j -batch b13
