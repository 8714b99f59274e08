# ip -echo link add/set/del: the kernel's echo printed like ip monitor prints a link.
ip -echo link add v1 address 02:00:00:00:00:01 type veth peer name v2 address 02:00:00:00:00:02
ip -echo link set v1 up
ip -j -echo link set v1 mtu 1400
ip -echo -j link add br0 address 02:00:00:00:00:03 type bridge
ip -echo -d link add br1 address 02:00:00:00:00:04 type bridge
ip -echo link del br0
ip -echo -j link del br1
ip -echo link add v1 type veth
ip -echo link del nosuch
ip -echo -br link add d1 address 02:00:00:00:00:05 type veth peer name d2 address 02:00:00:00:00:06
ip -echo -o link del d1
ip link show
