# Namespace ids: list shows them, list-id dumps them, set assigns them.
ip netns add a
ip netns add b
ip netns add c
/usr/sbin/ip link add va type veth peer name vb netns b
ip netns list
ip -j netns list
ip netns list-id
ip netns set a 7
ip netns set c auto
ip netns list
ip -j -p netns
ip netns list-id
ip -j netns list-id
ip -j -p netns list-id
ip netns list-id nsid 7
ip netns list-id nsid 9
ip netns list-id target-nsid 7
ip netns list-id target-nsid 99
ip netns list-id nsid x
ip netns list-id nsid -1 foo
ip netns list-id target-nsid -1
ip netns list-id nsid 3 nsid 4
ip netns list-id nsid
ip netns list-id bogus
ip netns set a 8
ip netns set b 7
ip netns set a -1
ip netns set a x
ip netns set a 0x10
ip netns set a
ip netns set
ip netns set zz 3
ip netns exec b /usr/sbin/ip netns list-id
ip netns exec b /usr/sbin/ip -o link show vb
ip -all netns delete
ip netns list-id
