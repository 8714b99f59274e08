# ip macsec on a kernel without the macsec generic netlink family: help
# and its abbreviations are read before the family lookup; every other
# word, known verb or not, ends at the lookup's refusal. The requests,
# show's printing and the word errors after the lookup are checked offline
# against iproute2 through an LD_PRELOAD shim (internal/cmd/ipmacsec).
ip macsec
ip macsec help
ip macsec h
ip macsec help me
ip macsec HELP
ip macsec foo
ip macsec ''
ip macsec show
ip macsec sh
ip macsec show lo
ip macsec show nosuch
ip macsec show lo extra
ip -j macsec show
ip -s -d macsec show
ip macsec add lo tx sa 0 pn 1 key 01 00112233445566778899aabbccddeeff
ip macsec add lo tx sa 9
ip macsec add nosuch tx sa 0
ip macsec add lo rx sci 1 sa 0 pn 1 on key 01 00112233445566778899aabbccddeeff
ip macsec add lo rx port 1 address 02:00:00:00:00:01
ip macsec set lo tx sa 0 off
ip macsec set lo rx sci 1 off
ip macsec del lo tx sa 0
ip macsec del lo rx sci 1 sa 0
ip macsec delete lo rx sci 1
ip macsec offload lo mac
ip macsec offload lo bogus
ip macsec o lo off
ip macsec a
ip macsec s
ip macsec d
ip -batch /dev/null macsec
printf 'macsec show\nmacsec help\n' > b1; ip -batch b1
printf 'macsec foo\nlink show lo\n' > b2; ip -force -batch b2
printf 'macsec help\nlink show lo\n' > b3; ip -batch b3
