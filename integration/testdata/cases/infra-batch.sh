# ip -batch: files, stdin, -force, "Command failed FILE:LINE", comments and
# continuation lines. Batch files live in the case's working directory.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 192.0.2.1/24 dev v0
/usr/sbin/ip netns add ns1
printf 'addr show dev v0\nlink show lo\n' > b1
ip -batch b1
ip -b b1
ip -ba b1
ip -o -batch b1
ip -br -batch b1
ip -j -batch b1
ip -n ns1 -batch b1
# iproute2 keeps ip link's "links only" flag for the rest of a batch: after
# `link show`, `addr show` prints links without their addresses
printf 'link show lo\naddr show dev v0\n' > b1q
ip -batch b1q
ip -br -batch b1q
# ... but only `dev NAME` is fetched alone (no addresses, and -br's line is
# left unfinished); a full `addr show` still lists addresses, with the link
# mode and -s counters of ip link
printf 'link show lo\naddr show\naddr show dev v0\naddr show dev lo\n' > b1r
ip -batch b1r
ip -br -batch b1r
ip -j -batch b1r
ip -s -batch b1r
ip -o -batch b1r
printf 'link show lo\naddr show up\n-4 addr show\naddr show dev v0 help\n' > b1s
ip -batch b1s
printf 'link show lo\nlink show nosuchdev\nlink show v1\n' > b2
ip -batch b2
ip -force -batch b2
printf '# a comment\n\n   \nlink show lo # trailing comment\nlink \\\n show v1\n' > b3
ip -batch b3
printf 'link show lo\n' | ip -batch -
printf 'link show nosuchdev\nlink show lo\n' | ip -force -batch -
printf 'link show lo\nfoo\nlink show v0\n' > b4
ip -batch b4
ip -force -batch b4
printf 'link show lo\nlink foo\nlink show v0\n' > b5
ip -force -batch b5
printf 'link show "lo"\n' > b6
ip -batch b6
ip -batch nosuchfile
ip -force -batch nosuchfile
ip -batch
: > empty
ip -batch empty
printf 'netns add ns2\nnetns list\n' > b7
ip -batch b7
ip netns list
# a comment hides the continuation backslash before it
printf 'link show lo # comment \\\nlink show v1\n' > b8
ip -batch b8
printf 'link show "lo\n' > b9
ip -batch b9
printf 'link show lo\nlink show v0 \\\n' > b10
ip -batch b10
# -batch talks to the kernel without strict checking (iproute2 reopens its
# socket without it): no kernel-side dump filters, no strict refusals.
ip netns add nsa
ip netns add nsb
ip netns set nsa 5
ip -n nsa netns set nsb 7
ip netns list-id target-nsid 5
printf 'netns list-id target-nsid 5\nnetns list-id\n' | ip -batch -
ip -6 route show table 100
printf 'route show table 100\nroute show table 100\n' | ip -6 -batch -
printf 'route get 127.0.0.1 from 127.0.0.0/8\nroute get 127.0.0.1 as 127.0.0.2\n' | ip -batch -
