# gip enters namespaces on throwaway threads, never on its main thread:
# /proc/PID shows the main thread, so after netns add or exec inside one
# batch, identify and pids must still see gip in the caller's namespace.
/usr/sbin/ip link set lo up
/usr/sbin/ip route add 10.9.0.0/16 dev lo
printf 'route show\nnetns add a\nroute show\nnetns add b\nnetns identify\nnetns pids a\nnetns exec a true\nroute show\nnetns identify\nnetns pids b\nnetns exec b ip link show\nnetns identify\n' > b1; ip -batch b1
printf 'netns add c\nnetns identify\nnetns pids c\nnetns identify self\n' > b2; ip -n a -batch b2
ip netns identify
ip -n b netns identify
ip netns pids a
ip -all netns delete
