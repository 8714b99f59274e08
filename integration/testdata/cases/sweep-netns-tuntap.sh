# A sweep of issue 3's keywords: one line each, as a reader would try them.
ip netns add a
ip netns add b
ip netns set a 5
ip netns set b auto
ip netns list-id
ip netns list
ip netns identify
ip -n a netns identify
ip netns pids a
ip netns exec a ip link
ip -all netns exec ip -br link
ip netns attach c 1
ip netns list
ip -n a link add v1 type veth peer name v2
ip -n a link show
ip tuntap add mode tap user 0 group 0 one_queue pi vnet_hdr multi_queue name tp0
ip tuntap add mode tun user root group root
ip tuntap add mode tap
ip tuntap show
ip tuntap list
ip -d link show tp0
ip tuntap del mode tap name tp0
ip -n a tuntap add mode tun name tn9
ip -n a tuntap show
ip tuntap show
ip -all netns delete
