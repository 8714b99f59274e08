# ip route add ... encap rpl | ioam6 | xfrm | ila, seg6local flavors, and ip/ip6 edge values: this kernel refuses
# the first four and seg6local ("lwt encapsulation type not supported"); what is compared is every parser
# error, exit status and refusal. The request bytes are pinned by TestParseEncapGolden. Not here:
# "flavors next-csid" (or its lblen value) at the end of the line, where iproute2 6.1 crashes.
ip link add eth0 type veth peer name eth1
ip link set eth0 up
ip addr add 10.0.0.1/24 dev eth0
ip addr add 2001:db8::1/64 dev eth0 nodad
ip route add 10.20.0.0/16 encap xfrm if_id 7 dev eth0
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 7
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 0x10 link_dev eth0
ip route add 10.20.0.0/16 dev eth0 encap xfrm link_dev eth0 if_id 9 table 5 foo
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 0
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id -1
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 4294967296
ip route add 10.20.0.0/16 dev eth0 encap xfrm link_dev eth0
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 5 if_id 6
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 5 link_dev nope
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 5 help
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id
ip route add 10.20.0.0/16 dev eth0 encap xfrm if_id 5 link_dev
ip route add 10.20.0.0/16 dev eth0 encap xfrm help
ip route add 10.20.0.0/16 dev eth0 encap xfrm foo
ip route add 2001:db8:20::/64 encap rpl segs 2001:db8::5,2001:db8::6 dev eth0
ip route add 2001:db8:20::/64 encap rpl segs 2001:db8::5 dev eth0
ip route add 2001:db8:20::/64 encap rpl segs 2001:db8::5,,2001:db8::6, dev eth0
ip route add 2001:db8:20::/64 dev eth0 encap rpl segs 2001:db8::5
ip route add 2001:db8:20::/64 dev eth0 encap rpl foo
ip route add 2001:db8:20::/64 dev eth0 encap rpl segs 10.0.0.1
ip route add 2001:db8:20::/64 dev eth0 encap rpl segs a segs b
ip route add 2001:db8:20::/64 dev eth0 encap rpl segs
ip route add 2001:db8:20::/64 dev eth0 encap rpl segs 2001:db8::1 segs
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 0x800000 ns 1 size 12 dev eth0
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 trace prealloc type 0x800000 ns 1 size 12
ip route add 2001:db8:21::/64 encap ioam6 freq 2/5 mode encap tundst 2001:db8::9 trace prealloc type 0x800000 ns 1 size 12 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode auto tundst 2001:db8::9 trace prealloc size 244 ns 65535 type 0xffffff dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode inline trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode inline tundst 2001:db8::9 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode encap trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode bogus trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 3/2 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 0/2 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 1/1000001 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 1/2/3 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 12345678/123456789 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 1/0x2 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq /2 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 ns 0 size 6 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 ns 0 size 248 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 ns 0 size 0 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 0 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 ns 65536 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 type 2 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 ns 0 ns 1 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 size 4 size 8 ns 0 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 ns 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace type 1 ns 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 type 1 ns 4 dev eth0
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 trace prealloc
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 trace
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 freq 1/2
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 mode encap
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 mode encap tundst 10.0.0.1 trace prealloc type 1 ns 1 size 4
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 mode encap tundst 2001:db8::9
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 freq 123456789012345/2 trace prealloc type 1 ns 1 size 4
ip route add 2001:db8:21::/64 dev eth0 encap ioam6 trace prealloc type 1 ns 1 size 4 type
ip route add 2001:db8:23::/64 encap seg6local action End flavors next-csid lblen 32 nflen 16 dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors next-csid dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors next-csid nflen 16 dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors next-csid lblen 8 dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors psp dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors psp,usp,usd,next-csid lblen 1 nflen 2 dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors PSP,Next-CSID dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors psp,psp dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors bogus dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors psp,,usp dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors , dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors '' dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors psp flavors usp dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors psp lblen 5 dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors next-csid lblen 300 dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors next-csid lblen 3 nflen x dev eth0
ip route add 2001:db8:23::/64 encap seg6local action End flavors next-csid nflen 3 lblen 4 dev eth0
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors psp
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors next-csid lblen 3 nflen 4
ip route add 2001:db8:23::/64 dev eth0 encap seg6local flavors psp action End
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End count flavors next-csid lblen 16 table 5
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors next-csid lblen
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors next-csid nflen 3
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors next-csid lblen 3 lblen 4
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors next-csid lblen 3 nflen 4 nflen 5
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors usd,next-csid lblen 0x10 nflen 010
ip route add 2001:db8:23::/64 dev eth0 encap seg6local action End flavors
ip route add 2001:db8:21::/64 encap ioam6 mode encap tundst default trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode encap tundst 2001:db8::/64 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 0xffffffff ns 0x10 size 0x10 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 1000000/1000000 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 01/09 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 1/ trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 1// trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq -1/2 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq ' 1/2' trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 freq 123456789012345/ trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc type 1 ns 0 size 4 foo
ip route add encap ioam6 trace prealloc type 1 ns 0 size 4
ip route add 2001:db8:21::/64 encap ioam6 freq 1/2 freq 3/4 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode encap mode inline trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 mode encap tundst 2001:db8::1 tundst 2001:db8::1 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 2001:db8:21::/64 encap ioam6 trace prealloc dev eth0
ip route add 10.22.0.0/16 encap ioam6 trace prealloc type 1 ns 0 size 4 dev eth0
ip route add 10.22.0.0/16 encap rpl segs 2001:db8::1 dev eth0
ip nexthop add id 10 encap xfrm if_id 3 dev eth0
ip nexthop add id 10 dev eth0 encap rpl segs 2001:db8::1
ip nexthop add id 10 dev eth0 encap ioam6 trace prealloc type 1 ns 0 size 4
ip nexthop add id 10 encap ioam6 trace prealloc type 1 ns 0 size 4 dev eth0
ip nexthop add id 10 dev eth0 encap seg6local action End flavors next-csid lblen 3 nflen 4
ip route add 10.20.0.0/16 dev eth0 encap ip id -1 dst 10.1.1.1
ip route add 10.20.0.0/16 dev eth0 encap ip id 18446744073709551616 dst 10.1.1.1
ip route add 10.20.0.0/16 dev eth0 encap ip id ' 5' tos ' 1' ttl ' 2'
ip route add 10.20.0.0/16 dev eth0 encap ip tos af11 ttl 0x10 csum csum
ip route add 10.20.0.0/16 dev eth0 encap ip6 tc 0x10 dst 2001:db8::1 src 2001:db8::2 hoplimit 255 seq key csum
ip route add 10.20.0.0/16 dev eth0 encap ip6 tos 1
ip route add 10.20.0.0/16 dev eth0 encap ip dst 2001:db8::1
ip route add 10.20.0.0/16 dev eth0 encap ip6 dst 10.0.0.1
ip route add 10.20.0.0/16 dev eth0 encap ip src default dst any
ip route add 10.20.0.0/16 dev eth0 encap ip ttl 256
ip route add 10.20.0.0/16 dev eth0 encap ip6 hoplimit -1
ip route add 10.20.0.0/16 dev eth0 encap ip6 tc bogus
ip route add 10.20.0.0/16 dev eth0 encap ip ttl 1 ttl 2
ip route add 2001:db8:26::/64 encap ila 1:2:3:4 csum-mode adj-transport ident-type luid hook-type output dev eth0
ip route add 2001:db8:26::/64 encap ila 0xab:ffff csum-mode neutral-map-auto ident-type use-format hook-type input csum-mode no-action dev eth0
ip route add 2001:db8:26::/64 encap ila 1:2:3:4:5 dev eth0
ip route add 2001:db8:26::/64 encap ila 1:10000 dev eth0
ip route add 2001:db8:26::/64 encap ila 1-2 dev eth0
ip route add 2001:db8:26::/64 encap ila 1:2 csum-mode bogus dev eth0
ip route add 2001:db8:26::/64 encap ila 1:2 ident-type iid dev eth0
ip route add 2001:db8:26::/64 encap ila 1:2 hook-type both dev eth0
ip route add 2001:db8:26::/64 dev eth0 encap ila 1:2 hook-type
ip route add 2001:db8:26::/64 dev eth0 encap ila 1:2:3:4 csum-mode neutral-map
ip route add 10.26.0.0/16 dev eth0 encap ila 1:2:3:4 foo
ip route show
ip -6 route show
ip -j route show
