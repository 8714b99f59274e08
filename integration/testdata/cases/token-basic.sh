# ip token: list, get, set and delete with gip and with the reference,
# every output mode, errors, abbreviations and -batch. Loopback and NOARP
# links have no token and are not listed.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add eth2 type veth peer name eth3
/usr/sbin/ip link set eth3 arp off
ip token
ip token list
ip token lst
ip token show
ip token get
ip tok s
ip token l
ip token g dev eth0
ip -j token
ip -j -p token
ip -o token
ip -c token
ip -4 token
ip -6 token
ip -0 token
ip token set ::1:2:3:4 dev eth0
ip token get dev eth0
ip -j token get dev eth0
ip token list dev eth1
ip token show foo dev eth0 bar
/usr/sbin/ip token set ::5 dev eth1
ip token
ip token add ::1:2:3:4/64 dev eth1
ip token s ::6 dev eth0 dev nope
ip token set ::7 ::8 dev eth0
ip token
ip -r token
ip -c token
ip token set ::5 dev lo
ip token set ::5 dev eth3
ip token set ::5
ip token set dev eth0
ip token set dev
ip token set ::5 dev
ip token set 1.2.3.4 dev eth0
ip token set zz dev eth0
ip token set '' dev eth0
ip token set default dev eth0
ip token set ::/0 dev eth0
ip token set ::7 dev nope
ip token set ::7 dev ''
ip token set ::7 dev if2
ip token set ::7 DEV eth0
ip token set ::7 dev eth0 help
ip token set h dev eth0
ip token
ip token del dev eth0
ip token delete ::9 dev eth1
ip token d dev nope
ip token del
ip token
ip token get dev nope
ip token get dev ''
ip token get dev
ip token get dev eth0 dev nope
ip token bogus
ip token ''
ip token help
ip token list help
/usr/sbin/ip token set ::42 dev br0
ip token get dev br0
printf 'token set ::1 dev eth0\ntoken\ntoken set ::2 dev nope\ntoken get dev eth0\n' > b1
ip -batch b1
ip -force -batch b1
printf 'token set ::3 dev lo\ntoken\ntoken set ::3\ntoken list\n' > b2
ip -batch b2
ip -force -batch b2
ip -j -batch b2
