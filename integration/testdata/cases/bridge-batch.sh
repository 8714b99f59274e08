# bridge -batch, with and without -force.
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
/usr/sbin/ip link set p1 master br0
printf 'link show\nfdb show br br0\nvlan show\n' > b1; bridge -batch b1
printf 'link set dev p1 cost 9\nlink show dev p1\n' > b2; bridge -batch b2
printf 'link set dev p1 learning maybe\nlink show dev p1\n' > b3; bridge -batch b3
printf 'link set dev p1 learning maybe\nlink show dev p1\n' > b3; bridge -force -batch b3
printf 'link set dev nope cost 3\nlink show dev p1\nfdb get 02:00:00:00:00:99 br br0\nlink show\n' > b4; bridge -force -batch b4
printf 'link set dev p1 mab on\nlink show\n' > b5; bridge -force -batch b5
printf 'foo\nlink show\n' > b6; bridge -force -batch b6
printf '# comment\n\nlink show dev p1 # trailing\n' > b7; bridge -batch b7
printf 'link show\n' > b8; bridge -j -batch b8
printf 'link show\nvlan show\n' > b9; bridge -batch b9 -j
printf 'link show\n' | bridge -batch -
bridge -batch nope
bridge -batch ''
bridge -batch
printf 'link set dev p1 state\nlink show\n' > b10; bridge -force -batch b10
printf 'fdb flush dev p1 master\nfdb add 02:00:00:00:00:77 dev p1 master static\nfdb show dev p1\n' > b11; bridge -batch b11
