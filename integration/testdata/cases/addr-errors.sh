# ip address: argument errors and kernel refusals.
ip addr add 1.2.3.4/24 dev nope
ip addr add 1.2.3.4/24
ip addr add
ip addr add 1.2.3.4/24 dev
ip addr add foo dev lo
ip addr add 1.2.3.4/33 dev lo
ip addr add 1.2.3.4/24 1.2.3.5/24 dev lo
ip addr add peer 10.0.0.1 peer 10.0.0.2 dev lo
ip addr add 1.2.3.4/24 brd 1.2.3.255 brd 1.2.3.255 dev lo
ip addr add 2001:db8::1/64 brd + dev lo
ip addr add 1.2.3.4/24 dev lo scope bogus
ip addr add 1.2.3.4/24 dev lo metric x
ip addr add 1.2.3.4/24 dev lo valid_lft 0
ip addr add 1.2.3.4/24 dev lo valid_lft 10 preferred_lft 20
ip addr add 1.2.3.4/24 dev lo valid_lft 10 valid_lft 20
ip addr add 1.2.3.4/24 dev lo valid_lft soon
ip addr add 1.2.3.4/24 dev lo autojoin
ip addr add 1.2.3.4/24 dev lo secondary
ip addr add 1.2.3.4/24 dev lo nodad
ip -4 addr add ::1/128 dev lo
ip -6 addr add 1.2.3.4/24 dev lo
ip addr add 1.2.3.4/24 brd 2001::1 dev lo
ip addr del 9.9.9.9/24 dev lo
ip addr change 9.9.9.9/24 dev lo
ip addr show dev nope
ip addr show scope foo
ip addr show to foo
ip addr show group foo
ip addr show master nope
ip addr show lo lo
ip addr show dev
ip addr flush
ip addr flush dev nope
ip addr frob
ip -0 addr flush dev lo
