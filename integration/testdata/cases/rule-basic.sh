# ip rule: show/list with every selector and output mode, add/delete with
# every keyword and type word, flush, save/restore, and the errors.
/usr/sbin/ip link add d1 type dummy
ip rule
ip ru
ip -6 rule
ip rule add from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif lo oif d1 pref 100 table 100
ip rule add not from 10.1.2.3 pref 101 lookup main protocol static
ip rule add fwmark 7 uidrange 1000-2000 ipproto tcp sport 80 dport 1000-2000 pref 102 table 200
ip rule add from 10.9.0.0/16 pref 103 table main suppress_prefixlength 0
ip rule add iif nosuch pref 104 table main suppress_ifgroup 5
ip rule add to 10.2.0.0/16 pref 105 blackhole
ip rule add to 10.3.0.0/16 pref 106 unreachable
ip rule add to 10.4.0.0/16 pref 107 type prohibit
ip rule add pref 108 goto 110
ip rule add pref 109 goto 200
ip rule add pref 110 nop
ip rule add pref 111 realms 1/2 table 10
ip rule add pref 112 realms 3 table 4000
ip rule add pref 113 tun_id 42 table 11
ip rule add pref 114 ipproto 253 table 12 protocol 99
ip rule add pref 115 fwmark 0/0xff table 13
ip rule add pref 116 dsfield 0x04 table 14 proto kernel
ip rule add pref 117 l3mdev
ip -6 rule add from 2001:db8::/32 to 2001:db8:1::1 pref 200 table 300
ip -6 rule add not iif d1 pref 201 ipproto udp dport 53 unreachable
ip rule
ip rule list
ip rule lst
ip rule show
ip -6 rule
ip -4 rule
ip -j rule
ip -p -j rule
ip -d rule
ip -N rule
ip -o rule
ip -c rule
ip -c -6 rule
ip -d -j rule
ip -6 -j -p rule
ip rule show pref 100
ip rule show priority 102
ip rule show order 0
ip rule show not
ip rule show from 10.0.0.0/8
ip rule show from 10.0.0.0/7
ip rule show from 10.1.2.3
ip rule show from all
ip rule show to 192.168.1.0/24
ip rule show 192.168.1.0/24
ip rule show dst 10.2.0.0/16
ip rule show tos 0x10
ip rule show dsfield 0x04
ip rule show fwmark 5
ip rule show fwmark 5/0xff
ip rule show fwmark 7
ip rule show iif lo
ip rule show dev nosuch
ip rule show oif d1
ip rule show l3mdev
ip rule show uidrange 1000-2000
ip rule show uidrange 1-2
ip rule show ipproto tcp
ip rule show ipproto 253
ip rule show sport 80
ip rule show dport 1000-2000
ip rule show tun_id 42
ip rule show table 100
ip rule show lookup main
ip rule show table 4000
ip rule show protocol static
ip rule show protocol all
ip -6 rule show iif d1
ip -6 rule show from 2001:db8::/32
ip -6 rule show table 300
ip rule del pref 105
ip rule delete to 10.3.0.0/16 pref 106 unreachable
ip rule del pref 999
ip rule
ip rule flush protocol static
ip rule
ip rule flush table 100
ip rule
ip -6 rule flush
ip -6 rule
ip rule save > saved; wc -c < saved
ip rule flush
ip rule
ip rule restore < saved
ip rule
ip rule restore < saved
ip rule
ip -echo rule add pref 300 table 5
ip -echo -j rule del pref 300
ip rule flush
ip rule
ip rule flush
ip rule add
ip rule del
ip rule add pref
ip rule add pref x
ip rule add tos zz
ip rule add fwmark x
ip rule add fwmark 1/x
ip rule add realms foo/bar
ip rule add protocol foo
ip rule add tun_id x
ip rule add table foo
ip rule add suppress_prefixlength -1
ip rule add suppress_ifgroup foo
ip rule add iif a/b
ip rule add oif aaaaaaaaaaaaaaaaaaaaaaaaa
ip rule add uidrange 5
ip rule add ipproto foo
ip rule add sport x
ip rule add dport 1-x
ip rule add goto x
ip rule add foo
ip rule add type
ip rule add type foo
ip rule add l3mdev table 5
ip rule add from 2001:db8::1
ip rule add from foo
ip rule add nat foo
ip rule add nat 10.0.0.1 pref 5
ip rule add help
ip rule help
ip rule foo
ip rule save x
ip rule save | wc -c
printf abcd | ip rule restore
ip rule show pref x
ip rule show foo
ip rule show from 2001::1
ip rule show tos zz
ip rule show fwmark z
ip rule show fwmark 1/z
ip rule show iif a/b
ip rule show oif a/b
ip rule show uidrange 1
ip rule show sport x
ip rule show dport x
ip rule show protocol foo
ip rule show ipproto foo
ip rule show tun_id x
ip rule show table foo
ip rule show to
ip rule restore
