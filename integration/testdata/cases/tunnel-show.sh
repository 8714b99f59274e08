# ip tunnel show / list / lst and ip -6 tunnel show. This kernel has no
# IP tunnel modules: an empty system lists nothing, and persistent tun
# devices given the link types of tunnels (TUNSETLINK: ipip 768, ip6tnl
# 769, sit 776, gre 778, ip6gre 823) are listed by type, each refusing
# SIOCGETTUNNEL (Operation not supported), which both tools report.
ip tunnel
ip tunnel show
ip tunl
ip tunl show
ip t
ip tu show
ip tunnel list
ip tunnel lst
ip tunnel ls
ip tunnel s
ip -6 tunnel
ip -6 tunnel show
ip -4 tunnel show
ip -f inet tunnel show
ip -f inet6 tunnel list
ip -j tunnel show
ip -j -p tunnel show
ip -j -6 tunnel show
ip -s tunnel show
ip -s -s -6 tunnel show
ip -o tunnel show
ip -br tunnel show
ip -d tunnel show
ip -c tunnel show
ip -N -r tunnel show
ip tunnel show t1
ip tunnel show lo
ip -6 tunnel show lo
ip -s -6 tunnel show lo
ip tunnel show gre0
ip tunnel show tunl0
ip tunnel show sit0
ip tunnel show ip_vti0
ip tunnel show mode gre
ip tunnel show mode ipip
ip tunnel show mode sit
ip tunnel show mode isatap
ip tunnel show mode vti
ip tunnel show mode gre lo
ip tunnel show gre1
ip tunnel show name ipip1
ip tunnel show remote 1.2.3.4
ip tunnel show local 10.0.0.1 remote any
ip tunnel show key 5
ip tunnel show dev lo
ip tunnel show dev nonexist
ip tunnel show dev ''
ip tunnel show dev if1
ip -6 tunnel show dev lo
ip -6 tunnel show dev nonexist
ip -6 tunnel show mode ip6gre
ip -6 tunnel show remote ::1 local ::2
ip -6 tunnel show x6
ip -6 tunnel show ip6tnl0
ip -6 tunnel show ip6gre0
ip tunnel show mode ip6gre
ip tunnel show mode any
# tun devices with the link types of tunnels
perl -e 'for my $a (@ARGV) { my ($n, $t) = split /:/, $a; open(my $f, "+<", "/dev/net/tun") or die; ioctl($f, 0x400454ca, pack("a16 s x22", $n, 0x1001)) or die; ioctl($f, 0x400454cd, $t+0) or die; ioctl($f, 0x400454cb, 1) or die; close $f }' t1:768 g1:778 s1:776 x6:769 g6:823
ip tunnel show
ip tunnel
ip -6 tunnel show
ip -s tunnel show
ip -s -6 tunnel show
ip -j tunnel show
ip -j -p -6 tunnel show
ip -o tunnel show
ip tunnel show t1
ip tunnel show g1
ip tunnel show nonexist
ip tunnel show name s1
ip tunnel show dev lo
ip tunnel show dev t1
ip tunnel show remote 1.2.3.4
ip tunnel show key 1
ip tunnel show mode gre g1
ip tunnel show mode sit s1
ip -6 tunnel show x6
ip -6 tunnel show g6
ip -s -6 tunnel show x6
ip -s -6 tunnel show g6
ip -6 tunnel show dev g6
ip -6 tunnel show mode ip6gre
ip -6 tunnel show hoplimit 5 encaplimit 3 tclass 0x10 flowlabel 5
ip -6 tunnel show dscp inherit
ip tunnel show mode ip6gre
ip tunl show mode any/ipv6
ip -6 tunnel lst
ip -6 tunnel list x6
/usr/sbin/ip link set t1 up
ip tunnel show
/usr/sbin/ip link del t1
ip tunnel show
