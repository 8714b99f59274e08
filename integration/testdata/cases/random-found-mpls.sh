# Found by the random run (make randdiff): MPLS labels under -M / -f mpls
# as iproute2's mpls_pton reads them (this kernel has no MPLS: its refusal
# must come after the same request).
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip -brief -M route prepend 0x0
ip -M route add 100 dev v0
ip -M route add 16/8 via inet 10.0.0.2 dev v0
ip -M route add 100 as 200/300 dev v0
ip -M route add 100 via mpls 1/2/3 dev v0
ip route add 10.0.0.0/24 via mpls 100/200 dev v0
ip -M route add 1048576 dev v0
ip -M route add -1 dev v0
ip -M route add 16/21 dev v0
ip -M route del 16/17/18 dev v0
ip -M -t route flush table all 100 cache table
ip -M -d route get 10 fr 10.0.0.1 ipproto boot dport 65535
ip -M route get 5
ip -M route show 100
ip -M route
ip -6 -M address de dev metric 42 metric 010 v1 metric 42
ip -M addr add 42 dev v0
ip -M addr add 5 peer 6/7 brd 8 anycast 9 dev v0
ip -M addr show to 5
ip -M rule add from 5 table 5
ip -M rule show from 5
ip -M neigh add 1/2/3/4/5 dev v0 lladdr 02:00:00:00:00:09
ip -M neigh show 5
ip -M neigh get 5 dev v0
# 64 labels at most; iproute2's 284-byte neighbour request holds fewer
ip -M neigh add 1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1 dev v0
ip -M neigh add 1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1 dev v0
ip -M neigh add 1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1 dev v0 lladdr 02:00:00:00:00:09
ip -M route add 100 via mpls 1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1 dev v0
printf 'neigh add 1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1 dev v0\nlink show lo\n' > b1; ip -M -batch b1
