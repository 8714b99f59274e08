# ip tunnel prl and ip tunnel 6rd: the ISATAP router list and the 6rd
# prefixes of sit tunnels. This kernel has no sit, so the ioctls are
# refused by whatever device they name.
ip tunnel prl dev lo prl-default 1.2.3.4
ip tunnel prl dev lo prl-nodefault 1.2.3.5
ip tunnel prl prl-delete 1.2.3.6 dev lo
ip tunnel prl prl-delete any dev lo
ip tunnel prl dev nonexist prl-delete 1.2.3.4
ip tunnel prl dev sit0 prl-default 1.2.3.4
ip tunnel prl dev lo
ip tunnel prl dev lo dev nonexist
ip tunnel pr dev lo prl-default 1.1.1.1
ip tunnel p dev lo prl-default 1.1.1.1
ip tunnel prl prl-default 1.1.1.1 prl-delete 2.2.2.2
ip tunnel prl prl-default 1.1.1.1
ip tunnel prl
ip tunnel prl dev a/b
ip tunnel prl dev ''
ip tunnel prl dev 0123456789abcdef
ip tunnel prl dev
ip tunnel prl dev lo prl-default
ip tunnel prl prl-default x
ip tunnel prl dev lo prl-nodefault ''
ip tunnel prl dev lo frob
ip tunnel prl frob
ip tunnel 6rd dev lo 6rd-prefix 2002::/16
ip tunnel 6rd dev lo 6rd-prefix 2001:db8::1/32 6rd-relay_prefix 10.0.0.0/8
ip tunnel 6rd dev lo 6rd-relay_prefix 192.168.1.1
ip tunnel 6rd dev lo 6rd-reset
ip tunnel 6rd dev lo 6rd-prefix 2002::/16 6rd-reset
ip tunnel 6rd dev lo 6rd-reset 6rd-prefix any
ip tunnel 6rd dev lo 6rd-prefix default
ip tunnel 6rd dev nonexist 6rd-reset
ip tunnel 6rd dev lo
ip tunnel 6 dev lo 6rd-reset
ip tunnel 6rd 6rd-reset
ip tunnel 6rd
ip tunnel 6rd dev lo 6rd-prefix 1.2.3.4
ip tunnel 6rd dev lo 6rd-prefix 2002::/129
ip tunnel 6rd dev lo 6rd-prefix ''
ip tunnel 6rd dev lo 6rd-relay_prefix 2002::
ip tunnel 6rd dev lo 6rd-relay_prefix 10.0.0.0/33
ip tunnel 6rd dev lo 6rd-prefix
ip tunnel 6rd dev lo foo
ip tunnel 6rd dev a/b 6rd-reset
ip tunnel 6rd dev
