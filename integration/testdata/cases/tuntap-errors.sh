# ip tuntap: argument errors and kernel refusals, with their exit statuses.
ip tuntap add dev tun0 mode tun
ip tuntap add dev tun0 mode tun
ip tuntap add dev tun0 mode tap
ip tuntap del dev tun0 mode tap
ip tuntap add dev tap0
ip tuntap add
ip tuntap del
ip tuntap add mode
ip tuntap add mode foo
ip tuntap add mode tun mode tap
ip tuntap add mode tap mode tun
ip tuntap add mode tun dev
ip tuntap add mode tun name
ip tuntap add mode tun a b
ip tuntap add mode tun dev a/b
ip tuntap add mode tun dev "a b"
ip tuntap add mode tun name 0123456789abcdef
ip tuntap add mode tun 0123456789abcdef
ip tuntap add mode tun user nobodyx
ip tuntap add mode tun group nogroupx
ip tuntap add mode tun user
ip tuntap del mode tun user 5
ip tuntap foo
ip tuntap help
ip tuntap add help
ip tuntap add mode tun help
ip tuntap del dev nope mode tap
ip tuntap show
/usr/sbin/ip link add dummy0 type dummy
ip tuntap add dev dummy0 mode tun
ip tuntap del dev dummy0 mode tun
ip tuntap show
