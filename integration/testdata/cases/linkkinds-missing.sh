# Link kinds this kernel has no module for (macsec, gtp, ipoib, vxcan, rmnet,
# dsa, wwan): the options parsed as iproute2 does, its errors and statuses,
# and the kernel's refusal of well-formed requests.
/usr/sbin/ip link add e0 address 02:00:00:00:00:10 type veth peer e1 address 02:00:00:00:00:11
# macsec
ip link add link e0 ms0 type macsec
ip link add link e0 ms0 type macsec port 11 encrypt on
ip link add link e0 ms0 type macsec sci 0x1234 cipher gcm-aes-256 icvlen 16
ip link add link e0 ms0 type macsec address 02:00:00:00:00:01 port 0x10 validate strict
ip link add link e0 ms0 type macsec address 02:00:00:00:00:01 cipher default
ip link add link e0 ms0 type macsec address 1:2:3 address 4 port 1
ip link add link e0 ms0 type macsec address 1:2:3:4:5:6:7:8 port 1
ip link add link e0 ms0 type macsec port 1 address 02:00:00:00:00:01
ip link add link e0 ms0 type macsec address 02:00:00:00:00:01 sci 1
ip link add link e0 ms0 type macsec sci 0 protect off
ip link add link e0 ms0 type macsec sci ffffffffffffffff
ip link add link e0 ms0 type macsec sci 10000000000000000
ip link add link e0 ms0 type macsec sci zz
ip link add link e0 ms0 type macsec sci
ip link add link e0 ms0 type macsec port 0
ip link add link e0 ms0 type macsec port 65536
ip link add link e0 ms0 type macsec port x
ip link add link e0 ms0 type macsec address zz port 1
ip link add link e0 ms0 type macsec address '' port 1
ip link add link e0 ms0 type macsec cipher GCM-AES-XPN-128 icvlen 8 encodingsa 3
ip link add link e0 ms0 type macsec cipher Gcm-aes-128
ip link add link e0 ms0 type macsec cipher DEFAULT
ip link add link e0 ms0 type macsec cipher default cipher default
ip link add link e0 ms0 type macsec cipher ''
ip link add link e0 ms0 type macsec icvlen 7
ip link add link e0 ms0 type macsec icvlen 17
ip link add link e0 ms0 type macsec icvlen 0x10
ip link add link e0 ms0 type macsec icvlen 8 icvlen 9
ip link add link e0 ms0 type macsec encodingsa 4
ip link add link e0 ms0 type macsec encodingsa 1 encodingsa 2
ip link add link e0 ms0 type macsec encodingsa
ip link add link e0 ms0 type macsec encrypt o send_sci on
ip link add link e0 ms0 type macsec encrypt maybe
ip link add link e0 ms0 type macsec encrypt ''
ip link add link e0 ms0 type macsec send_sci on end_station on
ip link add link e0 ms0 type macsec end_station on scb on
ip link add link e0 ms0 type macsec send_sci off end_station on scb off
ip link add link e0 ms0 type macsec replay on window 32
ip link add link e0 ms0 type macsec replay off
ip link add link e0 ms0 type macsec replay on
ip link add link e0 ms0 type macsec window 5
ip link add link e0 ms0 type macsec replay on window 4294967295
ip link add link e0 ms0 type macsec replay on window x
ip link add link e0 ms0 type macsec validate c offload m
ip link add link e0 ms0 type macsec validate bogus
ip link add link e0 ms0 type macsec offload ''
ip link add link e0 ms0 type macsec scb on protect on
ip link add link e0 ms0 type macsec Encrypt on
ip link add link e0 ms0 type macsec enc on
ip link add link e0 ms0 type macsec help
ip link add link e0 ms0 type macsec bogus
ip link help macsec
# gtp
ip link add gtp0 type gtp role sgsn
ip link add gtp0 type gtp role ggsn hsize 5 restart_count 7
ip link add gtp0 type gtp hsize 131071 role sgsn bogus words
ip link add gtp0 type gtp hsize 131072 role sgsn
ip link add gtp0 type gtp hsize 0x10 role sgsn
ip link add gtp0 type gtp hsize x role sgsn
ip link add gtp0 type gtp role sgsn restart_count 256
ip link add gtp0 type gtp role sgsn restart_count 0x1
ip link add gtp0 type gtp role sgsn role ggsn
ip link add gtp0 type gtp role sgsn hsize 1 hsize 2
ip link add gtp0 type gtp role bogus
ip link add gtp0 type gtp role SGSN
ip link add gtp0 type gtp hsize 10
ip link add gtp0 type gtp bogus
ip link add gtp0 type gtp role
ip link add gtp0 type gtp help
# ipoib
ip link add link e0 ib0 type ipoib
ip link add link e0 ib0 type ipoib pkey 0x8001 mode connected umcast 1
ip link add link e0 ib0 type ipoib p 0xffff m datagram u 0
ip link add link e0 ib0 type ipoib pkey 0x10000
ip link add link e0 ib0 type ipoib pkey x
ip link add link e0 ib0 type ipoib mode Connected
ip link add link e0 ib0 type ipoib mode ''
ip link add link e0 ib0 type ipoib umcast -1
ip link add link e0 ib0 type ipoib bogus
ip link add link e0 ib0 type ipoib help
ip link add link e0 ib0 type ipoib pkey
ip link help ipoib
# vxcan
ip link add vc0 type vxcan
ip link add vc0 type vxcan peer vc1
ip link add vc0 mtu 72 type vxcan peer name vc1 mtu 16 address 02:00:00:00:00:02 txqlen 5 up
ip link add vc0 type vxcan peer vc1 type veth
ip link add vc0 type vxcan bogus
ip link add vc0 type vxcan Peer vc1
ip link add vc0 type vxcan help
ip link add vc0 type vxcan peer nosuch mtu x
ip link help vxcan
# rmnet
ip link add link e0 rm0 type rmnet mux_id 1
ip link add link e0 rm0 type rmnet mux 254
ip link add link e0 rm0 type rmnet mux_id 0x10000
ip link add link e0 rm0 type rmnet mux_id ''
ip link add link e0 rm0 type rmnet mux_id
ip link add link e0 rm0 type rmnet bogus
ip link add link e0 rm0 type rmnet help
ip link help rmnet
# dsa
ip link add d0 type dsa conduit e0
ip link add d0 type dsa master e1
ip link set e0 type dsa conduit e1
ip link add d0 type dsa conduit nosuch
ip link add d0 type dsa conduit ''
ip link add d0 type dsa cond e0
ip link add d0 type dsa conduit
ip link add d0 type dsa help
ip link add d0 type dsa he
ip link help dsa
# wwan
ip link add ww0 type wwan linkid 1
ip link add ww0 type wwan l 4294967295
ip link add ww0 type wwan linkid 4294967296
ip link add ww0 type wwan linkid x
ip link add ww0 type wwan linkid
ip link add ww0 type wwan bogus
ip link add ww0 type wwan help
ip link help wwan
ip link show
# can (settings of an existing device; e0 is no CAN device)
ip link set e0 type can bitrate 500000 sample-point 0.875 restart-ms 100
ip link set e0 type can tq 100 prop-seg 2 phase-seg1 3 phase-seg2 4 sjw 1 restart
ip link set e0 type can bitrate 1000000 dbitrate 4000000 dsample-point .75 fd on fd-non-iso off loopback on
ip link set e0 type can tdcv 1 tdcf 3 tdc-mode manual termination 120
ip link set e0 type can b 125000 s 1.5 r f on d 0 dt 50
ip link add c0 type can bitrate 1
ip link set e0 type can bitrate x
ip link set e0 type can bitrate 4294967296
ip link set e0 type can sample-point x
ip link set e0 type can sample-point 0.5x
ip link set e0 type can sample-point ''
ip link set e0 type can sample-point 0x
ip link set e0 type can termination 65536
ip link set e0 type can restart-ms -x
ip link set e0 type can tdco ''
ip link set e0 type can loopback o
ip link set e0 type can fd-non-iso maybe
ip link set e0 type can tdc-mode Auto
ip link set e0 type can tdc-mode
ip link set e0 type can bogus
ip link set e0 type can help
ip link help can
# more edges: repeated and missing values, case, odd numbers
ip link add ms0 type macsec
ip link add link e0 ms0 type macsec sci 1 port 2
ip link add link e0 ms0 type macsec address 02:00:00:00:00:01
ip link add link e0 ms0 type macsec address 02:00:00:00:00:01 port
ip link add link e0 ms0 type macsec port 1 port 2
ip link add link e0 ms0 type macsec window 5 replay on
ip link add link e0 ms0 type macsec replay off window 0
ip link add link e0 ms0 type macsec cipher
ip link add link e0 ms0 type macsec validate
ip link add link e0 ms0 type macsec icvlen ''
ip link add link e0 ms0 type macsec sci -1
ip link add gtp0 type gtp role sgsn hsize 0
ip link add gtp0 type gtp role x role y
ip link add gtp0 type gtp restart_count -1 role sgsn
ip link add gtp0 type gtp help role sgsn
ip link add link e0 ib0 type ipoib umcast 0x10000
ip link add link e0 ib0 type ipoib mode
ip link add link e0 ib0 type ipoib HELP
ip link add vc0 type vxcan peer
ip link add vc0 type vxcan peer vc1 peer vc2
ip link add vc0 type vxcan peer help
ip link set e0 type vxcan peer e1
ip link add link e0 rm0 type rmnet mux_id -1
ip link add link e0 rm0 type rmnet mux_id 1 mux_id 2
ip link add d0 type dsa Conduit e0
ip link add d0 type dsa conduit e0 conduit e1
ip link add ww0 type wwan linkid 0x10 linkid -1
ip link add ww0 type wwan lin
ip link set e0 type can restart-m 5
ip link set e0 type can restart-ms
ip link set e0 type can sample-point inf bitrate 1
ip link set e0 type can sample-point nan bitrate 1
ip link set e0 type can sample-point ' 0.5' bitrate 1
ip link set e0 type can sample-point 0.5e bitrate 1
ip link set e0 type can sample-point 1e-50 bitrate 1
ip link set e0 type can tdc 5
ip link set e0 type can loopback ''
ip link set e0 type can fd
ip link set e0 type can HELP
ip -d link show e0
