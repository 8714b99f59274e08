# ip route add ... encap (lwtunnel): requests, kernel answers and how the routes show.
ip link add v1 type veth peer name v2
ip link set v1 up
ip addr add 10.0.0.1/24 dev v1
ip addr add 2001:db8::1/64 dev v1 nodad
ip route add 10.9.0.0/16 encap ip id 5 dst 10.1.1.1 dev v1
ip route add 10.10.0.0/16 encap ip id 0x5 dst 10.1.1.1 src 10.0.0.1 tos 0x10 ttl 9 key csum seq dev v1
ip route add 2001:db8:9::/64 encap ip6 id 7 dst 2001:db8::2 hoplimit 4 tc 3 key dev v1
ip route add 10.11.0.0/16 encap mpls 100/200 ttl 5 via 10.0.0.2 dev v1
ip route add 2001:db8:a::/64 encap seg6 mode encap segs 2001:db8::5,2001:db8::6 dev v1
ip route add 2001:db8:b::/64 encap seg6 mode inline segs 2001:db8::5 hmac 123 dev v1
ip -6 route add 2001:db8:c::/64 encap seg6local action End dev v1
ip -6 route add 2001:db8:d::/64 encap seg6local action End.X nh6 2001:db8::2 count dev v1
ip -6 route add 2001:db8:e::/64 encap seg6local action End.B6.Encaps srh segs 2001:db8::7,2001:db8::8 hmac 5 dev v1
ip -6 route add 2001:db8:f::/64 encap seg6local action End.DX4 nh4 10.0.0.9 oif v1 dev v1
ip -6 route add 2001:db8:10::/64 encap seg6local action End.DT6 table 100 dev v1
ip route replace 10.13.0.0/16 nexthop encap ip id 9 dst 10.3.3.3 via 10.0.0.2 dev v1 nexthop via 10.0.0.3 dev v1
ip route add 10.12.0.0/16 encap bpf headroom 20 dev v1
ip route show
ip -s -6 route show dev v1
ip -j route show
ip -s -j -6 route show dev v1
ip -d route show 10.10.0.0/16
ip -o route show 10.13.0.0/16
ip route save > /etc/netns/enc.bin && echo saved
ip route showdump < /etc/netns/enc.bin
ip route add 10.15.0.0/16 dev v1 encap mpls 100
ip route add 10.15.0.0/16 encap foo 100
ip route add 10.15.0.0/16 encap help
ip route add 10.15.0.0/16 encap ip
ip route add 10.15.0.0/16 encap mpls 0x1z dev v1
ip route add 10.15.0.0/16 encap ip id 5 id 6 dev v1
ip route add 10.15.0.0/16 encap ip ttl 300 dev v1
ip route add 2001:db8:11::/64 encap seg6 segs 2001:db8::5 mode encap dev v1
ip route add 2001:db8:11::/64 encap seg6 mode bogus segs 2001:db8::5 dev v1
ip route add 2001:db8:11::/64 encap seg6local action Bogus dev v1
ip route add 2001:db8:11::/64 encap seg6local table 5 dev v1
ip route add 2001:db8:11::/64 encap seg6local action End.DX4 oif nope dev v1
ip route add 10.15.0.0/16 encap bpf headroom 0 dev v1
