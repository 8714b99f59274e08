# ip ntable: show with dev and name filters in every output mode, change
# of a device's parameters (set with gip, read with both), errors,
# abbreviations and -batch. reachable is drawn at random by the kernel and
# is masked; -s prints the shared default tables' counters and clock-based
# times, so it is shown for devices only. Thresholds and the default
# parameters belong to the initial namespace: the kernel refuses them here.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
ip ntable | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntable show | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntbl list | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntable lst dev lo | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip nt s dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -4 ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -6 ntable show dev eth1 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -f link ntable
ip -0 ntable
ip ntable show dev none name nope
ip ntable show name arp_cache dev lo | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntable show name ndisc_cache dev lo | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntable show name '' dev lo
ip -j ntable show dev lo | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -j -p ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -o ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -s ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -s -j ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -s -o ntable show dev lo | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntable change name arp_cache dev eth0 queue 5 locktime 7 app_probes 2 ucast_probes 4 mcast_probes 5
ip ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
/usr/sbin/ip ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntable change name ndisc_cache dev eth0 base_reachable 40000 retrans 2000 gc_stale 70000 delay_probe 6000 anycast_delay 900 proxy_delay 700 proxy_queue 32
ip -6 ntable show dev eth0 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip ntbl chg name arp_cache dev eth1 queue 0x20
ip -4 ntable show dev eth1 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
ip -6 ntable change name arp_cache dev eth0 queue 9
ip -4 ntable change name ndisc_cache dev eth0 queue 9
ip ntable change name arp_cache thresh1 1
ip ntable change name arp_cache thresh2 2 thresh3 3
ip ntable change name arp_cache gc_int 1000
ip ntable change name arp_cache gc_int -1
ip ntable change name arp_cache queue 1
ip ntable change name nope dev eth0 queue 1
ip ntable change name '' dev eth0 queue 1
ip ntable change name arp_cache thresh1 x
ip ntable change name arp_cache thresh1 4294967296
ip ntable change name arp_cache gc_int 18446744073709551616
ip ntable change name arp_cache dev eth0 queue -1
ip ntable change name arp_cache dev eth0 locktime ''
ip ntable change name arp_cache dev eth0 queue
ip ntable change name arp_cache dev eth0
ip ntable change name arp_cache
ip ntable change dev eth0 queue 3
ip ntable change name a name b
ip ntable change name arp_cache dev nope queue 1
ip ntable change name arp_cache dev '' queue 1
ip ntable change name arp_cache dev eth0 QUEUE 1
ip ntable change name arp_cache dev eth0 que 1
ip ntable change
ip ntable change help
ip ntable show dev nope
ip ntable show dev ''
ip ntable show dev
ip ntable show name
ip ntable show x
ip ntable show help
ip ntable help
ip ntable x
ip ntable ''
ip ntable SHOW
printf 'ntable show dev lo\nntable show dev nope\nntable show dev eth1\n' > b1; ip -batch b1 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
printf 'ntable change name arp_cache dev eth0 queue 1\nntable change name arp_cache thresh1 1\nntable show dev eth0\n' > b2; ip -force -batch b2 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
printf 'ntable change name arp_cache dev nope queue 1\nntable show dev eth0\n' > b3; ip -force -batch b3 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
printf 'ntable change name arp_cache\nntable show dev eth0\n' > b4; ip -force -batch b4 | sed -E 's/ reachable [0-9]+/ reachable N/g;s/"reachable": ?[0-9]+/"reachable":N/g'
