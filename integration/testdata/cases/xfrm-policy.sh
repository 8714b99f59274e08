# ip xfrm policy: add/update/list/get/delete/deleteall/flush/count/set, selectors, templates, -s/-d/-o (the add time of -s is masked)
ip xfrm policy add src 10.0.0.1/32 dst 10.0.0.2/32 dir out tmpl src 10.0.0.1 dst 10.0.0.2 proto esp reqid 1 mode tunnel
ip xfrm policy add src 10.0.1.0/24 dst 10.0.2.0/24 proto tcp sport 22 dport 80 dir in priority 5 action block flag localok icmp mark 7 mask 0xff if_id 3 ptype sub index 16 limit byte-soft 100 limit time-hard 50 tmpl src 1.1.1.1 dst 2.2.2.2 proto ah reqid 5 mode transport level use tmpl dst 3.3.3.3 proto comp
ip xfrm policy add src 2001:db8::1 dst 2001:db8::/64 proto ipv6-icmp type 128 code 0 dir fwd
ip xfrm policy add src 10.9.0.0/16 dst 10.8.0.0/16 proto gre key 1.2.3.4 dir out dev lo
ip xfrm policy
ip -s xfrm policy | sed 's/add [0-9-]* [0-9:]*/add T/'
ip -s -s xfrm policy | sed 's/add [0-9-]* [0-9:]*/add T/'
ip -o xfrm policy
ip -d xfrm policy
ip -4 xfrm policy
ip -6 xfrm policy list
ip xfrm policy list dir in ptype sub
ip xfrm policy list src 10.0.1.0/24
ip xfrm policy get src 10.0.0.1/32 dst 10.0.0.2/32 dir out
ip xfrm policy get index 16 dir in ptype sub
ip xfrm policy get index 16 dir in
ip xfrm policy count
ip -s xfrm policy count
ip -s -s xfrm policy count
ip xfrm policy set hthresh4 24 16 hthresh6 64 48
ip -s -s xfrm policy count
ip xfrm policy update src 10.0.0.1/32 dst 10.0.0.2/32 dir out priority 9
ip xfrm policy show dir out
ip xfrm policy delete src 10.0.0.1/32 dst 10.0.0.2/32 dir out
ip xfrm policy deleteall dir in
ip xfrm policy ls
ip xfrm policy flush
ip xfrm policy
ip xfrm policy getdefault
ip xfrm policy setdefault in block out accept
ip xfrm policy getdefault
ip xfrm policy add src 10.3.0.0/16 dst 10.4.0.0/16 proto udp dport 53 dir out ctx foo_t
ip xfrm policy add src 10.5.0.0/16 dst 10.6.0.0/16 proto mobility-header type 3 dir out
ip xfrm policy add src 10.7.0.0/16 dst 10.8.0.0/16 proto 132 sport 9 dir in tmpl src 1.1.1.1 dst 2.2.2.2 proto esp mode beet reqid 0x10 level required
ip xfrm policy add src 10.9.0.0/16 dst 10.10.0.0/16 proto gre key 77 dir out
ip xfrm policy add dst 10.11.0.0/16 proto any dir out dev lo
ip xfrm policy add src 10.12.0.0/16 dir in mark 0x10 limit packet-soft 5 limit packet-hard 9 limit time-use-soft 1 limit time-use-hard 2 limit byte-hard 0x100 limit time-soft 3
ip -s xfrm policy | sed 's/add [0-9-]* [0-9:]*/add T/'
ip xfrm po li proto gre
ip xfrm policy list dev lo
ip xfrm policy list action block
ip xfrm policy list priority 0 flag 0x0
ip xfrm policy list index 8 nosock
ip xfrm policy list flag localok
/usr/sbin/ip xfrm policy add src 10.20.0.0/16 dst 10.21.0.0/16 dir out mark 5 mask 0xf if_id 9
ip xfrm policy get src 10.20.0.0/16 dst 10.21.0.0/16 dir out mark 5 mask 0xf if_id 9
ip xfrm policy deleteall
ip xfrm policy
ip -6 xfrm policy add src ::1 dst ::2 dir out tmpl src ::1 dst ::2 proto esp mode tunnel
ip -o -s xfrm policy | sed 's/add [0-9-]* [0-9:]*/add T/'
ip xfrm policy flush ptype main
ip xfrm policy flush ptype sub
ip xfrm policy
ip xfrm policy setdefault fwd block
ip xfrm policy getdefault
printf 'xfrm policy add src 1.2.3.4 dst 5.6.7.8 dir out\nxfrm policy list\nlink show lo\n' > b1; ip -batch b1
/usr/sbin/ip netns add xa
ip -n xa xfrm policy add src 10.50.0.0/16 dst 10.51.0.0/16 dir out
ip -n xa xfrm policy
ip -n xa xfrm policy count
ip -n xa xfrm state allocspi src 1.1.1.1 dst 2.2.2.2 proto esp min 0x200 max 0x200
ip -n xa xfrm state count
ip xfrm policy count
ip -n xa -o xfrm state list
/usr/sbin/ip netns del xa
