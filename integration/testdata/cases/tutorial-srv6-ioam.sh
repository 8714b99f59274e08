# SRv6 and IOAM as their guides set them up: the segment-routing.org /
# kernel selftests srv6_end_dt4_l3vpn_test.sh and srv6_hencap_*_test.sh
# recipes (seg6 encap routes with segs, seg6local End / End.DT4 / End.DT6
# / End.DX6 behaviours, ip sr tunsrc) and ioam6.sh (ip ioam namespace and
# schema add/show/set/del, ioam6 trace encap routes), every show mode. Namespaces and schemas list in the kernel's hash order,
# which differs from one namespace to the next: their listings are sorted.
/usr/sbin/ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
/usr/sbin/ip link set veth0 up
/usr/sbin/ip link set veth1 up
/usr/sbin/ip -6 addr add fcf0:0:1:2::1/64 dev veth0 nodad
/usr/sbin/ip -6 addr add fcff:1::1/128 dev lo
sysctl -qw net.ipv6.conf.all.seg6_enabled=1
sysctl -qw net.ipv6.conf.veth0.seg6_enabled=1
ip sr tunsrc show
ip sr tunsrc set fcff:1::1
ip sr tunsrc show
ip -j sr tunsrc show
ip sr hmac show
ip -6 route add fcff:2::/48 encap seg6 mode encap segs fcff:3::d46,fcff:2::d46 dev veth0
ip route add 10.0.2.0/24 encap seg6 mode encap segs fcff:2::d46 dev veth0
ip -6 route add cafe::2 encap seg6 mode inline segs fc00:21:100::6004 dev veth0
ip -6 route add fcff:1::d46 encap seg6local action End.DT4 vrftable 100 dev veth0
ip -6 route add fcff:1::d6 encap seg6local action End.DT6 table 100 dev veth0
ip -6 route add fcff:1::e encap seg6local action End dev veth0
ip -6 route add fcff:1::dx6 encap seg6local action End.DX6 nh6 fcf0:0:1:2::2 dev veth0
ip -6 route add fcff:1::dx4 encap seg6local action End.DX4 nh4 10.0.0.2 dev veth0
ip -6 route add fcff:1::b6 encap seg6local action End.B6 srh segs fcff:4::1,fcff:5::1 dev veth0
ip -6 route add fcff:1::b6e encap seg6local action End.B6.Encaps srh segs fcff:4::1 dev veth0
ip -6 route show
ip route show 10.0.2.0/24
ip -j -6 route show fcff:2::/48
ip -d -6 route show fcff:1::d46
ip -o -6 route show fcff:1::b6
ip -6 route get fcff:2::1
ip -6 route del fcff:2::/48
ip -6 route flush dev veth0
ip sr tunsrc set ::
ip sr tunsrc show
ip ioam namespace add 123 data 0xdeadbee0 wide 0xcafec0caf00dc0de
ip ioam namespace add 124
ip ioam namespace show | sort
ip ioam schema add 777 "tx-1"
ip ioam schema add 778 abc
ip ioam schema show | sort
ip ioam namespace set 123 schema 777
ip ioam namespace set 124 schema 778
ip ioam namespace show | sort
ip ioam schema show | sort
ip -j ioam namespace show | tr '{},' '\n\n\n' | sort
ip -j -p ioam schema show | tr '{},' '\n\n\n' | sort
ip ioam namespace set 123 schema none
ip ioam namespace show | sort
sysctl -qw net.ipv6.ioam6_id=1
sysctl -qw net.ipv6.conf.veth0.ioam6_enabled=1
sysctl -qw net.ipv6.conf.veth0.ioam6_id=11
ip -6 route add db02::/64 encap ioam6 trace prealloc type 0x800000 ns 123 size 4 dev veth0
ip -6 route add db03::/64 encap ioam6 mode encap tundst db01::1 trace prealloc type 0xfff002 ns 124 size 244 dev veth0
ip -6 route add db04::/64 encap ioam6 freq 2/5 mode inline trace prealloc type 0x800000 ns 123 size 12 dev veth0
ip -6 route show db02::/64
ip -6 route show db03::/64
ip -j -6 route show db04::/64
ip ioam schema del 777
ip ioam namespace del 123
ip ioam namespace del 124
ip ioam namespace show | sort
ip ioam schema show | sort
ip ioam schema del 778
ip ioam
ip sr
