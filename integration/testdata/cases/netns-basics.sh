# ip netns add / list / delete and their errors, in readdir order.
ip netns
ip netns list
ip netns add a
ip netns add b
ip netns add c
ip netns list
ip netns ls
ip netns show
ip netns lst
ip netns l
ip -j netns list
ip -j -p netns
ip netns add a
ip netns add a/b
ip netns add ..
ip netns add .
ip netns add ""
ip netns add
ip netns add xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
ls /var/run/netns/
ip netns delete b
ip netns del zz
ip netns delete
ip netns d a/b
ip netns list
ip netns foo
ip netns ""
ip netns help
ip -all netns delete
ip netns list
ip -j netns list
ls /run/netns
ip netns add a b
ip -all netns add c
ip netns
ip -all netns del
