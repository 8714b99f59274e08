# ip neighbour: add/change/replace/del/get/show/flush, filters and output
# modes, with static entries only (learned ones age while the case runs).
# The kernel lists entries in hash order, which differs between runs: lines
# that show several entries are sorted.
/usr/sbin/ip link add v1 address 02:00:00:00:00:01 type veth peer name v2 address 02:00:00:00:00:02
/usr/sbin/ip link set v1 up
/usr/sbin/ip link set v2 up
/usr/sbin/ip addr add 10.0.0.1/24 dev v1
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link set v2 master br0
ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev v1
ip neigh add 10.0.0.10 dev v1 nud noarp
ip neigh add 10.0.0.10 lladdr 02:00:00:00:00:0a dev v1 nud noarp
ip neigh add 10.0.0.11 lladdr 02:00:00:00:00:0b dev v1 nud stale router extern_learn protocol static
ip neigh add proxy 10.0.0.50 dev v1
ip neigh add 2001:db8::9 lladdr 02:00:00:00:00:19 dev v1 nud permanent protocol 99
ip neigh add 10.0.0.12 lladdr 02:00:00:00:00:0c dev v1 nud failed
ip neigh add 10.0.0.13 lladdr 02:00:00:00:00:0d dev v2 nud 0x80
ip n | sort
ip neigh | sort
ip neighbour show | sort
ip neigh list | sort
ip -j neigh show to 10.0.0.11
ip -p -j neigh show dev v1 to 10.0.0.11/32
ip neigh show dev v1 to 10.0.0.8/30 | sort
ip -br neigh | sort
ip -br -j neigh show 2001:db8::9
ip -o neigh | sort
ip -c neigh | sort
ip -4 neigh | sort
ip -6 neigh | sort
ip -6 neigh show nud all | sort
ip neigh show proxy | sort
ip neigh show nud permanent | sort
ip neigh show nud noarp | sort
ip neigh show nud stale nud permanent | sort
ip neigh show nud none | sort
ip neigh show nud failed | sort
ip neigh show nud all dev v1 | sort
ip neigh show to 10.0.0.8/29 | sort
ip neigh show 10.0.0.9 | sort
ip neigh show to 2001:db8::/32 | sort
ip neigh show dev v1 nud stale | sort
ip neigh show dev v2 | sort
ip neigh show master br0 | sort
ip neigh show nomaster | sort
ip neigh show protocol static | sort
ip neigh show protocol 99 | sort
ip neigh show protocol all | sort
ip neigh show unused | sort
ip -N neigh show protocol static | sort
ip neigh get 10.0.0.9 dev v1
ip -j neigh get 10.0.0.9 dev v1
ip neigh get 10.0.0.99 dev v1
ip neigh get proxy 10.0.0.50 dev v1
ip neigh get 10.0.0.9
ip neigh get 10.0.0.9 dev nonexist
ip neigh change 10.0.0.9 lladdr 02:00:00:00:00:99 dev v1
ip neigh chg 10.0.0.9 lladdr 02:00:00:00:00:98 dev v1 nud stale
ip neigh replace 10.0.0.14 lladdr 02:00:00:00:00:0e dev v1
ip neigh change 10.0.0.15 lladdr 02:00:00:00:00:0f dev v1
ip neigh show dev v1 | sort
ip neigh del 10.0.0.9 dev v1
ip neigh del 10.0.0.9 dev v1
ip neigh delete proxy 10.0.0.50 dev v1
ip neigh add 10.0.0.11 lladdr 02:00:00:00:00:0b dev v1
ip neigh add to 10.0.0.16 lladdr 02:00:00:00:00:10 dev v1
ip neigh add 10.0.0.17 lladdr null dev v1 nud noarp
ip neigh add 10.0.0.18 lladdr 02:00:00:00:00:12 lladdr 02:00:00:00:00:13 dev v1
ip neigh add 10.0.0.18 10.0.0.19 dev v1
ip neigh add foo dev v1
ip neigh add 10.0.0.14 lladdr zz dev v1
ip neigh add 10.0.0.14 lladdr 02:00:00:00:00:0e dev nonexist
ip neigh add 10.0.0.14
ip neigh add dev v1
ip neigh add 10.0.0.14 dev v1 nud foo
ip neigh add 10.0.0.14 dev v1 nud 3
ip neigh add 10.0.0.14 dev v1 protocol foo
ip neigh add 10.0.0.14 dev v1 nud
ip neigh add 10.0.0.14 dev v1 lladdr
ip -6 neigh add 10.0.0.20 lladdr 02:00:00:00:00:14 dev v1
ip neigh show nud foo
ip neigh show protocol foo
ip neigh show to foo
ip neigh show dev v1 dev v2
ip neigh show dev nonexist
ip neigh show master nonexist
ip neigh show vrf red
ip neigh foo
ip neigh help
ip neigh flush
ip -s neigh flush dev v1 nud stale | sort
ip neigh show nud all | sort
# -s -s prints the entries with their ages, which tick (the harness masks them)
ip -s -s neigh flush dev v1 nud all | sort
ip -s neigh flush all | sort
ip -s neigh flush dev v1 | sort
ip neigh flush dev v2 nud permanent | sort
ip neigh show nud all | sort
printf 'neigh add 10.0.0.30 lladdr 02:00:00:00:00:1e dev v1\nneigh show dev v1\nneigh add foo dev v1\nneigh show\n' > b1; ip -batch b1
ip -force -batch b1
