ip link add e0 type veth peer name e1
ip link add vx1 type vxlan id 10 dstport 4789 gbp
ip -d link show vx1
ip -d -j link show vx1
ip link add vx2 type vxlan id 11 dstport 4789 remcsumtx remcsumrx
ip -d link show vx2
ip link add vx3 type vxlan id 12 dstport 4789 label 0x12345 remote 2001:db8::5
ip -d link show vx3
ip link add vx4 type vxlan id 13 group ff05::100 dev e0 dstport 4789 hoplimit 5
ip -d link show vx4
ip link add vx5 type vxlan external vnifilter dstport 4789
ip -d link show vx5
ip link add vx6 type vxlan id 14 dstport 4789 label 2000000
ip link add vx6 type vxlan id 14 gpe gbp
ip link add vx6 type vxlan id 14 dstport 4789 norsc rsc
ip link add vx6 type vxlan id 14 dstport 4789 noudpcsum udpcsum
ip link add vx7 type vxlan id 15 dstport 4789 nolearning noproxy nol2miss nol3miss noexternal norsc
ip -d link show vx7
ip link set vx7 type vxlan ttl auto
ip link set vx7 type vxlan ageing 30
ip -d link show vx7
ip link set vx7 type vxlan id 99
ip link set vx7 type vxlan remote 1.2.3.4
ip -6 link add vx8 type vxlan id 16 dstport 4789
ip -d link show vx8
ip link add vx9 type vxlan vni 17 dstport 4789 local 10.1.1.1 dev e0 srcport 5000 6000
ip -d -j link show vx9
ip link del vx9 type vxlan
ip link add type vxlan help
ip -br link
ip link add vx10 type vxlan id 11 remote 10.1 dstport 0
ip link add vx11 type vxlan id 12 local 010.0.0.1 dstport 0
ip link add vx12 type vxlan id 13 group 239.1 dev e0 dstport 0
ip link add vx13 type vxlan id 14 remote 1.2.3.4.5 dstport 0
ip link add vx13 type vxlan id 14 remote 1.2.3.256 dstport 0
ip -d link show type vxlan
ip link add vxz7 type vxlan id 12 remote 0.0.0.0 dstport 0
ip -d link show vxz7
ip link add vxz8 type vxlan id 13 remote :: dstport 0
ip -d link show vxz8
ip link add vxz9 type vxlan id 14 local 0.0.0.0 dstport 0
ip -d link show vxz9
ip link add vxz10 type vxlan id 15 local 10.0.0.1 remote any dstport 0
ip link add vxz11 type vxlan id 16 local 10.0.0.1 remote default dstport 0
ip -d link show vxz11
ip link add vxz12 type vxlan id 17 remote 10.0.0.1 local all dstport 0
ip link add vxz13 type vxlan id 18 remote any dstport 0
ip link add vxz13 type vxlan id 18 group default dstport 0
ip link add vxz13 type vxlan id 18 local default dstport 0
ip link add vxz13 type vxlan id 18 local ::1 group default dstport 0
ip link add vxz13 type vxlan id 18 group 0.0.0.0 dstport 0
