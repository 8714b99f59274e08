# Front end: ip's global options, their abbreviations (first match in
# iproute2's table wins), unknown options and objects, usage exits.
# State is set up with the reference ip (absolute path) so that these lines
# check gip's option handling and printing, not its requests.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 192.0.2.1/24 dev v0
/usr/sbin/ip addr add 2001:db8::1/64 dev v0 nodad
/usr/sbin/ip netns add ns1
# version
ip -V
ip -Version
ip -Ver
# objects and their abbreviations
ip link
ip l
ip li show lo
ip a
ip ad
ip addr
ip address show dev v0
ip r
ip ro
ip route show
# family
ip -4 a
ip -6 a
ip -0 a
ip -f inet a
ip -fam inet6 addr
ip -family link a
ip -f foo a
ip -4 r
ip -6 r
# output modes
ip -o l
ip -oneline link show
ip -o a
ip -br l
ip -brief a
ip -br -4 a
ip -j l
ip -json link
ip -j a
ip -j -p l
ip -p -j a
ip -j -p r
ip -pretty -json -br a
# color, forced on by -c; both palettes
ip -c l
ip -color l
ip -c=never l
ip -c=always -br a
ip -color=auto l
COLORFGBG='15;0' ip -c a
COLORFGBG='0;15' ip -c -br l
ip -c -j l
# details and statistics
ip -d l
ip --details link
ip -details addr show dev v0
ip -d -d l show lo
ip -s l show lo
ip -stats -stats link show lo
ip -s -h l show lo
ip -h l show lo
# -netns
ip -n ns1 l
ip -netns ns1 -br a
ip --netns ns1 link
ip -n nosuchns l
ip -n
# options that change nothing here
ip -r l show lo
ip -N l show lo
ip -l 3 a show lo
ip -rc 65536 l show lo
ip -rcvbuf foo l
ip -ts l show lo
# errors
ip -x
ip -foo l
ip --foo l
ip foo
ip -4 foo
ip
ip help
ip -h
ip -help
ip --help
ip -- link show lo
ip - l
ip link show nosuchdev
