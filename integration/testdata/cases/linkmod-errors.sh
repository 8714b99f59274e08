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
