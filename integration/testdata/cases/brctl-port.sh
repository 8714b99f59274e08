# brctl: port settings (path cost, priority, hairpin), showstp and showmacs.
brctl addbr br0
/usr/sbin/ip link add lan1 address 02:00:00:00:00:01 type veth peer name lan2 address 02:00:00:00:00:02
/usr/sbin/ip link add v1 address 02:00:00:00:00:11 type veth peer name v2 address 02:00:00:00:00:12
brctl showstp br0
brctl showmacs br0
brctl showstp nope
brctl showstp v2
brctl showmacs nope
brctl showmacs v2
brctl setpathcost br0 v1 33
brctl setpathcost br0 v2 33
brctl setpathcost br0 nope 33
brctl setpathcost br0 v1 x
brctl setpathcost br0 v1 0
brctl setportprio br0 v1 5
brctl setportprio br0 v1 500
brctl setportprio br0 v2 5
brctl setportprio brx v2 5
brctl hairpin br0 v1 on
brctl hairpin br0 v2 on
brctl hairpin br0 v1 maybe
brctl hairpin br0 nope on
brctl hairpin brx v1 on
brctl showstp br0
brctl stp br0 on
brctl showstp br0
