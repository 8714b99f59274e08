# ip rule: names from the databases, odd numbers, -batch, mrule.
ip rule add pref 10 ipproto TCP table 5
ip rule add pref 11 ipproto ipv6-icmp table 5
ip rule add pref 12 ipproto 300 table 5
ip rule add pref 13 uidrange -1-5 table 5
ip rule add pref 14 sport 70000 dport 5-3 table 5
ip rule add pref 15 suppress_ifgroup default table 5
ip rule add pref 16 realms cosmos table 5
ip rule add pref 17 tos lowdelay table 5
ip rule add pref 18 table unspec
ip rule add pref 19 table all
ip rule add pref 20 fwmark 0xffffffff/0xffffffff table 6
ip rule add pref 21 sup_pl 8 sup_group 3 table 7
ip rule add pref 22 map-to 10.0.0.1
ip rule add pref 23 from 10.0.0.0/8 nat 0.0.0.0
ip rule add pref 24 table 256
ip rule add pref 25 to 10.0.0.0 throw
ip rule add pref 26 type 99
ip rule add pref 27 type goto 26
ip rule add pref 28 order 5
ip rule add priority 29 iif lo table 5
ip rule add pref 30 dev lo table 5
ip rule add pref 31 from 10.0.0.1/32 table 5
ip rule add pref 32 from 10.0.0.1/33 table 5
ip rule add pref 33 fwmark 0/0 table 5
ip rule add pref 34 tun_id 0xffffffffffffffff table 5
ip rule add pref 35 goto 4294967295
ip rule
ip -j rule
ip -N rule
ip -N -j rule
ip -r rule
ip rule show ipproto TCP
ip rule show table all
ip rule show table unspec
ip rule show table 0
ip rule show tos lowdelay
ip rule show sport 70000
ip rule show tun_id 0xffffffffffffffff
ip rule show fwmark 0xffffffff
ip rule show fwmark 0/0
ip rule show uidrange -1-5
ip rule show s 10.0.0.0/8
ip rule show d 10.0.0.0
ip rule show t 5
ip rule show l 5
ip rule show p 10
ip rule show help
ip -j rule flush table 5
ip rule
ip -j rule save | wc -c
ip rule save | ip rule restore
ip rule
printf 'rule show pref 22\nrule add pref x\nrule show pref 23\n' > b1; ip -batch b1
printf 'rule show pref 22\nrule add pref 22 goto x\nrule show pref 23\n' > b2; ip -force -batch b2
ip rule del pref 22 map-to 10.0.0.1
ip rule del
ip rule del pref 40
ip rule delete table 7
ip rule
ip mrule
ip -6 mrule
ip mrule show
ip mrule add pref 100 iif lo table 10
ip mrule
ip -j mrule
ip mrule flush
ip mrule
ip -0 mrule
ip -M mrule show
ip rule add pref 50 table 5
ip rule add pref 50 table 5
ip rule add pref 51 l3mdev
ip rule add pref 52 goto 52
ip rule add pref 53 goto 0
ip rule add from 10.0.0.0/8 to 2001::/16
ip -6 rule add from 10.0.0.1
ip -6 rule add pref 54 nat 10.0.0.1
ip -j rule add pref 55 nat 10.0.0.2
ip -6 rule add pref 56 tos 0x10 table 5
ip rule add pref 57 sport 0 table 5
ip rule add pref 58 dport 0-0 table 5
ip rule add pref 59 uidrange 5-1 table 5
ip rule add pref 60 fwmark 0x10/0 table 5
ip rule add pref 61 from 10.0.0.0/8 to 10.0.0.0/8 table 5 protocol boot
ip rule add pref 62 iif aaaaaaaaaaaaaaa table 5
ip rule add pref 63 iif aaaaaaaaaaaaaaaa table 5
ip rule add pref 64 suppress_prefixlength 2147483648 table 5
ip rule add pref 65 tun_id 18446744073709551616 table 5
ip rule add pref 66 pref 67 table 5
ip rule add pref 68 table 5 table 9
ip rule add pref 69 not not table 5
ip rule add pref 70 blackhole table 5
ip rule add pref 71 table 5 blackhole
ip rule add pref 72 broadcast
ip rule add pref 73 0
ip rule add pref 74 nop table 5
ip -s rule
ip -d -N rule
ip -j -d rule show table 5
ip rule show fwmark 5/0
ip rule show sport 0
ip rule show dport 5-3
ip rule show all
ip rule show iif aaaaaaaaaaaaaaaa
ip rule show from 10.0.0.0/8 to 10.0.0.0/8
ip rule show from 10.0.0.0/8 protocol boot
ip -echo rule add pref 75 from 10.0.0.5 table 5
ip -echo -p -j rule del pref 75 from 10.0.0.5
ip -s rule flush protocol boot
ip rule
/usr/sbin/ip route save > rs; ip rule restore < rs
ip rule del nop
ip rule del blackhole
ip rule
ip rule flush
