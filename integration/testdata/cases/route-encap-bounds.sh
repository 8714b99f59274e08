# Long encapsulations against iproute2's buffers: a route's (and a nexthop's) encap is built in 1024 bytes
# (rta_addattr_l: the parser gives up and the type word is read again as a route word), then copied into
# the request only while it stays within 1024 bytes (addraw_l: the route goes without it); a multipath
# route's nexthops share 4096 bytes. This kernel has no seg6, seg6local or rpl encap, so what fits is
# refused ("lwt encapsulation type not supported"); what does not fit is compared by its errors, and
# routes added without their encap by the listings. Request bytes: TestParseEncapInBounds,
# TestSeg6HdrlenWrap. Not here: more than 256 segments ("::,::,…"), where iproute2 6.1 writes segments
# in front of its buffer and dies of SIGSEGV, and "flavors next-csid" at the end of a line (also a crash).
ip link add eth0 type veth peer name eth1
ip link set eth0 up
ip addr add 10.0.0.1/24 dev eth0
ip addr add 2001:db8::1/64 dev eth0 nodad
ip -6 route add 2001:db8:1::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 10) dev eth0
ip -6 route add 2001:db8:1::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 60) dev eth0
ip -6 route add 2001:db8:2::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 61) dev eth0
ip -6 route add 2001:db8:3::/64 dev eth0 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 61)
ip -6 route add 2001:db8:4::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 62) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 63) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 64) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 100) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 127) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 128) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 129) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 130) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 256) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(printf '::,%.0s' $(seq 255)) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode encap segs $(printf '::,%.0s' $(seq 200)) dev eth0
ip -6 route add 2001:db8:5::/64 encap seg6 mode inline segs $(seq -s, -f '%g::' 1 60) dev eth0
ip -6 route add 2001:db8:6::/64 encap seg6 mode inline segs $(seq -s, -f '%g::' 1 59) dev eth0
ip -6 route add 2001:db8:6::/64 encap seg6 mode inline segs $(seq -s, -f '%g::' 1 126) dev eth0
ip -6 route add 2001:db8:6::/64 encap seg6 mode inline segs $(seq -s, -f '%g::' 1 127) dev eth0
ip -6 route add 2001:db8:6::/64 encap seg6 mode l2encap segs $(seq -s, -f '%g::' 1 61) dev eth0
ip -6 route add 2001:db8:7::/64 encap seg6 mode encap.red segs $(seq -s, -f '%g::' 1 61) dev eth0
ip -6 route add 2001:db8:8::/64 encap seg6 mode l2encap.red segs $(seq -s, -f '%g::' 1 62) dev eth0
ip -6 route add 2001:db8:9::/64 encap seg6 mode encap segs $(seq -s, -f '2001:db8::%g' 1 60) dev eth0
ip -6 route add 2001:db8:9::/64 encap seg6 mode encap segs $(seq -s, -f '2001:db8::%g' 1 100) dev eth0
ip -6 route add 2001:db8:a::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 60) hmac 1 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 59) hmac 1 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 58) hmac 1 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 126) hmac 1 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 127) hmac 0xffffffff dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs 1::,2:: hmac 4294967295 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs 1::,2:: hmac 4294967296 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs 1::,2:: hmac -1 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs 1::,2:: hmac x dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs 1::,2:: hmac 0 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap segs 1::,2:: hmac 1 hmac 2 dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 mode encap hmac 9 segs 1::,2:: dev eth0
ip -6 route add 2001:db8:b::/64 encap seg6 segs $(seq -s, -f '%g::' 1 100) mode encap dev eth0
ip -6 route add encap seg6 mode encap segs $(seq -s, -f '%g::' 1 100) dev eth0 2001:db8:c::/64
ip -6 route add encap seg6 mode encap segs $(seq -s, -f '%g::' 1 60) dev eth0 2001:db8:c::/64
ip route add 10.1.0.0/16 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 10) dev eth0
ip route add 10.1.0.0/16 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 61) dev eth0
ip route add 10.2.0.0/16 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 62) dev eth0
ip route add 10.3.0.0/16 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 100) dev eth0
ip route add 10.3.0.0/16 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 128) dev eth0
ip route add 10.3.0.0/16 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 129) dev eth0
ip route add 10.3.0.0/16 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 256) dev eth0
ip -6 route add 2001:db8:20::/64 encap rpl segs $(seq -s, -f '%g::' 1 10) dev eth0
ip -6 route add 2001:db8:20::/64 encap rpl segs $(seq -s, -f '%g::' 1 62) dev eth0
ip -6 route add 2001:db8:21::/64 encap rpl segs $(seq -s, -f '%g::' 1 63) dev eth0
ip -6 route add 2001:db8:21::/64 encap rpl segs $(seq -s, -f '%g::' 1 100) dev eth0
ip -6 route add 2001:db8:21::/64 encap rpl segs $(seq -s, -f '%g::' 1 128) dev eth0
ip -6 route add 2001:db8:21::/64 encap rpl segs $(seq -s, -f '%g::' 1 160) dev eth0
ip -6 route add 2001:db8:21::/64 encap rpl segs $(printf '::,%.0s' $(seq 300)) dev eth0
ip -6 route add 2001:db8:21::/64 encap rpl segs $(printf '::,%.0s' $(seq 340)) dev eth0
ip route add 10.20.0.0/16 encap rpl segs $(seq -s, -f '%g::' 1 64) dev eth0
ip -6 route add 2001:db8:30::/64 encap seg6local action End.B6 srh segs $(seq -s, -f '%g::' 1 60) dev eth0
ip -6 route add 2001:db8:30::/64 encap seg6local action End.B6 srh segs $(seq -s, -f '%g::' 1 61) dev eth0
ip -6 route add 2001:db8:30::/64 encap seg6local action End.B6 srh segs $(seq -s, -f '%g::' 1 128) dev eth0
ip -6 route add 2001:db8:30::/64 encap seg6local action End.B6.Encaps srh segs $(seq -s, -f '%g::' 1 61) dev eth0
ip -6 route add 2001:db8:30::/64 encap seg6local action End.B6.Encaps srh segs $(seq -s, -f '%g::' 1 62) dev eth0
ip -6 route add 2001:db8:30::/64 encap seg6local action End.B6.Encaps srh segs $(seq -s, -f '%g::' 1 128) hmac 3 dev eth0
ip -6 route add 2001:db8:31::/64 encap seg6local action End.X nh6 2001:db8::2 count flavors psp,usp,usd srh segs $(seq -s, -f '%g::' 1 58) dev eth0
ip -6 route add 2001:db8:32::/64 encap seg6local action End.X nh6 2001:db8::2 count flavors psp,usp,usd srh segs $(seq -s, -f '%g::' 1 57) dev eth0
ip -6 route add 2001:db8:33::/64 encap seg6local action End.DT6 table 100 srh segs $(seq -s, -f '%g::' 1 59) dev eth0
ip -6 route add 2001:db8:34::/64 encap seg6local action End.DT6 table 100 srh segs $(seq -s, -f '%g::' 1 60) hmac 7 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End.DT4 vrftable 100 srh segs $(seq -s, -f '%g::' 1 100) hmac 7 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local srh segs $(seq -s, -f '%g::' 1 100) action End dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors psp,usp,usd,next-csid lblen 255 nflen 255 srh segs $(seq -s, -f '%g::' 1 100) dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors next-csid lblen 0 nflen 0 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors next-csid lblen 256 nflen 0 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors next-csid lblen 0x100 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors next-csid lblen -1 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors next-csid lblen 16 nflen 256 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors next-csid lblen 0xff nflen 0377 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors usd,usp,psp dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors NEXT-CSID,PSP,Usp,usD lblen 8 nflen 8 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors next-csid,next-csid dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors psp,usp,usd,next-csid,bogus dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End flavors ,,,psp,,, dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End.X nh6 2001:db8::2 flavors psp srh segs 1:: hmac 5 count oif eth0 dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End.X srh segs 1:: srh segs 2:: dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End.X srh foo 1:: dev eth0
ip -6 route add 2001:db8:35::/64 encap seg6local action End.X srh segs 1:: hmac 1 hmac 2 dev eth0
ip nexthop add id 1 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 10) dev eth0
ip nexthop add id 1 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 60) dev eth0
ip nexthop add id 2 dev eth0 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 61)
ip nexthop add id 3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 62) dev eth0
ip nexthop add id 3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 63) dev eth0
ip nexthop add id 3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 128) dev eth0
ip nexthop add id 3 encap rpl segs $(seq -s, -f '%g::' 1 100) dev eth0
ip nexthop add id 3 encap rpl segs $(seq -s, -f '%g::' 1 62) dev eth0
ip nexthop add id 4 encap seg6local action End.B6 srh segs $(seq -s, -f '%g::' 1 61) dev eth0
ip nexthop add id 4 encap seg6local action End.B6 srh segs $(seq -s, -f '%g::' 1 60) dev eth0
ip -6 nexthop add id 5 via 2001:db8::2 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 100) dev eth0
ip -6 route add 2001:db8:40::/64 nexthop via 2001:db8::2 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 120) dev eth0 nexthop via 2001:db8::3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 100) dev eth0
ip -6 route add 2001:db8:40::/64 nexthop via 2001:db8::2 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 124) dev eth0 nexthop via 2001:db8::3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 124) dev eth0
ip -6 route add 2001:db8:40::/64 nexthop via 2001:db8::2 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 124) dev eth0 nexthop via 2001:db8::3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 125) dev eth0
ip -6 route add 2001:db8:40::/64 nexthop via 2001:db8::2 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 124) dev eth0 nexthop via 2001:db8::3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 121) dev eth0
ip -6 route add 2001:db8:40::/64 nexthop via 2001:db8::2 encap rpl segs $(seq -s, -f '%g::' 1 200) dev eth0 nexthop via 2001:db8::3 encap rpl segs $(seq -s, -f '%g::' 1 200) dev eth0
ip -6 route add 2001:db8:40::/64 nexthop via 2001:db8::2 encap seg6local action End.B6 srh segs $(seq -s, -f '%g::' 1 120) dev eth0 nexthop via 2001:db8::3 encap seg6local action End.B6 srh segs $(seq -s, -f '%g::' 1 124) dev eth0
ip route add 10.40.0.0/16 nexthop via 10.0.0.2 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 124) dev eth0 nexthop via 10.0.0.3 encap seg6 mode encap segs $(seq -s, -f '%g::' 1 125) dev eth0
ip -6 route show
ip -d -6 route show
ip -j -6 route show
ip route show
ip -d route show
ip nexthop show
ip -j nexthop show
