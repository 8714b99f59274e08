# An empty file under /run/netns that is no mount point, as an `ip netns add`
# killed between creating the file and mounting onto it leaves: add of the
# name refuses with "File exists", the other commands treat it as a file that
# is no namespace, delete removes it, and then the name can be added again.
ip netns add a
: > /run/netns/x
ip netns list
ip -j netns list
ip netns add x
ip netns attach x 1
ip netns exec x true
ip -n x link show
ip netns pids x
ip netns identify
ip netns set x 5
ip netns list-id
ip link add v0 type veth peer name v1 netns x
ip -all netns exec true
ls /run/netns
ip netns delete x
ls /run/netns
ip netns delete x
ip netns add x
ip netns list
ip -n x link show
# -all delete takes a leftover along with the namespaces
: > /run/netns/y
ip -all netns delete
ls /run/netns
# under -n a leftover name also refuses, with the same words
ip netns add b
: > /run/netns/z
ip -n b netns add z
ip -n b netns delete z
ls /run/netns
ip -batch - <<< $'netns add q\nnetns add q\nnetns delete q\nnetns delete q'
ls /run/netns
