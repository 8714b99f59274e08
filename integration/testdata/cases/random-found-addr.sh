# Found by the random run (make randdiff): ip address words that iproute2
# counts by their byte length, its fixed request buffer, and -echo.
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 up
ip addr add 10.0.0.1/24 dev v0
# any and all carry no bytes: the next address word is read, not a duplicate
ip -stats addr replace all br0
ip addr del default metric 65535 v0
ip -f bridge addr add default v1 noprefixroute
ip -6 addr change all broadcast - v0
ip addr add any 10.0.0.7/24 dev v0
ip addr add 10.0.0.8/24 anycast any anycast 10.0.0.3 dev v0
ip addr add 10.0.0.9/24 brd all brd + dev v0
ip addr add 10.0.0.10/24 peer any peer 10.0.0.11/24 dev v0
ip -o addr show dev v0
# an attribute past iproute2's 280-byte request is left out, with a complaint
ip addr add 10.0.0.12/24 dev v0 label xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
ip addr add 10.0.0.13/24 label v0:yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy brd + dev v0 valid_lft 100
ip -o addr show dev v0
# -echo prefixes each address with INDEX: DEV, even in a listing
ip -echo addr show dev v0
ip -t -echo -j addr show dev lo
ip -echo -br addr show dev v0
