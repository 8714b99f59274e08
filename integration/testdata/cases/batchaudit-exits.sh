# -batch where iproute2 exits inside a command (the rest is not run), where
# commands read the batch input itself (iproute2 reopens stdin on the batch
# file and reads both through one stdio buffer), and where netns exec forks
# a copy of ip that fails before exec and goes on with the batch itself.
ip netns add a
printf 'tuntap frob\nlink show lo\n' | ip -force -batch -
printf 'addr frob\nlink show lo\n' | ip -force -batch -
printf 'netns frob\nlink show lo\n' | ip -force -batch -
printf 'netns add a/b\nlink show lo\n' | ip -force -batch -
printf 'tuntap add mode foo\ntuntap show\n' | ip -force -batch -
printf 'tuntap add mode tun mode tap\nlink show lo\n' | ip -force -batch -
printf 'tuntap add mode tun user nobodyx\nlink show lo\n' | ip -force -batch -
printf 'tuntap add mode tun group nogroupx\nlink show lo\n' | ip -force -batch -
printf 'addr save dev nope\nlink show lo\n' | ip -force -batch -
printf 'addr restore\nlink show lo\n' | ip -force -batch -
printf 'addr showdump\nlink show lo\n' | ip -force -batch -
printf 'route restore\nlink show lo\n' | ip -force -batch -
printf 'route showdump\nlink show lo\n' | ip -force -batch -
/usr/sbin/ip addr add 10.0.0.1/8 dev lo
/usr/sbin/ip addr save > as; /usr/sbin/ip route save table local > rs
printf 'addr save\naddr show dev lo\n' > b6; ip -batch b6 | wc -c
printf 'route save table local\nlink show dev lo\n' | ip -batch - | tail -n 2
printf 'addr showdump\n' > b7; cat as >> b7; printf '\nlink show lo\n' >> b7; ip -batch b7
printf 'link show nope\naddr showdump\n' > b8; cat as >> b8; ip -force -batch b8
printf 'addr restore\nlink show lo\n' > b1; ip -batch b1 < as
printf 'route showdump\nlink show lo\n' > b3; ip -batch b3 < rs
printf 'netns exec nope true\nlink show lo\n' | ip -force -batch -
printf 'netns exec nope true\nlink show lo\n' | ip -batch -
printf 'netns exec nope true\nlink show lo\nnetns exec a true\nlink show nope\n' | ip -force -batch -
printf 'netns exec nope true\naddr frob\nlink show lo\n' | ip -force -batch -
printf 'netns exec nope true\nnetns exec nope true\nlink show lo\n' | ip -force -batch -
printf 'netns exec a cat\n' > b9; ip -batch b9 < /etc/hostname
printf 'netns exec a head -c 3\nlink show lo\n' > b10; ip -batch b10
echo 'kill -9 $$' > k.sh
printf 'netns exec a sh k.sh\nlink show lo\n' > b11; ip -force -batch b11
printf 'netns exec sh k.sh\nlink show lo\n' > b12; ip -all -force -batch b12
printf 'netns exec a false\nlink show lo\n' > b13; ip -force -batch b13
ip netns add b
touch /run/netns/broken
printf 'netns exec echo x\nlink show lo\n' | ip -all -force -batch -
printf 'netns exec echo x\nlink show lo\nlink show nope\n' | ip -all -batch -
# showdump prints through the filter the last listing of the batch left.
/usr/sbin/ip link add v1 type veth peer name v2
/usr/sbin/ip addr add 10.1.0.1/16 dev v1 label v1:x
/usr/sbin/ip addr add 10.2.0.1/16 dev v2 scope link
/usr/sbin/ip addr save > as
ip -o addr showdump < as
ip -echo addr showdump < as
printf 'link show lo\naddr showdump\n' > c1; cat as >> c1; ip -batch c1
printf 'addr show dev v1\naddr showdump\n' > c3; cat as >> c3; ip -batch c3
printf 'addr show scope link\naddr showdump\n' > c4; cat as >> c4; ip -batch c4
printf 'addr show label v1*\naddr showdump\n' > c5; cat as >> c5; ip -batch c5
printf 'addr show to 10.0.0.0/8\naddr showdump\n' > c7; cat as >> c7; ip -batch c7
printf 'addr show\naddr showdump\n' > c8; cat as >> c8; ip -o -batch c8
printf 'addr show\naddr showdump\n' > c9; cat as >> c9; ip -j -batch c9
printf 'addr show\naddr showdump\n' > c10; cat as >> c10; ip -4 -batch c10
printf 'addr save dev nope\naddr showdump\n' > c11; cat as >> c11; ip -force -batch c11
# route showdump prints through the filter the last route command left.
/usr/sbin/ip link set v1 addrgenmode none
/usr/sbin/ip link set v2 addrgenmode none
/usr/sbin/ip link set v1 up
/usr/sbin/ip link set v2 up
/usr/sbin/ip route add 10.5.0.0/16 dev v1 table 100
/usr/sbin/ip route add 10.6.0.0/16 dev v1 proto static
/usr/sbin/ip -6 route add 2001:db8::/64 dev v1
/usr/sbin/ip route save table all > rs
printf 'route show\nroute showdump\n' > d1; cat rs >> d1; ip -batch d1
printf 'route show table 100\nroute showdump\n' > d2; cat rs >> d2; ip -batch d2
printf 'route show proto static\nroute showdump\n' > d3; cat rs >> d3; ip -batch d3
printf 'route show dev nope\nroute showdump\n' > d4; cat rs >> d4; ip -force -batch d4
printf 'route get 10.6.0.1\nroute showdump\n' > d5; cat rs >> d5; ip -batch d5
printf 'route show table all\nroute showdump\n' > d6; cat rs >> d6; ip -batch d6
printf 'route show type local table all\nroute showdump\n' > d7; cat rs >> d7; ip -batch d7
printf 'route save table 100\nroute showdump\n' > d8; cat rs >> d8; ip -batch d8 | wc -c
printf 'route show\nroute showdump\n' > d9; cat rs >> d9; ip -6 -batch d9
# netns exec under -batch forks in iproute2: ip itself stays where it was.
ip netns add x
printf 'netns exec x true\nnetns identify\n' > e1; ip -batch e1
printf 'netns exec x true\nnetns pids x\n' > e2; ip -batch e2 | wc -l
printf 'netns exec x /usr/sbin/ip link\nnetns identify\nlink show lo\n' > e3; ip -batch e3
printf 'netns add y\nnetns identify\nlink show lo\n' > e4; ip -batch e4
printf 'netns identify\nlink show\n' > e5; ip -n x -batch e5
