# Multi-call names: gip acts as ip, brctl or bridge by its name or first
# word (gip, gbrctl, gbridge; `gip brctl ...`, `gip bridge ...`). In the
# reference run these names stand for ip, brctl and bridge.
/usr/sbin/ip link add br0 address 02:00:00:00:00:10 type bridge
/usr/sbin/ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
/usr/sbin/ip link set v0 master br0
gip link show lo
gip l show v0
gip -br l
gip -V
gip -j l show lo
brctl show
gbrctl show
gip brctl show
gbrctl show br0
gip gbrctl show br0
gbrctl showmacs br0
gbrctl foo
bridge link
gbridge link
gip bridge link
gip gbridge link
gbridge -j link
gbridge fdb show br br0
bridge -V
gbridge -V
gip foo
# only the name gip takes an applet as its first word: ip does not
ip brctl show
ip bridge link
gip
