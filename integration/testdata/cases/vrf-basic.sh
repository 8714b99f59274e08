# ip vrf: this kernel has no VRF devices, so show lists none and every
# name is refused after the link request iproute2 sends; identify reads
# /proc; errors, abbreviations, output modes and -batch (where exec's
# failing forked copy goes on with the batch).
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
ip vrf
ip vrf show
ip vrf list
ip vrf lst
ip vrf s
ip vrf l
ip -j vrf
ip -j -p vrf show
ip -o vrf
ip -d -s vrf
ip -4 vrf
ip vrf show lo
ip vrf show eth0
ip vrf show nope
ip vrf show default
ip -4 vrf show default
ip vrf show ''
ip vrf show aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
ip vrf show a b
ip vrf exec
ip vrf exec lo
ip vrf exec lo true
ip vrf exec nope true
ip vrf exec '' true
ip vrf e eth0 echo hi
ip vrf pids
ip vrf pids lo
ip vrf pids nope
ip vrf pids a b
ip vrf p
ip vrf identify
ip vrf i
ip vrf identify 1
ip vrf identify 1 2
ip vrf identify x
ip vrf identify -1
ip vrf identify 0x10
ip vrf identify 999999
ip vrf identify ''
ip vrf x
ip vrf ''
ip vrf help
ip vrf SHOW
printf 'vrf show lo\nvrf\nvrf show default\n' > b1; ip -batch b1
printf 'vrf show lo\nvrf\n' > b2; ip -force -batch b2
printf 'vrf exec lo true\nvrf\n' > b3; ip -batch b3
printf 'vrf exec lo true\nvrf\nvrf pids lo\nvrf\n' > b4; ip -force -batch b4
printf 'vrf x\nvrf\n' > b5; ip -force -batch b5
