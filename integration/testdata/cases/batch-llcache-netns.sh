# ip -batch's link cache is the run's, in the namespace the run works in
# (-n NS): a second ip, or ip in another namespace, starts with nothing
# cached; a copy of ip forked for `netns exec` that could not exec goes on
# with the rest of the batch and the cache as it was.
/usr/sbin/ip link set lo up
/usr/sbin/ip netns add ns1
/usr/sbin/ip netns attach cur $$
printf 'link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\nlink show\nlink del v1\nlink add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02\nlink set v0 up\nlink show v0\n' > b1
ip -n ns1 -force -batch b1
ip -n ns1 -br link show
ip -force -batch b1
ip -br link show
ip -n ns1 link set v0 up
ip -n ns1 -br link show
printf 'link set v0 down\nlink show v0\n' > b2
ip -n ns1 -batch b2
ip -batch b2
printf 'link add a0 address 02:00:00:00:00:01 type veth peer name a1 address 02:00:00:00:00:02\nlink show\nlink del a1\nlink add a0 address 02:00:00:00:00:03 type veth peer name b1 address 02:00:00:00:00:04\nnetns exec cur /nonexistent/prog\nlink set a0 up\nlink show\nlink del a0\nlink show\nlink add a0 address 02:00:00:00:00:03 type veth peer name b1 address 02:00:00:00:00:04\nlink set a0 mtu 1300\n' > b3
ip link del v0
ip -force -batch b3
ip -br link show
# under -n the listings name a peer's namespace, and read queue lengths,
# in the namespace the run works in
/usr/sbin/ip netns add ns2
/usr/sbin/ip -n ns1 link del v0
printf 'link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 netns ns2\nlink show\nlink set v0 up\nlink show\n-d link show v0\n' > b4
ip -n ns1 -batch b4
ip -n ns1 -d -batch b4
