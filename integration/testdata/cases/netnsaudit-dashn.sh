# ip -n NS as iproute2 runs it: the whole process enters NS and a slave
# mount namespace first (with NS's /etc/netns binds); netns add/attach under
# -n therefore leave only an empty file outside, and netns exec sees NS's
# /etc files where the target has none. A file under /run/netns that is no
# namespace fails -n as setns does.
ip netns add a
ip netns add b
mkdir -p /etc/netns/a && echo 'nameserver 192.0.2.1' > /etc/netns/a/resolv.conf && echo ahost > /etc/netns/a/hostname
mkdir -p /etc/netns/b && echo bhost > /etc/netns/b/hostname
ip -n a netns exec b cat /etc/resolv.conf /etc/hostname
ip -n b netns exec a cat /etc/resolv.conf /etc/hostname
printf 'netns exec b cat /etc/resolv.conf\n' | ip -n a -batch -
ip -n a -all netns exec cat /etc/resolv.conf
ip -n a netns attach c $$
ip netns exec c true
ip -n a netns add d
ip netns exec d true
ip netns list
ip netns list-id
ip -j netns list
ip netns set d 3
ip -n a netns del d
ls /run/netns
ip -n c link
ip -all -n c netns exec true
ip -n c -batch /dev/null
bridge -n c link
mkdir /run/netns/dir
ip -n dir link
bridge -n dir link
ip -n nope link
ip -all netns exec true
ip netns del c
ip netns add e
ip -n a netns del e
ls /run/netns
