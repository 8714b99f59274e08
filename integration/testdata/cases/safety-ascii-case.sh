# Case-insensitive keywords fold ASCII letters only, as C's strcasecmp:
# Unicode look-alikes (U+017F long s, U+212A Kelvin sign) are refused.
/usr/sbin/ip link add v1 type veth peer name v2
/usr/sbin/ip link add br0 type bridge
ip link set v1 state TeStInG
ip link set v1 state $'te\xc5\xbfting'
ip link set v1 state $'\xe2\x84\xaa'
ip link set v1 state up
ip link set v1 mode DORMANT
ip link set v1 mode $'dorman\xc5\xa7'
ip link set v1 mode Default
ip link set v1 addrgenmode EUI64
ip link set v1 addrgenmode $'eui64\xc5\xbf'
ip link set v1 addrgenmode $'\xc5\xbftable_secret'
ip link set v1 addrgenmode RaNdOm
ip -d link show v1 | grep -o 'addrgenmode [a-z_0-9]*'
ip link set br0 type bridge vlan_protocol 802.1AD
ip link set br0 type bridge vlan_protocol $'802.1\xe2\x84\xaaq'
ip -d link show br0 | grep -o 'vlan_protocol [^ ]*'
ip route add 10.5.0.0/16 dev v1 rtt 1.5S
ip route add 10.6.0.0/16 dev v1 rtt $'1.5\xc5\xbf'
ip route add 10.7.0.0/16 dev v1 rtt 2.5MsEc
ip route show
