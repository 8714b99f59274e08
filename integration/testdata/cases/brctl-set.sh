# brctl: bridge settings (stp, timers, priority) and their errors.
brctl addbr br0
/usr/sbin/ip link add lan1 address 02:00:00:00:00:01 type veth peer name lan2 address 02:00:00:00:00:02
/usr/sbin/ip link add v1 address 02:00:00:00:00:11 type veth peer name v2 address 02:00:00:00:00:12
brctl setageing br0 123.456
brctl setageing br0 abc
brctl setageing nope 10
brctl setageing v2 10
brctl setfd br0 1
brctl stp br0 on
brctl stp br0 maybe
brctl stp nope on
brctl stp v2 yes
brctl setfd br0 1
brctl setfd br0 4.5x
brctl sethello br0 0.5
brctl sethello br0 x
brctl setmaxage br0 100
brctl setmaxage br0 12
brctl setbridgeprio br0 0x1000
brctl setbridgeprio br0 070000
brctl setbridgeprio br0 x
brctl stp br0 0
brctl show
brctl showstp br0
