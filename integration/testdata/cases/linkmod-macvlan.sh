# macvlan and macvtap on a veth lower device, modes and flags, -d details.
ip link add enp0s8 type veth peer name enp0s8-peer
ip link add mv0 link enp0s8 type macvlan mode bridge
ip -d link show mv0
ip -d -j link show mv0
ip link add mv1 link enp0s8 type macvlan mode private
ip link add mv2 link enp0s8 type macvlan mode vepa bcqueuelen 100
ip link add mv3 link enp0s8 type macvlan mode source
ip link set mv3 type macvlan macaddr add 02:00:00:00:00:01
ip link set mv3 type macvlan macaddr add 02:00:00:00:00:02
ip -d link show mv3
ip -d -j link show mv3
ip link set mv3 type macvlan macaddr del 02:00:00:00:00:01
ip link set mv3 type macvlan macaddr set 02:00:00:00:00:07 02:00:00:00:00:08
ip -d link show mv3
ip link set mv3 type macvlan macaddr flush
ip -d link show mv3
ip -d link show mv1
ip -d link show mv2
ip link add mv4 link enp0s8 type macvlan mode passthru nopromisc
ip -d link show mv4
ip link add mvt0 link enp0s8 type macvtap mode bridge
ip -d link show mvt0
ip link add mv5 link enp0s8 type macvlan mode foo
ip link add mv5 link enp0s8 type macvlan flag x
ip link add mv5 link enp0s8 type macvlan bcqueuelen x
ip link add mv5 link nosuch type macvlan
ip link add mv5 type macvlan
ip link add mv5 link enp0s8 type macvlan mode bridge nodst
ip link set mv0 type macvlan mode private
ip -d link show mv0
ip link del mv0
ip link show type macvlan
ip link add mvq0 link enp0s8 type macvlan mode source macaddr add 02:00:00:00:00:00:07
ip link add mvq0 link enp0s8 type macvlan mode source macaddr add 02:00
ip link add mvq0 link enp0s8 type macvlan mode source macaddr add zz:00:00:00:00:00
ip link add mvq1 link enp0s8 type macvlan mode source macaddr set 02:00:00:00:00:01 flag:1 nodst
ip -d link show mvq1
ip link add mvq2 link enp0s8 type macvlan macaddr set 02:00:00:00:00:01 mode:1 source
ip -d link show mvq2
ip link add mvq3 link enp0s8 type macvlan mode source macaddr set 02:00:00:00:00:01 bcq:2 5
ip -d link show mvq3
ip link set enp0s8 address 02:00:00:00:00:00:01:02:03:04:05:06:07:08:09:10:11:12:13:14:15:16:17:18:19:20:21:22:23:24:25:26:27:28:29:30:31:32:33
ip link set enp0s8 address 02:00:00:00:00:00:01:02:03:04:05:06:07:08:09:10:11:12:13:14:15:16:17:18:19:20:21:22:23:24:25:26:27:28:29:30:31:32
ip link set enp0s8 broadcast 02:00:00:00:00:00:01:02:03:04:05:06:07:08:09:10:11:12:13:14:15:16:17:18:19:20:21:22:23:24:25:26:27:28:29:30:31:32:zz
