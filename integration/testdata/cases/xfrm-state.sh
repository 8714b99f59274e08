# ip xfrm state: this kernel has no ESP/AH/IPcomp modules, so add and update
# are refused ("Requested type not found"); allocspi makes larval states that
# list, get, count, delete and deleteall work on.
ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x100 enc aes 0x00112233445566778899aabbccddeeff auth sha256 0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x101 reqid 7 mode tunnel aead 'rfc4106(gcm(aes))' 0x0011223344556677889900112233445566778899 128 replay-window 32 flag esn
ip xfrm state update src 10.0.0.1 dst 10.0.0.2 proto esp spi 0x102 enc cbc(aes) 0x0011 auth-trunc hmac(sha256) 0x11 96 encap espinudp 4500 4500 0.0.0.0 mark 3 output-mark 9 mask 0xf if_id 4 tfcpad 8 extra-flag dont-encap-dscp oseq-may-wrap
ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto ah spi 3 auth sha1 abc replay-seq 5 replay-oseq 6 sel src 1.0.0.0/8 dst 2.0.0.0/8 proto tcp limit byte-soft 9 seq 7 flag noecn icmp
ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto comp spi 4 comp deflate
ip -6 xfrm state add src ::1 dst ::2 proto route2 mode ro coa ::3
ip -6 xfrm state add src ::1 dst ::2 proto hao mode in_trigger coa ::3/64 ctx sys_t offload dev lo dir in
ip xfrm state add src 10.0.0.1 dst 10.0.0.2 proto esp spi 5 enc aes 0x11 replay-window 4096 replay-seq-hi 1 replay-oseq-hi 2
ip xfrm state count
ip xfrm state allocspi src 1.1.1.1 dst 2.2.2.2 proto esp min 0x200 max 0x200 reqid 4 mode tunnel
ip xfrm state allocspi src 1.1.1.3 dst 2.2.2.3 proto ah min 0x300 max 0x300 seq 9 mark 1
ip -6 xfrm state allocspi src ::1 dst ::2 proto comp min 0x301 max 0x301
ip xfrm state
ip -s xfrm state | sed 's/add [0-9-]* [0-9:]*/add T/'
ip -o xfrm state
ip -s xfrm state count
ip xfrm state list proto ah
ip xfrm state list nokeys src 1.1.1.1
ip xfrm state list reqid 4 mode tunnel
ip -6 xfrm state list
ip xfrm state get src 1.1.1.1 dst 2.2.2.2 proto esp spi 0x200
ip xfrm state get src 1.1.1.1 dst 2.2.2.2 proto esp spi 0x201
ip xfrm state delete src 1.1.1.1 dst 2.2.2.2 proto esp spi 0x200
ip xfrm sa
ip xfrm state deleteall proto comp
ip xfrm state
ip xfrm state flush
ip xfrm state flush proto esp
ip xfrm state flush proto ipsec-any
