# Found by the random run (make randdiff): names sysfs does not know go
# through brctl's ioctl fallback, which cuts them at ':' and lists ports by
# port number; delbr's ioctl takes its name whole.
ip link add br0 address 02:00:00:00:00:10 type bridge
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link add v5 address 02:00:00:00:00:05 type veth peer name v6 address 02:00:00:00:00:06
ip link add a9 address 02:00:00:00:00:09 type veth peer name a8 address 02:00:00:00:00:08
ip link set v1 master br0
ip link set a9 master br0
ip link set v5 master br0
ip link set br0 up
brctl show br0
brctl show br0:1
brctl show br0: v0:1 :1 nosuch:2
brctl showstp br0
brctl showstp br0:1
brctl showstp br0:x
brctl setfd br0:1 5
brctl sethello br0 3
brctl showstp br0:1
brctl showstp v0:1
brctl showstp :1
brctl showstp nosuch:1
brctl delbr br0:1
brctl delbr v0:1
ip link set br0 down
brctl delbr br0:1
brctl delbr br0
brctl show
