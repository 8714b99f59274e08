# ip link add type vxlan: addresses, ports, switches, warnings, -d details.
ip link add enp0s8 type veth peer name enp0s8-peer
ip link add vxlan0 type vxlan id 42 dstport 4789 remote 192.168.8.101 local 192.168.8.100 dev enp0s8
ip -d link show vxlan0
ip -d -j link show vxlan0
ip link add vxlan1 type vxlan id 43 dstport 4789 group 239.1.1.1 dev enp0s8 ttl 64 tos 0x10 srcport 1000 2000 ageing 100 maxaddress 50 nolearning proxy l2miss l3miss noudpcsum udp6zerocsumtx udp6zerocsumrx df set
ip -d link show vxlan1
ip -d -j link show vxlan1
ip link add vxlan2 type vxlan id 44
ip -d link show vxlan2
ip link add vxlan3 type vxlan id 45 dstport 0 ttl inherit tos inherit df inherit ageing none
ip -d link show vxlan3
ip link add vxlan4 type vxlan external dstport 4789
ip -d link show vxlan4
ip -d -j link show vxlan4
ip link add vxlan5 type vxlan id 46 remote 2001:db8::1 local 2001:db8::2 dstport 4789 flowlabel 5
ip -d link show vxlan5
ip -d -j link show vxlan5
ip link add vxlan6 type vxlan id 47 gpe
ip -d link show vxlan6
ip link set vxlan0 type vxlan learning
ip link set vxlan0 type vxlan ttl 10
ip -d link show vxlan0
ip link add vx9 type vxlan dstport 4789
ip link add vx9 type vxlan id 16777216
ip link add vx9 type vxlan id 5 id 6
ip link add vx9 type vxlan id 5 learning nolearning
ip link add vx9 type vxlan id 5 remote 1.2.3.4 group 239.1.1.1
ip link add vx9 type vxlan id 5 group 239.1.1.1
ip link add vx9 type vxlan id 5 remote foo
ip link add vx9 type vxlan id 5 remote 239.1.1.1
ip link add vx9 type vxlan id 5 local any
ip link add vx9 type vxlan id 5 remote ::1 local 1.2.3.4
ip link add vx9 type vxlan id 5 ttl 300
ip link add vx9 type vxlan id 5 tos x
ip link add vx9 type vxlan id 5 dev nosuch
ip link add vx9 type vxlan external id 5
ip link add vx9 type vxlan vnifilter
ip link add vx9 type vxlan id 5 df maybe
ip link add vx9 type vxlan id 5 srcport 1
