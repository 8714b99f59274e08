# Manual-keying IPsec how-tos (the "ip xfrm" recipes of the Linux
# Advanced Routing & Traffic Control HOWTO's IPsec chapter, strongSwan's
# "route-based VPN" page with xfrm interfaces and if_id, and the many blog
# posts that set up a host-to-host tunnel with auth sha256/enc aes,
# auth-trunc hmac(sha256) 128 with cbc(aes), rfc4106(gcm(aes)) aead, NAT-T
# espinudp, esn and replay-window): states then policies, listed and
# flushed. This kernel has no esp/ah/ipcomp and no xfrm/vti links: each
# state add and link add is refused as iproute2 reports it, while the
# policies are kept.
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x12345678 reqid 0x12345678 mode tunnel auth sha256 0x323730ed6f1b9ff0cb084af15b197e862b7c18424a7cdfb74cd385ae23bc4f17 enc aes 0x3aea7f3c3bfb0b27c2d5f7ac8b1d4e3e
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1000 reqid 1 mode transport auth-trunc 'hmac(sha256)' 0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef 128 enc 'cbc(aes)' 0x0123456789abcdef0123456789abcdef
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1001 mode tunnel aead 'rfc4106(gcm(aes))' 0x0123456789abcdef0123456789abcdef01234567 128
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1002 mode tunnel enc 'cbc(des3_ede)' 0x0123456789abcdef0123456789abcdef0123456789abcdef auth md5 0x0123456789abcdef0123456789abcdef
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto ah spi 0x1003 mode transport auth sha1 0x0123456789abcdef0123456789abcdef01234567
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1004 encap espinudp 4500 4500 0.0.0.0 enc aes 0x0123456789abcdef0123456789abcdef
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1005 enc null ""
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1006 enc cipher_null "" auth digest_null ""
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1007 enc aes 0x0123
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1008 enc aes thisisastringkey1234
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x1009 auth sha256 0x00 enc aes 0x0123456789abcdef0123456789abcdef replay-window 64 flag esn
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto comp spi 0x100a comp deflate
ip xfrm state add src 192.168.1.10 dst 192.168.1.20 proto esp spi 0x100b mode tunnel if_id 7 enc aes 0x0123456789abcdef0123456789abcdef
ip xfrm state list
ip xfrm state
ip -s xfrm state
ip xfrm state count
ip xfrm state flush
ip xfrm state deleteall
ip xfrm policy add src 10.1.0.0/16 dst 10.2.0.0/16 dir out tmpl src 192.168.1.10 dst 192.168.1.20 proto esp reqid 0x12345678 mode tunnel
ip xfrm policy add src 10.2.0.0/16 dst 10.1.0.0/16 dir in tmpl src 192.168.1.20 dst 192.168.1.10 proto esp reqid 0x12345678 mode tunnel
ip xfrm policy add src 10.2.0.0/16 dst 10.1.0.0/16 dir fwd tmpl src 192.168.1.20 dst 192.168.1.10 proto esp reqid 0x12345678 mode tunnel
ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 dir out if_id 7 tmpl proto esp mode tunnel
ip xfrm policy
ip -s xfrm policy | sed 's/add [0-9-]* [0-9:]*/add T/'
ip -d xfrm policy list dir in
ip xfrm policy flush
ip link add xfrm0 type xfrm dev lo if_id 7
ip link add ipsec0 type vti local 192.168.1.10 remote 192.168.1.20 key 42
ip -d link show xfrm0
