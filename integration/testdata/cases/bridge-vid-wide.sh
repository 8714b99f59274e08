# bridge fdb show vlan / vlan show vid / mdb show vid keep iproute2's
# unsigned int filter (atoi): a vid over 65535 is set, so it matches no
# entry and a second vid is a duplicate; it is never cut to 16 bits
# (65536 used to read as 0, no filter). From the random run, seed 8.
/usr/sbin/ip link add br0 address 02:00:00:00:00:10 type bridge
/usr/sbin/ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
/usr/sbin/ip link set v1 master br0
/usr/sbin/bridge fdb add 02:00:00:00:00:aa dev v1 master static
bridge fdb show vlan 65536
bridge fdb show vlan 65537 brport v1
bridge -statistics -d fdb show vlan 65536 brport br0
bridge fdb show vlan 65536 vlan 1
bridge fdb show vlan -65536 vlan 1
bridge fdb show vlan 4294967296 vlan 1
bridge fdb show vlan 0 vlan 1
bridge fdb show vlan -1
bridge -j fdb show vlan 65536
bridge vlan show vid 65536
bridge -d vlan show vid 65536 vid 7
bridge vlan show vid 65537 vid 1
bridge vlan show vid 4294967296 vid 1
bridge -s vlan show vid 65536
bridge vlan show vid -65535
bridge mdb show vid 65536 vid 7
bridge mdb show vid 65537
