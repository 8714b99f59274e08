# ip link add/set/delete: argument errors and refusals, with their exit codes.
ip link add
ip link add foo
ip link add foo type
ip link add foo type foo
ip link add foo type foo bar
ip link add foo type veth bar
ip link set
ip link set nosuch up
ip link set dev lo dev lo2
ip link set lo foo bar
ip link delete nosuch
ip link del
ip link add v0 type veth peer v1 type veth
ip link add v0 mtu x type veth
ip link add v0 mtu 1 mtu 2 type veth
ip link add v0 mtu 100000 type veth
ip link add v0 address zz type veth
ip link add v0 address 02:zz:00:00:00:01 type veth
ip link add n0 name n1 type veth
ip link add name n0 dev n1 type veth
ip link add v0 index 0 type veth
ip link add v0 type veth peer name
ip link set lo master nosuch
ip link set lo netns nosuch
ip link set lo multicast maybe
ip link set lo carrier maybe
ip link set lo index 5
ip link set lo txqlen x
ip link set lo addrgenmode foo
ip link set lo name ""
ip link set lo name aaaaaaaaaaaaaaaaaaaa
ip link set lo state bogus
ip link set lo mode bogus
ip link set lo alias
ip link add group 5 type veth
ip link del group 5
ip link set group 5 type veth foo
ip link set lo type veth peer name zz
ip link add v2 type veth peer name v3 mtu 1400 up
ip link add mv0 link nosuch type macvlan
ip link set lo address 0200.0000.0001
ip link set lo broadcast 10.1
ip link set lo address 1.2.3.256
printf 'link set\nlink show lo\n' > b1; ip -force -batch b1
printf 'link set lo index 5\nlink show lo\n' > b2; ip -force -batch b2
printf 'link add n0 name n1 type veth\nlink show lo\n' > b3; ip -force -batch b3
printf 'link add group 5 type veth\nlink show lo\n' > b4; ip -force -batch b4
printf 'link set group 5 type veth foo\nlink show lo\n' > b5; ip -force -batch b5
printf 'link set lo type bridge_slave learning maybe\nlink show lo\n' > b6; ip -force -batch b6
printf 'link add vx0 type vxlan id 5 dev nosuch\nlink show lo\n' > b7; ip -force -batch b7
printf 'link add vx0 type vxlan id 5 remote x\nlink show lo\n' > b8; ip -force -batch b8
printf 'link add b0 type bond arp_ip_target 1.2.3.x\nlink show lo\n' > b9; ip -force -batch b9
printf 'link set lo up\nlink show lo\n' > b10; ip -force -batch b10
ip link set lo broadcast -1
ip link set lo address 02:-ff
ip link add x1 brd -1 txqueuelen 1400
