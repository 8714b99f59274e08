# ip xfrm parse errors and usage texts (only the exit status of a usage text is compared)
ip xfrm
ip xfrm help
ip xfrm frob
ip xfrm policy help
ip xfrm policy frob
ip xfrm state help
ip xfrm state frob
ip xfrm monitor help
ip xfrm monitor frob
ip xfrm policy add src 1.2.3.4
ip xfrm policy add dir
ip xfrm policy add dir up
ip xfrm policy add dir in dir out
ip xfrm policy add src 1.2.3.4 src
ip xfrm policy add src 1.2.3.4 dst ::1 dir in
ip xfrm policy add src nope dir in
ip xfrm policy add src 1.2.3.4 proto tcp type 3 dir in
ip xfrm policy add src 1.2.3.4 proto icmp sport 3 dir in
ip xfrm policy add src 1.2.3.4 proto tcp key 3 dir in
ip xfrm policy add src 1.2.3.4 proto gre key x dir in
ip xfrm policy add src 1.2.3.4 proto gre key 1.2.x dir in
ip xfrm policy add src 1.2.3.4 proto nope dir in
ip xfrm policy add src 1.2.3.4 proto icmp type 256 dir in
ip xfrm policy add src 1.2.3.4 dev nodev dir in
ip xfrm policy add src 1.2.3.4 dev '' dir in
ip xfrm policy add src 1.2.3.4 dir in mark x
ip xfrm policy add src 1.2.3.4 dir in mark 1 mask y
ip xfrm policy add src 1.2.3.4 dir in index x
ip xfrm policy add src 1.2.3.4 dir in ptype x
ip xfrm policy add src 1.2.3.4 dir in ptype main ptype sub
ip xfrm policy add src 1.2.3.4 dir in action x
ip xfrm policy add src 1.2.3.4 dir in priority -x
ip xfrm policy add src 1.2.3.4 dir in flag 0x100
ip xfrm policy add src 1.2.3.4 dir in flag bogus
ip xfrm policy add src 1.2.3.4 dir in limit bogus 1
ip xfrm policy add src 1.2.3.4 dir in limit byte-soft x
ip xfrm policy add src 1.2.3.4 dir in tmpl
ip xfrm policy add src 1.2.3.4 dir in tmpl src 1.1.1.1
ip xfrm policy add src 1.2.3.4 dir in tmpl proto esp mode x
ip xfrm policy add src 1.2.3.4 dir in tmpl proto esp level x
ip xfrm policy add src 1.2.3.4 dir in tmpl proto esp reqid x
ip xfrm policy add src 1.2.3.4 dir in tmpl proto route2 spi 3
ip xfrm policy add src 1.2.3.4 dir in tmpl proto comp spi 0x10000
ip xfrm policy add src 1.2.3.4 dir in tmpl proto bogus
ip xfrm policy add src 1.2.3.4 dir in if_id x
ip xfrm policy add src 1.2.3.4 dir in ctx a ctx b
ip xfrm policy add dir in 1.2.3.4
ip xfrm policy add dir in src 1.2.3.4 frob
ip xfrm policy get dir in
ip xfrm policy get src 1.2.3.4
ip xfrm policy get src 1.2.3.4 index 3 dir in
ip xfrm policy get index 3 index 4 dir in
ip xfrm policy list frob
ip xfrm policy list dir x
ip xfrm policy flush frob
ip xfrm policy flush ptype main ptype sub
ip xfrm policy set hthresh4 33 0
ip xfrm policy set hthresh4 1 33
ip xfrm policy set hthresh6 129 0
ip xfrm policy set hthresh4 1 1 hthresh4 2 2
ip xfrm policy set hthresh4 1
ip xfrm policy set frob
ip xfrm policy setdefault in x
ip xfrm policy setdefault up block
ip xfrm policy setdefault in block in accept
ip xfrm state add
ip xfrm state add src 1.1.1.1 dst 2.2.2.2
ip xfrm state add proto esp spi 1
ip xfrm state add proto esp spi 1 mode ro enc a b
ip xfrm state add proto esp spi 1 comp deflate enc a b
ip xfrm state add proto esp spi 1 auth a b
ip xfrm state add proto ah spi 1 enc a b
ip xfrm state add proto ah spi 1
ip xfrm state add proto comp spi 1 auth a b
ip xfrm state add proto comp spi 1
ip xfrm state add proto route2 enc a b
ip xfrm state add proto route2
ip xfrm state add proto route2 mode tunnel
ip xfrm state add proto route2 mode ro
ip xfrm state add proto esp spi 1 enc a b coa 1.2.3.4
ip xfrm state add proto esp spi 1 enc a b enc c d
ip xfrm state add proto esp spi 1 aead a b 64 enc c d
ip xfrm state add proto esp spi 1 enc
ip xfrm state add proto esp spi 1 enc a
ip xfrm state add proto esp spi 1 aead a b
ip xfrm state add proto esp spi 1 aead a b x
ip xfrm state add proto esp spi 1 auth-trunc a b
ip xfrm state add proto esp spi 1 enc a 0xzz
ip xfrm state add proto esp spi 1 enc a 0x123
ip xfrm state add proto esp spi 1 enc a b flag esn
ip xfrm state add proto esp spi 1 enc a b replay-window 4097
ip xfrm state add proto esp spi 1 enc a b replay-window x
ip xfrm state add proto esp spi 1 enc a b extra-flag 0xzz
ip xfrm state add proto esp spi 1 enc a b encap bogus 1 2 1.2.3.4
ip xfrm state add proto esp spi 1 enc a b encap espinudp x 2 1.2.3.4
ip xfrm state add proto esp spi 1 enc a b encap espinudp 1 2 nope
ip xfrm state add proto esp spi 1 enc a b offload dir up
ip xfrm state add proto esp spi 1 enc a b offload dev nodev dir in
ip xfrm state add proto esp spi 1 enc a b offload frob
ip xfrm state add proto esp spi 1 enc a b output-mark x
ip xfrm state add proto esp spi 1 enc a b sel frob
ip xfrm state add proto esp spi x enc a b
ip xfrm state add proto esp spi 1 enc a b src 1.2.3.4
ip xfrm state allocspi proto esp spi 5
ip xfrm state allocspi proto esp min 5
ip xfrm state allocspi proto esp max 5
ip xfrm state allocspi proto esp min 6 max 5
ip xfrm state allocspi proto esp min 1 min 2
ip xfrm state allocspi
ip xfrm state get proto esp spi 1 frob
ip xfrm state delete dst 1.2.3.4
ip xfrm state list mode x
ip xfrm state list spi 1 frob
ip xfrm state flush proto x
ip xfrm state flush frob
ip xfrm monitor file /nonexistent
