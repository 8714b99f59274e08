# brctl: options, names at the IFNAMSIZ limit, abbreviations, namespaces.
brctl -V
brctl --version
brctl --vers show
brctl show -V
brctl -Vh
brctl addbr 0123456789abcdefgh
brctl show
brctl show 0123456789abcdefgh
brctl show 0123456789abcde
brctl delbr 0123456789abcdefgh
brctl addbr br%d
brctl addbr br%d
brctl show
brctl addbr .
brctl addbr ..
brctl addbr a:b
brctl -- show
/usr/sbin/ip netns add ns1
/usr/sbin/ip netns exec ns1 brctl addbr nsbr
/usr/sbin/ip netns exec ns1 brctl show
brctl show nsbr
/usr/sbin/ip link add dummy0 type dummy
brctl addif br0 dummy0
brctl setpathcost br1 dummy0 10
brctl setpathcost br0 dummy0 100000
brctl setportprio br0 dummy0 0x3f
brctl showstp br0
/usr/sbin/ip link set dummy0 up
/usr/sbin/ip link set br0 up
brctl showmacs br0
