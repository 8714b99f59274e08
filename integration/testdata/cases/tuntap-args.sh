# ip tuntap: owners, groups, abbreviations and odd names.
ip tuntap add mode tun user root group root name t1
ip tuntap add mode tun user nobody group nogroup name t2
ip tuntap add mode tun user " 12" name t3
ip tuntap add mode tun user 4294967295 name t4
ip tuntap add mode tun user 4294967296 name t5
ip tuntap add mode tun user -2 name t6
ip tuntap add mode tun group +7 name t7
ip tuntap add mode tun user "" name t8
ip tuntap show
ip -d link show t2
ip -d -j link show t2
ip tuntap add mode tun user "12x" name t9
ip tuntap add mode tun user 1 user 2 name t10
ip tuntap add mode ta name t11
ip tuntap add mode "" name t12
ip tuntap add mode tun name t%d
ip tuntap add mode tun name "t13 "
ip tuntap show
ip tuntap show foo bar
ip tuntap a
ip tuntap de t1 mode tun
ip tuntap del t2 mode tun pi
ip tuntap del t3 mode tun vnet_hdr multi_queue
ip tuntap show
ip tuntap add mode tun multi_queue name mq
ip tuntap del mode tun name mq
ip tuntap del mode tun multi_queue name mq
ip tuntap show
ip -o -d tuntap show 2>/dev/null
ip tuntap s
ip tuntap l
ip tuntap he
ip tuntap h
ip tuntap add dev tun0 mode tun name x
ip tuntap add name x dev tun0 mode tun
