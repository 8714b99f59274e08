# Output that cannot be written. The save commands write their magic at once
# and fail without it; a save that runs out of room half-way stops with the
# dump's words. Text and JSON listings go through a buffered stdout whose
# errors iproute2 never checks: silent, exit 0.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip addr add 192.0.2.1/24 dev lo
for i in $(seq 1 300); do echo "route add 10.$((i/250)).$((i%250)).0/24 dev lo"; done > routes; /usr/sbin/ip -batch routes
ip route save > /dev/full
ip route save table all > /dev/full
ip addr save > /dev/full
ip -6 addr save > /dev/full
ip rule save > /dev/full
ip -batch - <<< 'route save' > /dev/full
# a 4 KiB file system fills during the dump
mkdir small && mount -t tmpfs -o size=4k tmpfs small && ip route save > small/x; echo $? $(stat -c %s small/x); umount small # unstable
mkdir small2 && mount -t tmpfs -o size=4k tmpfs small2 && ip route save > small2/x 2>/dev/null; echo $? $(stat -c %s small2/x); umount small2
ip link show > /dev/full
ip -j link show > /dev/full
ip -o addr show > /dev/full
ip route show > /dev/full
ip -j -p route show > /dev/full
ip neigh show > /dev/full
ip rule show > /dev/full
ip tuntap show > /dev/full
ip netns list-id > /dev/full
bridge fdb show > /dev/full
bridge -j fdb show > /dev/full
bridge link show > /dev/full
brctl show > /dev/full
brctl showmacs br0 > /dev/full
