# identify, pids, attach, target-nsid, and files under /run/netns that are no namespace.
ip netns add a
ip netns add b
ip netns set a 7
ip netns set b 8
ip netns exec a /usr/sbin/ip netns set b 4
ip netns list-id target-nsid 7
ip -j netns list-id target-nsid 7
ip netns exec a /usr/sbin/ip netns list-id
ip netns identify
ip netns exec a ip netns identify
ip netns exec b sh -c '/usr/sbin/ip netns identify $$'
ip netns identify 1
ip netns identify abc
ip netns identify 1 2
ip netns identify 999999999
ip netns pids a
ip netns exec a sh -c 'ip netns pids a | grep -c .'
ip netns pids zz
ip netns pids
ip netns pids a b
ip netns attach c 1
ip netns identify 1
ip netns list
ip netns attach d 999999999
ip netns attach e x
ip netns attach e 0
ip netns attach e
ip netns attach
ls /run/netns
touch /run/netns/plain && mkdir /run/netns/dir
ip netns list
ip -j netns
ip netns list-id
ip netns exec plain true
ip netns exec dir true
ip -all netns exec echo hi
ip -all netns delete
ls /run/netns
