# ip netns exec: the command runs in the namespace, with its own /sys and /etc/netns/NAME files.
ip netns add a
ip netns add b
ip netns exec a /usr/sbin/ip link show
ip net exec a /usr/sbin/ip -o link
ip netns exec a ls /sys/class/net
ip netns exec a /usr/sbin/ip link add dummy0 type dummy
ip netns exec a ls /sys/class/net
ip netns exec b ls /sys/class/net
ls /sys/class/net
ip netns exec a sysctl -q -w net.ipv4.ip_forward=1
ip netns exec a sysctl net.ipv4.ip_forward
ip netns exec b sysctl net.ipv4.ip_forward
ip netns exec a sh -c 'exit 7'
ip netns exec a false
ip netns exec a sh -c 'kill -TERM $$'
ip netns exec a sh -c 'kill -9 $$'
ip netns exec a nonexistent-command
ip netns exec a /nonexistent/path
ip netns exec a /etc
ip netns exec a /etc/hostname
ip netns exec a ""
ip netns exec zz true
ip netns exec a
ip netns exec
ip netns exec a/b true
ip netns exec .. true
mkdir -p /etc/netns/a && echo 'nameserver 192.0.2.53' > /etc/netns/a/resolv.conf && echo x > /etc/netns/a/no-such-file-in-etc
ip netns exec a cat /etc/resolv.conf
ip netns exec b sh -c 'grep -c 192.0.2.53 /etc/resolv.conf'
ip netns exec a /usr/sbin/ip netns identify
ip netns exec a sh -c 'echo out; echo err >&2; exit 3'
PATH= ip netns exec a ls /
ip netns exec a env -u PATH sh -c 'echo $PATH'
ip netns exec a sh -c 'echo "$0" "$@"' x 'a b' c
ip -all netns exec /usr/sbin/ip -o link show lo
ip -all netns exec sh -c 'exit 4'
ip -all netns exec nonexistent-command
ip -all netns exec
ip -all netns exec sh -c 'kill -9 $$'
