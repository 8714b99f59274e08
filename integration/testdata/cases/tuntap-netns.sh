# ip tuntap inside a named namespace: with -n and under ip netns exec.
/usr/sbin/ip netns add ns1
ip -n ns1 tuntap add dev tun0 mode tun
ip -n ns1 tuntap add dev tap9 mode tap one_queue vnet_hdr
ip -n ns1 tuntap add mode tap user 1000
ip -n ns1 tuntap show
ip -n ns1 -j tuntap show
ip tuntap show
/usr/sbin/ip netns exec ns1 ip tuntap show
/usr/sbin/ip netns exec ns1 ip tuntap add mode tun multi_queue
/usr/sbin/ip netns exec ns1 ip tuntap
ip tuntap add dev tun0 mode tun
ip tuntap show
ip -n ns1 tuntap add dev tun0 mode tun
ip -n ns1 tuntap del dev tun0 mode tap
ip -n ns1 tuntap del dev tun0 mode tun
ip -n ns1 tuntap del dev tap9 mode tap
ip -n ns1 tuntap show
ip tuntap show
ip -n nope tuntap show
ip -n nope tuntap add mode tun
/usr/sbin/ip -n ns1 link show
/usr/sbin/ip -d link show tun0
ip -d link show tun0
ip -d -j link show tun0
