# IPsec policies as the kernel selftests set them up:
# tools/testing/selftests/net/xfrm_policy.sh (do_esp, do_exception,
# do_overlap, do_dummies4/6 fed to "ip -batch /dev/stdin" through
# "netns exec NS ip xfrm ...", do_esp_policy_get_check) and rtnetlink.sh's
# kci_test_ipsec (abbreviated "ip x s"/"ip x p", a background "ip x m").
# This kernel has no esp module, so every "xfrm state add" is refused;
# the policies are kept and listed every way.
ip netns add ns3
ip netns add ns4
ip -net ns3 link set lo up
ip link add veth0 netns ns3 type veth peer name veth0 netns ns4
ip -net ns3 addr add 10.0.3.1/24 dev veth0
ip -net ns4 addr add 10.0.3.10/24 dev veth0
ip -net ns3 xfrm state add src 10.0.3.10 dst 10.0.3.1 proto esp spi 0x2 enc aes 0x0123456789abcdef0123456789012345 auth sha1 0xdeadbeef1234567890abcdefabcdefabcdefabcd mode tunnel sel src 10.0.2.0/24 dst 10.0.1.0/24
ip -net ns3 xfrm state add src 10.0.3.1 dst 10.0.3.10 proto esp spi 0x1 enc aes 0x0123456789abcdef0123456789012345 auth sha1 0xdeadbeef1234567890abcdefabcdefabcdefabcd mode tunnel sel src 10.0.1.0/24 dst 10.0.2.0/24
ip -net ns3 xfrm policy add src 10.0.1.0/24 dst 10.0.2.0/24 dir out tmpl src 10.0.3.1 dst 10.0.3.10 proto esp mode tunnel priority 100 action allow
ip -net ns3 xfrm policy add src 10.0.2.0/24 dst 10.0.1.0/24 dir fwd tmpl src 10.0.3.10 dst 10.0.3.1 proto esp mode tunnel priority 100 action allow
ip -net ns3 xfrm policy add src dead:1::/64 dst dead:2::/64 dir out tmpl src dead:3::1 dst dead:3::10 proto esp mode tunnel priority 100 action allow
ip -net ns3 xfrm policy add src dead:2::/64 dst dead:1::/64 dir fwd tmpl src dead:3::10 dst dead:3::1 proto esp mode tunnel priority 100 action allow
ip -net ns4 xfrm policy add src 10.0.2.0/24 dst 10.0.1.0/24 dir out tmpl src 10.0.3.10 dst 10.0.3.1 proto esp mode tunnel priority 100 action allow
ip -net ns4 xfrm policy add src 10.0.1.0/24 dst 10.0.2.0/24 dir fwd tmpl src 10.0.3.1 dst 10.0.3.10 proto esp mode tunnel priority 100 action allow
for i in 10 11; do echo netns exec ns3 ip xfrm policy add src 0.0.0.0/0 dst 10.$i.99.0/30 dir out action block; echo netns exec ns3 ip xfrm policy add src 10.$i.99.0/30 dst 0.0.0.0/0 dir out action block; for j in 32 33; do echo netns exec ns3 ip xfrm policy add src 10.$i.1.0/30 dst 10.$i.$j.0/30 dir out action block; echo netns exec ns3 ip xfrm policy add src 10.$i.1.0/29 dst 10.$i.$j.0/29 dir out action block; echo netns exec ns3 ip xfrm policy add src 10.$i.$j.0/24 dst 10.$i.1.0/24 dir fwd action block; done; done | ip -batch /dev/stdin
for i in 10 11; do for j in 32 33; do echo netns exec ns4 ip xfrm policy add src dead:$i::/64 dst dead:$i:$j::/64 dir out action block; echo netns exec ns4 ip xfrm policy add src dead:$i:$j::/64 dst dead:$i::/24 dir fwd action block; done; done | ip -batch /dev/stdin
ip -net ns3 xfrm policy get src 10.0.1.0/24 dst 10.0.2.0/24 dir out
ip -net ns3 xfrm policy get src 10.0.2.0/24 dst 10.0.1.0/24 dir fwd
ip -net ns3 xfrm policy get src dead:1::/64 dst dead:2::/64 dir out
ip -net ns4 xfrm policy get src 10.0.2.0/24 dst 10.0.1.0/24 dir out
ip -net ns4 xfrm policy get src dead:2::/64 dst dead:1::/64 dir out
ip -net ns3 xfrm policy add dst 10.0.2.240/28 dir out priority 10 action allow
ip -net ns3 xfrm policy add dst 10.0.2.253 dir out tmpl src 10.0.3.1 dst 10.0.3.10 proto esp mode tunnel priority 1 action allow
ip -net ns3 xfrm policy add dst dead:2:f0::/96 dir out priority 10 action allow
ip -net ns3 xfrm policy add dst dead:2::fd dir out tmpl src dead:3::1 dst dead:3::10 proto esp mode tunnel priority 1 action allow
ip -net ns3 xfrm policy add src 10.1.0.0/24 dst 10.0.0.0/24 dir fwd priority 200 action block
ip -net ns3 xfrm policy add src 10.2.0.0/24 dst 10.0.0.0/24 dir fwd priority 200 action block
ip -net ns3 xfrm policy add src 10.2.0.0/24 dst 10.0.1.0/24 dir fwd priority 200 action block
ip -net ns3 xfrm policy add src 10.1.0.0/24 dst 10.0.0.0/23 dir fwd priority 200 action block
ip -net ns3 xfrm policy add src 10.1.0.0/24 dst 10.0.0.0/23 dir fwd priority 200 action block
ip -net ns3 xfrm policy
ip -net ns4 xfrm policy
ip -net ns3 -4 xfrm policy list dir out
ip -net ns3 -6 xfrm policy list dir fwd
ip -net ns3 xfrm policy list action block priority 200
ip -net ns3 xfrm policy count
ip -net ns4 -s xfrm policy count
ip -net ns3 -o xfrm policy list dst 10.0.2.253
ip -net ns3 -d xfrm policy list dst dead:2::fd
ip -net ns3 -j xfrm policy count
ip netns exec ns3 ip xfrm policy get dst 10.0.2.240/28 dir out
ip -net ns4 xfrm policy deleteall dir fwd
ip -net ns4 xfrm policy count
ip netns del ns3
ip netns del ns4
/usr/sbin/ip link add name test-dummy0 type veth peer name test-dummy1
/usr/sbin/ip link set test-dummy0 up
ip addr add 192.168.123.1 dev test-dummy0
ip x s flush ; ip x p flush
ip x s add proto esp src 192.168.123.1 dst 192.168.123.2 spi 0x07 mode transport reqid 0x07 replay-window 32 aead 'rfc4106(gcm(aes))' 0x3132333435363738393031323334353664636261 128 sel src 192.168.123.1/24 dst 192.168.123.2/24
ip x s list
ip x s count
ip x s get proto esp src 192.168.123.1 dst 192.168.123.2 spi 0x07
ip x s delete proto esp src 192.168.123.1 dst 192.168.123.2 spi 0x07
timeout 3 ip x m > mon & sleep 1; /usr/sbin/ip x p add dir out src 192.168.123.1/24 dst 192.168.123.2/24 tmpl proto esp src 192.168.123.1 dst 192.168.123.2 spi 0x07 mode transport reqid 0x07; /usr/sbin/ip x p delete dir out src 192.168.123.1/24 dst 192.168.123.2/24; wait; cat mon; wc -l < mon
ip x p add dir out src 192.168.123.1/24 dst 192.168.123.2/24 tmpl proto esp src 192.168.123.1 dst 192.168.123.2 spi 0x07 mode transport reqid 0x07
ip x p list
ip x p count
ip x p get dir out src 192.168.123.1/24 dst 192.168.123.2/24
ip x p delete dir out src 192.168.123.1/24 dst 192.168.123.2/24
ip x p list | wc -l
ip x s flush
ip x p flush
ip addr del 192.168.123.1/32 dev test-dummy0
