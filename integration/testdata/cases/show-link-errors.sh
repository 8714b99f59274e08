# ip link show: missing devices and bad filters.
ip link show nope
ip link show dev nope
ip -j link show nope
ip link show dev
ip link show lo lo
ip link show group
ip link show group foo
ip link show master nope
ip link show master
ip link show type
ip link show vrf lo
ip link show scope bogus
ip link show to 10.0.0.0/8
ip link show scope host
ip link show secondary
ip link show if1
ip link sh lo
ip link frob
