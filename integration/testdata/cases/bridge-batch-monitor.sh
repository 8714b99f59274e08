# bridge -batch with a monitor line: do_monitor closes bridge's one netlink
# socket, so a later line fails to send ll_init_map's link dump (and exits,
# -force or not) unless an earlier line already filled that name cache.
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
printf 'monitor file /dev/null\nfdb show\nlink show\n' > b1; bridge -batch b1
printf 'monitor file /dev/null\nfdb show\nlink show\n' > b1; bridge -force -batch b1
printf 'monitor file /dev/null\nmonitor file /dev/null\nvlan help\n' > b2; bridge -batch b2
printf 'monitor file /dev/null\nlink set dev p1 cost 5\n' > b3; bridge -force -batch b3
printf 'monitor file /dev/null\nmdb show\n' > b4; bridge -batch b4
printf 'monitor file /dev/null\nvni add dev nope vni 5\n' > b5; bridge -batch b5
printf 'monitor file /dev/null\nnope\nlink\n' > b6; bridge -batch b6
printf 'monitor file /dev/null\nnope\nlink\n' > b6; bridge -force -batch b6
printf 'monitor nope\nlink\n' > b7; bridge -force -batch b7
printf 'monitor file nope\nlink\n' > b8; bridge -force -batch b8
printf 'monitor file /dev/null\n\n# a comment\nfdb flush dev p1\n' > b9; bridge -batch b9
printf 'monitor file /dev/null\nhelp\n' > b10; bridge -batch b10
printf 'monitor help\nlink\n' > b11; bridge -batch b11
