# ip address flush: filters, rounds, promotion of secondaries, -s/-s -s reports.
ip link add v1 type veth peer name v2
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.2/24 dev v1
ip addr add 10.0.0.3/24 dev v1
ip addr add 10.1.0.1/16 dev v1 scope link
ip addr add 2001:db8::1/64 dev v1 nodad
ip addr add 10.2.0.1/24 dev v2 label v2:x
ip -s addr flush dev v1 primary
ip addr show dev v1
ip -s -s addr flush dev v1 scope link
ip addr show dev v1
ip -s addr flush dev v1 to 2001:db8::/32
ip addr show dev v1
ip addr flush label 'v2*'
ip addr show dev v2
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.2/24 dev v1
ip addr add 10.0.0.3/24 dev v1
ip -s addr flush dev v1 secondary
ip addr show dev v1
ip -4 addr flush dev v1
ip -s -s addr flush dev v1
ip -j addr flush dev v1
sysctl -q -w net.ipv4.conf.v1.promote_secondaries=1
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.2/24 dev v1
ip -s addr flush dev v1 to 10.0.0.1
ip addr show dev v1
ip -s -s addr flush scope global
ip addr flush dev v1 to bogus
ip addr flush dev v1 scope nope
ip -loops 1 addr flush dev v1
# iproute2 flushes with no JSON context: -json still prints the text report.
ip addr add 10.0.0.1/24 dev v1
ip addr add 10.0.0.2/24 dev v1
ip -j -s addr flush dev v1
ip -j -s addr flush dev v1
ip addr add 10.0.0.1/24 dev v1
ip -j -p -s -s addr flush dev v1
