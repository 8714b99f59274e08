# ip link show: missing devices and bad filters.
ip link show nope
ip link show dev nope
ip -j link show nope
ip link show dev
ip link show lo lo
ip link show group
ip link show group foo
ip link show master nope
ip link show master
ip link show type
ip link show vrf lo
ip link show scope bogus
ip link show to 10.0.0.0/8
ip link show scope host
ip link show secondary
ip link show if1
ip link sh lo
ip link frob
ip -j link show if200
ip -j -p link show if200
ip link show if200 group 0
ip -j link show if200 group 0
ip link show lo group 5
ip addr show if200
ip -j addr show if200
printf 'link show if200\nlink show lo\n' > b1; ip -force -batch b1
printf 'link show if200 group 0\nlink show lo\n' > b2; ip -force -batch b2
printf 'addr show if200\nlink show lo\n' > b3; ip -force -batch b3
ip netns add ns9
ip -n "" link show
ip -n nosuch -n ns9 link show
ip -n nosuch -badopt link show
ip -n ../../proc/self/ns/uts link show
bridge -n "" link show
