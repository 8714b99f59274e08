# ip tunnel add / change / del in every mode and with every keyword. This
# kernel has no IP tunnel modules, so the fallback devices do not exist
# and each request ends in the kernel's refusal (No such device) after
# the words were read: both tools name the same device, in the same words.
ip tunnel add t1 mode gre remote 1.2.3.4 local 5.6.7.8 ttl 64 key 1.2.3.4
ip tunnel add t1 mode sit remote 1.2.3.4
ip tunnel add t1 mode ipip
ip tunnel add t1 mode vti
ip tunnel add t1 mode isatap
ip tunnel add t1 mode gre/ip
ip tunnel add t1 mode ip/ip
ip tunnel add t1 mode ipv6/ip
ip tunnel add t1 mode gre mode gre
ip tunnel add t1 mode vti mode ipip
ip tunnel add t1 mode isatap mode sit
ip tunnel add gre5
ip tunnel add ipip2
ip tunnel add sit3
ip tunnel add isatap4
ip tunnel add vti5
ip tunnel add name gre6 mode ipip
ip tunnel add t1
ip tunnel add
ip tunnel a t1 mode gre
ip tunnel ad t1 mode gre
ip tunl add t1 mode gre
ip tunnel add t1 mode gre seq csum ikey 7
ip tunnel add t1 mode gre iseq ocsum
ip tunnel add t1 mode gre oseq icsum key 4294967295
ip tunnel add t1 mode gre key 1.2.3
ip tunnel add t1 mode gre okey 0x10 ikey 010
ip tunnel add t1 mode gre tos inherit ttl inherit
ip tunnel add t1 mode gre tos inherit/0x10
ip tunnel add t1 mode gre tos 0x10/zz
ip tunnel add t1 mode gre tos AF11
ip tunnel add t1 mode gre tclass 0xfc
ip tunnel add t1 mode gre dsfield 4
ip tunnel add t1 mode gre ds 4
ip tunnel add t1 mode gre d 4
ip tunnel add t1 mode gre hoplimit 9 hlim 10
ip tunnel add t1 mode gre ttl 255
ip tunnel add t1 mode gre ttl 0x10
ip tunnel add t1 mode gre nopmtudisc
ip tunnel add t1 mode gre nopmtudisc pmtudisc ttl 3
ip tunnel add t1 mode gre nopmtudisc ttl 3
ip tunnel add t1 mode gre nopmtudisc ttl 3 ttl inherit
ip tunnel add t1 mode gre remote 224.1.1.1 local 1.1.1.1
ip tunnel add t1 mode ipip remote 239.1.1.1 local 1.1.1.1
ip tunnel add t1 mode gre remote 224.1.1.1
ip tunnel add t1 mode gre remote any local any
ip tunnel add t1 mode gre remote default local all
ip tunnel add t1 mode gre remote 10.1 local 0x0a000001
ip tunnel add t1 mode gre dev lo
ip tunnel add t1 mode gre dev nonexist
ip tunnel add t1 mode gre dev ''
ip tunnel add t1 mode gre dev if1
ip tunnel add t1 mode vti key 5
ip tunnel add t1 mode ipip key 5
ip tunnel add t1 mode sit ikey 5
ip tunnel add t1 mode isatap okey 5
ip tunnel add sit1 key 5
ip tunnel add vti1 key 5 remote 1.1.1.1
ip tunnel add t1 mode gre name t1
ip tunnel change t1
ip tunnel change t1 mode gre
ip tunnel change lo mode gre
ip tunnel change
ip tunnel change mode gre t1
ip tunnel change mode gre
ip tunnel chang t1 ttl 5
ip tunnel c t1
ip tunnel del t1
ip tunnel del
ip tunnel del mode gre
ip tunnel del mode vti
ip tunnel del mode sit
ip tunnel del gre3
ip tunnel delete t1 mode vti
ip tunnel d t1
ip tunnel del t1 remote 1.2.3.4 key 1
ip tunnel del lo
ip tunnel del gre0
# IPv6 tunnels: ip -6 tunnel, or an IPv6 mode anywhere after the object
ip -6 tunnel add t1
ip -6 tunnel add
ip -6 tunnel add t1 mode ip6gre remote 1::2 local 3::4 flowlabel 0x12345 tclass 0x45 encaplimit 7 hoplimit 9 key 5
ip -6 tunnel add t1 mode ip6ip6 remote fe80::1 local fe80::2
ip -6 tunnel add t1 mode ipv6/ipv6
ip -6 tunnel add t1 mode ipip6
ip -6 tunnel add t1 mode ip4ip6
ip -6 tunnel add t1 mode ip/ipv6
ip -6 tunnel add t1 mode ipv4/ipv6
ip -6 tunnel add t1 mode gre/ipv6 seq csum
ip -6 tunnel add t1 mode vti6 ikey 1.2.3.4 okey 4.3.2.1
ip -6 tunnel add t1 mode vti6
ip -6 tunnel add t1 mode any
ip -6 tunnel add t1 mode any/ipv6
ip -6 tunnel add t1 mode vti6 mode ip6gre
ip -6 tunnel add t1 encaplimit none
ip -6 tunnel add t1 encaplimit none encaplimit 3
ip -6 tunnel add t1 encaplimit foo
ip -6 tunnel add t1 encaplimit 300
ip -6 tunnel add t1 tclass inherit flowlabel inherit dscp inherit allow-localremote
ip -6 tunnel add t1 allow-localremote noallow-localremote
ip -6 tunnel add t1 tclass inherit tclass 0x12
ip -6 tunnel add t1 flowlabel inherit fl 0xfffff
ip -6 tunnel add t1 tc ff tos 1 dsfield 2 ds 3 d 4
ip -6 tunnel add t1 ttl 0 hlim 7
ip -6 tunnel add t1 remote any local ::
ip -6 tunnel add t1 dev lo
ip -6 tunnel add t1 dev nonexist
ip -6 tunnel add ip6gre3 mode ip6gre
ip tunnel add t1 mode ip6gre remote 1::1
ip tunnel add t1 mode ip6ip6
ip tunnel add t1 mode vti6
ip -4 tunnel add t1 mode ipip6
ip -B tunnel add t1 mode ip6gre
ip tunl add t1 mode any
ip tunnel add t1 mode gre mode ip6gre
ip -6 tunnel change t1 hoplimit 5
ip -6 tunnel change lo
ip -6 tunnel change
ip -6 tunnel del t1
ip -6 tunnel del
ip -6 tunnel del t1 mode ip6gre
ip -6 tunnel del t1 mode vti6
ip -6 tunnel d t1
