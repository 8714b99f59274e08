# ip fou, ip ila, ip l2tp and ip macsec on a kernel without their generic
# netlink families: help and usage, then the family lookup that fails
# before any other word is read (unknown verbs and bad arguments
# included), in every output mode and under -batch.
ip fou
ip fou help
ip fou h
ip fou show
ip -j fou show
ip -j -p fou show
ip -o fou show
ip fou add port 5555 ipproto 4
ip fou add port 5555 gue local 1.2.3.4 peer 5.6.7.8 peer_port 99 dev lo
ip -6 fou add port 5555 gue
ip fou del port 5555
ip fou add port 0 ipproto x
ip fou add
ip fou foo
ip fou ''
ip fou show extra
ip ila
ip ila help
ip ila list
ip -j ila list
ip ila add loc_match 1:2:3:4 loc 5:6:7:8 dev lo csum-mode neutral-map ident-type luid
ip ila del loc_match 1:2:3:4
ip ila add loc x
ip ila foo
ip ila ''
ip l2tp
ip l2tp help
ip l2tp h
ip l2tp show tunnel
ip l2tp show session
ip -j l2tp show tunnel
ip l2tp list
ip l2tp lst
ip l2tp add tunnel tunnel_id 1 peer_tunnel_id 1 remote 1.2.3.4 local 5.6.7.8
ip l2tp add session tunnel_id 1 session_id 1 peer_session_id 1
ip l2tp del tunnel tunnel_id 1
ip l2tp del session tunnel_id 1 session_id 1
ip l2tp add tunnel foo
ip l2tp foo
ip l2tp ''
ip macsec
ip macsec help
ip macsec h
ip macsec show
ip -j macsec show
ip -d macsec show
ip -s macsec show
ip macsec show lo
ip macsec add lo tx sa 0 pn 1 on key 01 81818181818181818181818181818181
ip macsec set lo rx sci 1234 on
ip macsec del lo rx sci 1234
ip macsec offload lo mac
ip macsec foo
ip macsec ''
printf 'fou show\nila list\n' > b1; ip -batch b1
printf 'fou show\nila list\n' > b2; ip -force -batch b2
printf 'l2tp help\nmacsec show\n' > b3; ip -force -batch b3
printf 'macsec show\nlink show lo\n' > b4; ip -force -batch b4
