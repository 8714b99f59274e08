# MPTCP path-manager setup as scripts write it: the selftests'
# tools/testing/selftests/net/mptcp/mptcp_lib.sh helpers
# (mptcp_lib_pm_nl_set_limits / _add_endpoint / _get_endpoint / _del /
# _change / _flush, all through "ip -n NS mptcp"), the NixOS mptcp module
# ("ip mptcp limits set add_addr_accepted 8 subflows 8", signal endpoints
# with id and port), a Red Hat "Getting started with Multipath TCP" style
# host (limits set subflow 2, endpoint add ADDR dev IF subflow, show), and
# a bpf selftest's "limits set add_addr_accepted 4 subflows 4".
ip netns add ns1
ip -n ns1 link set lo up
ip -n ns1 link add ns1eth1 address 02:00:00:00:00:01 type veth peer name ns1eth2 address 02:00:00:00:00:02
ip -n ns1 link add ns1eth3 address 02:00:00:00:00:03 type veth peer name ns1eth4 address 02:00:00:00:00:04
ip -n ns1 addr add 10.0.1.1/24 dev ns1eth1
ip -n ns1 addr add dead:beef:1::1/64 dev ns1eth1 nodad
ip -n ns1 addr add 10.0.2.1/24 dev ns1eth3
ip -n ns1 link set ns1eth1 up
ip -n ns1 link set ns1eth3 up
ip -n ns1 mptcp limits set add_addr_accepted 0 subflows 0
ip -n ns1 mptcp limits
ip -n ns1 mptcp limits set add_addr_accepted 1 subflows 1
ip -n ns1 mptcp endpoint add 10.0.2.1 signal
ip -n ns1 mptcp endpoint add 10.0.3.1 signal backup
ip -n ns1 mptcp endpoint add 10.0.1.1 subflow fullmesh dev ns1eth1 id 5
ip -n ns1 mptcp endpoint add 10.0.4.1 signal port 10100
ip -n ns1 mptcp endpoint add dead:beef:1::1 subflow dev ns1eth1
ip -n ns1 mptcp endpoint add dead:beef:2::1 signal id 254
ip -n ns1 mptcp endpoint show
ip -n ns1 mptcp endpoint show id 1
ip -n ns1 mptcp endpoint show id 5
ip -n ns1 mptcp endpoint show id 254
ip -n ns1 mptcp endpoint show id 99
ip -n ns1 mptcp endpoint change id 1 backup
ip -n ns1 mptcp endpoint change id 5 nofullmesh
ip -n ns1 mptcp endpoint change id 5 backup fullmesh
ip -n ns1 mptcp endpoint change id 2 nobackup
ip -n ns1 mptcp endpoint show
ip -n ns1 -j mptcp endpoint show
ip -n ns1 -j -p mptcp endpoint show id 5
ip -n ns1 -o mptcp endpoint
ip -n ns1 mptcp endpoint delete id 2
ip -n ns1 mptcp endpoint delete id 0 10.0.1.1
ip -n ns1 mptcp endpoint delete id 99
ip -n ns1 mptcp endpoint show
ip -n ns1 mptcp endpoint flush
ip -n ns1 mptcp endpoint show
ip netns exec ns1 ip mptcp limits set add_addr_accepted 8 subflows 8
ip netns exec ns1 ip mptcp endpoint add 10.0.1.1 signal dev ns1eth1 id 1 port 8443
ip netns exec ns1 ip mptcp endpoint add 10.0.2.1 signal dev ns1eth3 id 2
ip netns exec ns1 ip -j mptcp limits show
ip netns exec ns1 ip mptcp endpoint
ip -n ns1 mptcp endpoint flush
ip -n ns1 mptcp limits set subflow 2
ip -n ns1 mptcp limits set add_addr_accepted 2
ip -n ns1 mptcp limits show
ip -n ns1 mptcp endpoint add 10.0.1.1 dev ns1eth1 subflow
ip -n ns1 mptcp endpoint add 10.0.2.1 dev ns1eth3 subflow
ip -n ns1 mptcp endpoint show
ip -n ns1 mptcp endpoint del id 1
ip -n ns1 mptcp endpoint del id 2
ip -n ns1 mptcp endpoint add 10.0.1.1 dev ns1eth1 subflow
ip -n ns1 mptcp endpoint show
ip -n ns1 mptcp limits set add_addr_accepted 4 subflows 4
ip -n ns1 mptcp limits set add_addr_accepted 9 subflows 9
ip -n ns1 mptcp limits
ip -n ns1 -j mptcp limits
ip -n ns1 -j -p mptcp limits
ip -n ns1 mptcp endpoint add 10.0.2.1 signal subflow
ip -n ns1 mptcp endpoint add 10.0.2.1 fullmesh signal
ip -n ns1 mptcp endpoint add 10.0.2.1 dev nope subflow
ip -n ns1 mptcp endpoint add 10.0.1.1 dev ns1eth1 subflow
printf 'mptcp endpoint show\nmptcp limits\nmptcp endpoint flush\nmptcp endpoint show\n' > b1; ip -n ns1 -batch b1
timeout 2 ip -n ns1 mptcp monitor > m1 & sleep 1; /usr/sbin/ip -n ns1 mptcp endpoint add 10.0.9.9 signal; wait; cat m1
timeout 2 ip -n ns1 monitor mptcp > m2 & sleep 1; /usr/sbin/ip -n ns1 mptcp endpoint flush; wait; cat m2
ip -n ns1 -echo mptcp endpoint add 10.0.8.8 signal id 8
ip -n ns1 mptcp endpoint flush
ip netns del ns1
