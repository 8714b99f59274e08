# ip vrf exec default: ip joins the default VRF's cgroup2 directory before
# it execs the command. The sandbox's /sys is a fresh sysfs, so the cgroup2
# mount /proc/mounts names cannot be reached and every attempt is refused
# with make_path's lines (status 255; under -batch the forked copy goes on
# with the batch). The paths that succeed are TestVrfExecDefault's.
/usr/sbin/ip link set lo up
ip vrf exec default true
ip vrf exec default
ip vrf exec default nonexistent-cmd
ip vrf exec default ''
ip vrf exec default true extra words
ip vrf e default true
ip vrf exec DEFAULT true
ip vrf exec defaul true
ip -4 vrf exec default true
ip -j vrf exec default true
printf 'vrf exec default true\nvrf show default\n' > b1; ip -batch b1
printf 'vrf exec default true\nvrf show default\n' > b2; ip -force -batch b2
printf 'vrf exec default true\nvrf exec default true\nvrf\n' > b3; ip -force -batch b3
/usr/sbin/ip netns add x
ip -n x vrf exec default true
ip netns exec x ip vrf exec default true
printf 'vrf exec default true\nvrf\n' > b4; ip -n x -force -batch b4
/usr/sbin/ip netns del x
