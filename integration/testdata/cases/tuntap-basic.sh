# ip tuntap: create, list, delete tun and tap devices (seed commands first).
ip tuntap add dev tun0 mode tun
ip tuntap add dev tap0 mode tap
ip tuntap show
ip tuntap
ip tap
ip tuntap list
ip tuntap lst
ip -j tuntap show
ip -j -p tuntap show
ip tuntap add mode tap
ip tuntap add mode tun
ip tuntap add mode tun pi one_queue vnet_hdr multi_queue user 1000 group 100 name tunx
ip tuntap add name tapq mode tap multi_queue vnet_hdr user 0
ip tuntap show
ip -j tuntap show
ip -o tuntap show
/usr/sbin/ip -d link show tunx
/usr/sbin/ip -d link show tap0
ip tuntap del dev tap0 mode tap
ip tuntap del dev tun0 mode tun
ip tuntap del tap1 mode tap
ip tuntap delete mode tun dev tun1
ip tuntap d tunx mode tun pi
ip tuntap show
ip tuntap del dev tapq mode tap
ip tuntap show
ip -j tuntap show
/usr/sbin/ip link show
