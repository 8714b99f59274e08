# ip tunnel: argument errors, usage texts and their exit statuses.
ip tunnel help
ip tunnel h
ip -6 tunnel help
ip tunnel add help
ip tunnel add t1 h
ip -6 tunnel add t1 he
ip tunnel add name help
ip tunnel frob
ip tunnel ''
ip -6 tunnel frob
ip -6 tunnel prl
ip -6 tunnel 6rd
ip tunnel mode ip6gre
ip -0 tunnel
ip -0 tunnel show
ip -M tunnel show
ip -B tunnel show
ip -f link tunnel add t1
ip tunnel add t1 name
ip tunnel add t1 mode
ip tunnel add t1 remote
ip tunnel add t1 local
ip tunnel add t1 key
ip tunnel add t1 ikey
ip tunnel add t1 okey
ip tunnel add t1 ttl
ip tunnel add t1 tos
ip tunnel add t1 dev
ip tunnel add t1 t2
ip tunnel add t1 name t2
ip tunnel add aaaaaaaaaaaaaaaa
ip tunnel add 123456789012345 mode gre
ip tunnel add a/b
ip tunnel add 'a b'
ip tunnel add ''
ip tunnel add name ''
ip tunnel add t1 mode gre mode ipip
ip tunnel add t1 mode sit mode gre
ip tunnel add t1 mode foo
ip tunnel add t1 mode GRE
ip tunnel add t1 MODE gre
ip tunnel add t1 mode ''
ip tunnel add t1 mode gre key 1.2.3.x
ip tunnel add t1 mode gre key 1.2.3.4.5
ip tunnel add t1 mode gre key -1
ip tunnel add t1 mode gre key 0x100000000
ip tunnel add t1 mode gre key ''
ip tunnel add t1 mode gre ikey x
ip tunnel add t1 mode gre okey 1.x
ip tunnel add t1 mode gre ttl 256
ip tunnel add t1 mode gre ttl -1
ip tunnel add t1 mode gre ttl ''
ip tunnel add t1 mode gre hlim x
ip tunnel add t1 mode gre tos zz
ip tunnel add t1 mode gre tos 0x100
ip tunnel add t1 mode gre tos ''
ip tunnel add t1 mode gre tos inherit/
ip tunnel add t1 mode gre tos inherit/zz
ip tunnel add t1 mode gre tos /5
ip tunnel add t1 mode gre tos af11
ip tunnel add t1 mode gre remote foo
ip tunnel add t1 mode gre remote ''
ip tunnel add t1 mode gre local 1::1
ip tunnel add t1 mode gre remote 1.2.3.4/8
ip -6 tunnel add t1 pmtudisc
ip -6 tunnel add t1 mode foo
ip -6 tunnel add t1 mode gre
ip -6 tunnel add t1 remote 1.2.3.4
ip -6 tunnel add t1 local foo
ip -6 tunnel add t1 remote ''
ip -6 tunnel add t1 tclass 100
ip -6 tunnel add t1 tclass ''
ip -6 tunnel add t1 flowlabel 0x100000
ip -6 tunnel add t1 flowlabel zz
ip -6 tunnel add t1 flowlabel ''
ip -6 tunnel add t1 dscp foo
ip -6 tunnel add t1 dscp
ip -6 tunnel add t1 hoplimit 300
ip -6 tunnel add t1 hoplimit inherit
ip -6 tunnel add t1 encaplimit
ip -6 tunnel add t1 key x
ip -6 tunnel add t1 t2
ip -6 tunnel add t1 name
ip -6 tunnel add a/b
# a failure after the name was read
ip tunnel add t1 mode gre nopmtudisc ttl 3
ip tunnel add t1 mode ipip remote 224.1.1.1 local 1.1.1.1 key 5
ip tunnel add t1 mode gre remote 224.1.1.1
ip tunnel add t1
ip tunnel add t1 mode gre dev nonexist
ip tunnel show mode gre dev nonexist
