# brctl under odd input: no word makes it panic; its float scanner is
# glibc's sscanf("%lf") (hex floats, inf/nan in any ASCII case, "0x" and
# "infin" refused); setpathcost/setportprio find the port, then the bridge,
# before the kernel's verdict on the value.
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add br1 type bridge
/usr/sbin/ip link add v1 type veth peer name v2
/usr/sbin/ip link set v1 master br0
brctl setageing br0 $'nan\xa4\xa1'
brctl setfd br0 $'INF\xff\xff'
brctl sethello br0 $'infinity\xff'
brctl setmaxage br0 $'\xc5\xbf'
brctl setageing br0 $'\xe2\x84\xaa'
brctl setfd br0 0x
brctl setfd br0 0X
brctl setfd br0 -0x
brctl setfd br0 0xg
brctl setfd br0 0x.
brctl setfd br0 infin
brctl setfd br0 infinit
brctl setfd br0 na
brctl setfd br0 .
brctl setfd br0 ''
brctl setfd br0 ' '
brctl setmaxage br0 0x1p3
brctl setmaxage br0 0X1.8P2
brctl setageing br0 0x1A
brctl sethello br0 1e
brctl sethello br0 1.5e+
brctl sethello br0 +2.
brctl setageing br0 ' 1e2x'
brctl setageing br0 NaN
brctl setageing br0 -InFiNiTy
brctl setageing br0 3e2
brctl showstp br0 | grep -E 'max age|hello time|forward delay|ageing time'
brctl setageing br0 1e400
brctl setpathcost br0 nope ' -1'
brctl setpathcost br0 v2 ' -1'
brctl setpathcost br0 v1 ' -1'
brctl setpathcost nobr v1 ' -1'
brctl setpathcost v2 v1 ' -1'
brctl setpathcost br1 v1 ' -1'
brctl setpathcost br1 v1 7
brctl setpathcost br0 v1 0x
brctl setpathcost br0 v1 x
brctl setpathcost br0 nope x
brctl setportprio br0 nope 70000
brctl setportprio nobr v1 70000
brctl setportprio v2 v1 70000
brctl setportprio br0 v1 ' -1'
brctl setbridgeprio br0 0x
brctl setbridgeprio br0 ''
brctl showstp br0 | grep -E 'path cost|priority'
# names given as '' are names
brctl show ''
brctl show br0 ''
brctl showmacs ''
brctl showstp ''
brctl addif br0 ''
brctl delif br0 ''
brctl addif '' v2
brctl setageing '' 10
brctl setpathcost '' v1 5
brctl setpathcost br0 '' 5
brctl hairpin br0 '' on
brctl stp '' on
brctl delbr ''
brctl addbr ''
brctl show
