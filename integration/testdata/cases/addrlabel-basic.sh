# ip addrlabel: list (the kernel's defaults) in every output mode, add and
# delete with gip and with the reference, flush, errors, abbreviations and
# -batch. Labels exist for IPv6 only: other families are refused.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
ip addrlabel
ip addrlabel list
ip addrlabel lst
ip addrlabel show
ip addrl s
ip addrlabel l
ip -j addrlabel
ip -j -p addrlabel show
ip -o addrlabel
ip -c addrlabel
ip -6 addrlabel
ip -4 addrlabel
ip -4 -j addrlabel
ip -0 addrlabel
ip -M addrlabel
ip addrlabel list x
ip addrlabel add prefix 2001:db8::/32 label 7
ip addrlabel add prefix 2001:db8::/32 label 7
ip addrlabel add prefix 2001:db9::/48 dev eth0 label 8
/usr/sbin/ip addrlabel add prefix 2001:dba::/64 dev eth1 label 0x10
ip addrlabel a prefix 2001:dbb::/64 label 010 foo bar
ip addrlabel
ip -j addrlabel
ip -o addrlabel
ip -r addrlabel
ip addrlabel add prefix 10.0.0.0/8 label 9
ip -4 addrlabel add prefix 10.0.0.0/8 label 9
ip -6 addrlabel add prefix 10.0.0.0/8 label 9
ip -0 addrlabel add prefix 10.0.0.0/8 label 9
ip addrlabel add prefix 2001:db8::/32
ip addrlabel add label 3
ip addrlabel add
ip addrlabel add prefix 2001:dbc::/32 label 4294967295
ip addrlabel add prefix 2001:dbc::/32 label 4294967296
ip addrlabel add prefix 2001:dbc::/32 label -1
ip addrlabel add prefix 2001:dbc::/32 label x
ip addrlabel add prefix 2001:dbc::/32 label ''
ip addrlabel add prefix 2001:dbc::/32 label 3 dev nope
ip addrlabel add prefix 2001:dbc::/32 label 3 dev ''
ip addrlabel add prefix zz label 3
ip addrlabel add prefix '' label 3
ip addrlabel add prefix default label 3
ip addrlabel add prefix 2001:dbc::/129 label 3
ip addrlabel add prefix
ip addrlabel add prefix 2001:dbc::/32 label
ip addrlabel add prefix 2001:dbc::/32 dev
ip addrlabel add PREFIX 2001:dbc::/32 label 3
ip addrlabel ADD prefix 2001:dbc::/32 label 3
ip addrlabel add prefix 2001:dbc::/32 label 3 prefix 2001:dbd::/32
ip addrlabel add prefix 2001:dbe::/32 label 3 label 4
ip addrlabel
ip addrlabel del prefix 2001:db8::/32 label 7
ip addrlabel del prefix 2001:db8::/32 label 7
ip addrlabel d prefix 2001:db9::/48 dev eth0 label 1
ip addrlabel del prefix 2001:db9::/48 label 8
ip addrlabel delete prefix 2001:db9::/48 dev eth0 label 8
ip addrlabel del prefix 2001:dba::/64
ip addrlabel
ip addrlabel flush x
ip -4 addrlabel flush
ip addrlabel bogus
ip addrlabel ''
ip addrlabel help
ip addrlabel add help
ip addrlabel flush
ip addrlabel
ip -j addrlabel
/usr/sbin/ip addrlabel add prefix 2001:db8::/32 label 7
ip addrlabel f
ip addrlabel
printf 'addrlabel add prefix 2001:db8::/32 label 1\naddrlabel add prefix 2001:db8::/32 label 1\naddrlabel\naddrlabel del prefix 2001:db8::/32 label 1\naddrlabel list\n' > b1
ip -batch b1
ip -force -batch b1
printf 'addrlabel\naddrlabel add prefix x label 1\naddrlabel\n' > b2
ip -batch b2
printf 'addrlabel add prefix 2001:db8::/32 label 1\naddrlabel add prefix 2001:db9::/32 label 1 dev nope\naddrlabel\n' > b3
ip -batch b3
printf 'addrlabel show x\naddrlabel\n' > b4
ip -batch b4
ip -j -batch b4
ip -force -batch b4
printf -- '-4 addrlabel\n' > b5
printf 'addrlabel\n' > b6
ip -4 -j -force -batch b6
ip addrlabel
