# Link groups by name (/etc/iproute2/group, replaced inside the sandbox only) and by number.
[ "$(readlink /proc/self/ns/mnt)" != "$(readlink /proc/1/ns/mnt)" ] && mount -t tmpfs tmpfs /etc/iproute2 && printf '0\tdefault\n5\tweb\n0x10\tdb\n# comment\n  7 web2 # trailing\n' > /etc/iproute2/group
ip link add v1 type veth peer name v2
ip link add v3 type veth peer name v4
ip link set v1 group web
ip link set dev v3 group 16
ip link show v1
ip link show v3
ip -j link show v3
ip link show group web
ip link show group db
ip -br link show group 5
ip link set group web mtu 1400
ip link set group db up
ip link show
ip link set v2 group web2
ip link set v4 group 0x7
ip link show group web2
ip link set v1 group nosuch
ip link set v1 group -1
ip link set v1 group 2147483648
ip link set v1 group 4294967301
ip link show v1
ip link set v1 group default
ip link set v1 group 5 group 6
ip link set group 5 type bridge
ip link set group 5 type veth foo
ip link add v5 group web type veth
ip link add group web type veth
ip link set group 7 down
ip link del group web2
ip link show
ip link del group nosuch
ip link del group 16
ip -br link show
