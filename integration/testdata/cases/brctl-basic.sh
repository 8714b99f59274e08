# brctl: bridges and ports, listed and changed (seed commands first).
brctl show
/usr/sbin/ip link add docker0 type bridge
/usr/sbin/ip link add veth2d85589 type veth peer name eth0
/usr/sbin/ip link set veth2d85589 master docker0
brctl show
brctl show docker0
brctl addbr xiemx-br
brctl show
/usr/sbin/ip link add veth0 type veth peer name veth1
brctl addif xiemx-br veth0
brctl show
/usr/sbin/ip link add v1 type veth peer name v2
/usr/sbin/ip link add a1 type veth peer name a2
/usr/sbin/ip link add B1 type veth peer name B2
/usr/sbin/ip link add _x type veth peer name _y
brctl addbr br0
brctl addif br0 v1 a1 B1 _x
brctl show
brctl show br0
brctl show br0 xiemx-br
brctl show xiemx-br nope br0 v2
brctl stp br0 on
brctl show br0
brctl stp br0 off
brctl delif br0 a1
brctl show br0
brctl delif br0 v1 B1
brctl show
brctl addbr aaaaaaaaaaaaaaaaaaaaaaa
brctl show
brctl delbr aaaaaaaaaaaaaaaaaaaaaaa
brctl delbr br0
/usr/sbin/ip link show
brctl show
