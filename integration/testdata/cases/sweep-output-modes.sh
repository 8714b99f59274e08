# A sweep of issue 3's keywords: one line each, as a reader would try them.
ip link add v1 type veth peer name v2 address 02:00:00:00:00:02
ip link set v1 address 02:00:00:00:00:01 up
ip link set v2 up
ip addr add 10.0.0.1/24 dev v1
ip -c link show v1
ip -c addr show v1
ip -c=always -br addr
ip -color=never -br link
ip -o link show v1
ip -o -4 addr
ip -o route
ip -N route
ip -j route
ip -p -j route
ip -j addr show v1
ip -j -p addr show v1
ip -br -c link
ip -0 addr
ip -family inet addr
ip -f inet6 route
ip -f link addr
ip -r route
ip -n foo link
ip -t link
ip -ts link
ip -details -json -pretty link show lo
ip -V
ip -Version
ip help
ip link help
ip -j -d addr show v1
