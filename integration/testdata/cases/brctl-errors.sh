# brctl: refusals and their messages and exit statuses.
brctl addbr br0
brctl addbr br0
/usr/sbin/ip link add v1 type veth peer name v2
brctl addbr v1
brctl addif br0 v1
brctl addif br0 v1
brctl addbr br1
brctl addif br1 v1
brctl addif br1 nope
brctl addif brx v2
brctl addif br0 br1
brctl addif v2 br1
brctl addif br0 lo
/usr/sbin/ip tuntap add dev tun0 mode tun
brctl addif br0 tun0
brctl addif br0 v2 nope v1
brctl delif br0 v2
brctl delif br0 nope
brctl delif brx v2
brctl delif br1 v1
brctl delif v2 v1
/usr/sbin/ip link set br0 up
brctl delbr br0
brctl delbr nope
brctl delbr v2
brctl delbr ""
brctl addbr a/b
brctl addbr "a b"
brctl addbr ""
brctl show nope
brctl show v2
brctl show
