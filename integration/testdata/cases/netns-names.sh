# Odd names, and the name check every subcommand gets on its first argument.
ip netns add 'a"b'
ip netns add 'sp ace'
ip netns add 'tab	x'
ip netns add 'üñí'
ip netns add -x
ip netns list
ip -j netns list
ip -j -p netns list
ip netns exec 'sp ace' /usr/sbin/ip netns identify
ip netns exec -x /usr/sbin/ip netns identify
ip netns list ..
ip netns identify a/b
ip netns pids ..
ip netns set . 1
ip netns delete ''
ip netns exec a/b true
ip netns attach .. 1
ip netns list-id ..
ip netns bogus ..
ip -all netns exec a/b true
ip -all netns delete a/b
ip netns list
mkdir -p /etc/netns/n1 && echo 'nameserver 192.0.2.9' > /etc/netns/n1/resolv.conf && echo 'n1host' > /etc/netns/n1/hostname
ip netns add n1
ip netns exec n1 sh -c 'cat /etc/resolv.conf /etc/hostname'
ip netns exec n1 sh -c 'mount | grep -c " /etc/"'
ip netns exec n1 sh -c 'cat /sys/class/net/lo/ifindex; ls /sys/class/net'
ip netns exec n1 ip netns exec n1 /usr/sbin/ip netns identify
ip netns exec n1 sh -c 'echo $0 "$#"' arg1 arg2
ip netns del n1
ip netns exec n1 true
# -n NAME is always taken below /run/netns (a relative path works, an
# absolute one does not); `link set netns` takes a path as it is
ip netns add n2
ip -n /run/netns/n2 link show
ip -n ./n2 -br link show
ip -n ../netns/n2 -br link show
bridge -n /run/netns/n2 link show
bridge -n ./n2 link show
/usr/sbin/ip link add v0 type veth peer name v1
ip link set v1 netns /run/netns/n2
ip -n n2 -br link show
ip link set v0 netns ./n2
ip netns del n2
