# ip tunnel under -batch (which failures end the batch) and in a named
# namespace (-n): the ioctls go to the namespace's devices.
printf 'tunnel show\ntunnel add t1 mode gre\ntunnel show\n' > b1; ip -batch b1
printf 'tunnel add t1 mode gre\n-6 tunnel add t2\nlink show lo\n' > b2; ip -batch b2
printf 'tunnel add t1 mode gre\nlink show lo\n' > b3; ip -force -batch b3
printf 'tunnel add t1 mode foo\nlink show lo\n' > b4; ip -force -batch b4
printf 'tunnel add t1 ttl 300\nlink show lo\n' > b5; ip -force -batch b5
printf 'tunnel add t1 remote x\nlink show lo\n' > b6; ip -force -batch b6
printf 'tunnel help\nlink show lo\n' > b7; ip -force -batch b7
printf 'tunnel add t1 mode ip6gre\naddress show lo\n' > b8; ip -force -batch b8
printf 'tunnel show\naddress show lo\n' > b9; ip -batch b9
printf 'tunnel prl dev lo\ntunnel 6rd dev lo\ntunnel prl\nlink show lo\n' > b10; ip -force -batch b10
printf -- '-6 tunnel add t1 encaplimit x\n-6 tunnel show\n' > b11; ip -force -batch b11
/usr/sbin/ip netns add ns1
ip -n ns1 tunnel show
ip -n ns1 tunnel add t1 mode gre
ip -n ns1 -6 tunnel show
ip -n ns1 tunnel change lo
ip -n ns1 tunnel prl dev lo prl-default 1.1.1.1
ip -n ns1 tunnel add t1 mode gre dev lo
ip -n ns2 tunnel show
/usr/sbin/ip netns exec ns1 perl -e 'open(my $f, "+<", "/dev/net/tun") or die; ioctl($f, 0x400454ca, pack("a16 s x22", "t9", 0x1001)) or die; ioctl($f, 0x400454cd, 776) or die; ioctl($f, 0x400454cb, 1) or die'
ip -n ns1 tunnel show
ip tunnel show
ip -n ns1 -s tunnel show t9
ip -n ns1 tunnel del t9
/usr/sbin/ip netns del ns1
