# A sweep of issue 3's keywords: one line each, as a reader would try them.
ip netns add a
ip link add v1 type veth peer name v2
ip link set netns a dev v2
ip -n a link show
ip link add v3 type veth peer name v4 netns a
ip link add v5 link-netns a type veth peer name v6
ip -n a -br link
ip -br link
ip link set v1 xdp off
ip link set v1 xdpgeneric off
ip link set v1 protodown on
ip link set v1 vf 0 mac 02:00:00:00:00:01
ip link set v1 carrier on
ip link add v7 netns a type veth peer name v8
ip -n a link show v7
ip -d link show v1
timeout 1 ip netns monitor; echo $?
printf 'link add x1 type veth peer name x2\nlink add x1 type veth peer name x3\nlink show x1\n' | ip -batch -; echo $?
printf 'link add y1 type veth peer name y2\nlink add y1 type veth peer name y3\nlink show y1\naddr foo\nlink show y2\n' | ip -force -batch -; echo $?
printf 'link show lo\n\n# comment\nlink show nonexist\n' > bf; ip -batch bf; echo $?
ip -n a -batch bf
ip link show up
ip link show down
ip link set v1 arp on multicast on
ip link set dev v1 mtu 1280
ip link set v1 mtu 68 
ip link set v1 mtu 67
ip link set v1 state up
ip link set v1 link-netns a
ip link set v1 link-netnsid 0
ip link set v1 txqueuelen 10 txqlen 20
ip link show v1
ip link set v1 allmulticast off promisc off trailers off dynamic off
ip link add dev v9 type veth peer v10
ip link add name v11 type veth peer name v12 txqueuelen 7
ip link show v12
ip link change v11 mtu 1400
ip link replace v11 type veth
ip link show v11
ip link add v13 type veth peer name v14 group 3
ip link show group 3
ip link set group 3 mtu 1300
ip link show
