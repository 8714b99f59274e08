# ip mptcp endpoint and limits: add, change, delete, show, flush with
# gip and with the reference, every output mode, abbreviations, the
# checks of each verb's words and the kernel's refusals.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add v1 address 02:00:00:00:00:01 type veth peer name v2 address 02:00:00:00:00:02
ip mptcp endpoint show
ip mptcp endpoint
ip -j mptcp endpoint show
ip mptcp endpoint add 10.0.0.2 subflow backup fullmesh
ip mptcp endpoint add 2001:db8::1 dev v2 signal backup
ip mptcp endpoint add 10.0.0.3 id 7 dev v1 subflow
ip mptcp endpoint add 10.0.0.4 id 0x9 signal port 0
ip mptcp endpoint show
ip mptcp e s
ip mptcp end
ip -j mptcp endpoint show
ip -j -p mptcp endpoint show
ip -o mptcp endpoint show
ip -c mptcp endpoint show
ip -r mptcp endpoint show
ip -4 mptcp endpoint show
ip mptcp endpoint show id 7
ip -j mptcp endpoint show id 7
ip -j -p mptcp endpoint show id 1
ip mptcp endpoint show id 5
ip -j mptcp endpoint show id 5
ip mptcp endpoint show 10.0.0.2
ip mptcp endpoint change id 7 backup
ip mptcp endpoint change id 7 fullmesh
ip mptcp endpoint show id 7
ip mptcp endpoint change id 7 nobackup nofullmesh
ip mptcp endpoint show id 7
ip mptcp endpoint change 10.0.0.2 nobackup
ip mptcp endpoint change id 7 signal
ip mptcp endpoint change id 7 subflow
ip mptcp endpoint change id 7 port 5 backup
ip mptcp endpoint change id 55 backup
ip mptcp endpoint show
ip mptcp endpoint delete id 7
ip mptcp endpoint del id 7
ip mptcp endpoint d id 0 10.0.0.4
ip mptcp endpoint delete id 0
ip mptcp endpoint delete id 1 10.0.0.2
ip mptcp endpoint delete 10.0.0.2
ip mptcp endpoint delete
ip mptcp endpoint show
ip mptcp endpoint add
ip mptcp endpoint add dev v1
ip mptcp endpoint add 1.2.3.4 port 5
ip mptcp endpoint add 1.2.3.4 signal fullmesh
ip mptcp endpoint add 1.2.3.4 fullmesh signal
ip mptcp endpoint add 1.2.3.4 dev nosuch
ip mptcp endpoint add 1.2.3.4 dev ''
ip mptcp endpoint add 1.2.3.4 dev a/b
ip mptcp endpoint add 1.2.3.4 dev 0123456789abcdef
ip mptcp endpoint add 1.2.3.4 id 300
ip mptcp endpoint add 1.2.3.4 id -1
ip mptcp endpoint add 1.2.3.4 id ''
ip mptcp endpoint add 1.2.3.4 port 70000
ip mptcp endpoint add 1.2.3.4 port x
ip mptcp endpoint add 1.2.3.4 id
ip mptcp endpoint add 1.2.3.4 dev
ip mptcp endpoint add 1.2.3.4 port
ip mptcp endpoint add foo
ip mptcp endpoint add ''
ip mptcp endpoint add 1.2.3.4 Signal
ip mptcp endpoint add 1.2.3.4 sig
ip mptcp endpoint add 1.2.3.4 i 12 d v1 subflow
ip mptcp endpoint add 1.2.3.4 id 12 subflow
ip mptcp endpoint add 10.9.9.9 subflow
ip mptcp endpoint add default subflow
ip mptcp endpoint add 10.1 subflow
ip mptcp endpoint add 1.2.3.4/24 subflow
ip mptcp endpoint add 1.2.3.4 help
ip mptcp endpoint show
ip -j mptcp endpoint
ip mptcp endpoint flush
ip mptcp endpoint flush now
ip mptcp endpoint show
ip -j mptcp endpoint show
ip mptcp endpoint foo
ip mptcp endpoint ''
ip mptcp endpoint help
ip mptcp endpoint add 10.0.0.2 dev if2 subflow
ip mptcp endpoint show
/usr/sbin/ip link del v1
ip mptcp endpoint show
ip -j mptcp endpoint show
