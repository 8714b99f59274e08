# bridge vni: VNI filters of vxlan devices with `external vnifilter`,
# shown in every mode, added and deleted as iproute2 6.1 reads them.
/usr/sbin/ip link add vx0 type vxlan dstport 4789 external vnifilter local 10.0.0.1
/usr/sbin/ip link add vx1 type vxlan dstport 4790 external vnifilter local 2001:db8::1
/usr/sbin/ip link add vx2 type vxlan id 9 dstport 4791
/usr/sbin/ip link set vx0 up
/usr/sbin/ip link set vx1 up
bridge vni
bridge vni add dev vx0 vni 100
/usr/sbin/bridge vni add dev vx0 vni 300,301 remote 10.0.0.5
bridge vni add dev vx0 vni 200-210 group 239.1.1.1
bridge vni add dev vx0 vni 400-402 remote 10.0.0.6
bridge vni add dev vx1 vni 5 remote 2001:db8::2
/usr/sbin/bridge vni add dev vx1 vni 7-9
bridge vni add dev vx1 vni 20,,21-23 remote 2001:db8::3
bridge vni
/usr/sbin/bridge vni
bridge vni show
bridge vni show dev vx0
bridge vni show dev vx1
bridge vni show dev vx2
bridge vni show dev vx0 dev vx1
bridge vni show dev nope
bridge vni show dev ''
bridge vni show dev
bridge vni show foo
bridge -j vni
bridge -j -p vni
bridge -s vni
bridge -s -j vni
bridge -s -j -p vni show dev vx1
bridge -o vni
bridge -o -s vni
bridge -d vni
bridge -color=always vni
bridge vni lst
bridge vni list dev vx1
bridge vni sh
bridge vni del dev vx0 vni 100
bridge vni help
bridge vni add help
bridge vni foo
# errors
bridge vni add
bridge vni add dev vx0
bridge vni add vni 5
bridge vni add dev nope vni 5
bridge vni add dev '' vni 5
bridge vni add dev vx0 vni
bridge vni add dev vx0 vni 5 vni 6
bridge vni add dev vx0 vni 5 group 10.0.0.1
bridge vni add dev vx0 vni 5 group nope
bridge vni add dev vx0 vni 5 group ''
bridge vni add dev vx0 vni 5 group 239.1.1.1 group 239.1.1.2
bridge vni add dev vx0 vni 5 remote 10.0.0.1 group 239.1.1.2
bridge vni add dev vx0 vni 5 remote 10.0.0.1 remote 10.0.0.2
bridge vni add dev vx0 vni 5 remote
bridge vni add dev vx0 vni 5 group any
bridge vni add dev vx0 vni 5 remote any
bridge vni add dev vx0 vni 5 remote default
bridge vni add dev vx0 vni 5 group ff0e::5
bridge vni add dev lo vni 5
bridge vni add dev vx2 vni 5
bridge vni add dev vx0 vni 16777216
bridge vni add dev vx0 vni 10-5
bridge vni add dev vx0 vni 1-
bridge vni add dev vx0 vni ''
bridge vni add dev vx0 vni x
bridge vni delete dev vx0 vni 999
bridge vni
# delete
bridge vni delete dev vx0 vni 100
/usr/sbin/bridge vni delete dev vx0 vni 205
bridge vni delete dev vx0 vni 400-401
bridge vni delete dev vx1 vni 20,22
bridge vni
/usr/sbin/bridge -s vni
# -batch keeps the dev filter from line to line
printf 'vni show dev vx0\nvni show\n' > b1; bridge -batch b1
printf 'vni add dev vx0 vni 44\nvni show dev vx0\nvni foo\nvni show\n' > b2; bridge -force -batch b2
printf 'vni show\n' > b3; bridge -j -batch b3
bridge -n nope vni
/usr/sbin/ip netns add ns1
/usr/sbin/ip -n ns1 link add vx9 type vxlan dstport 4789 external vnifilter
bridge -n ns1 vni add dev vx9 vni 77
bridge -n ns1 vni
/usr/sbin/bridge -n ns1 vni
