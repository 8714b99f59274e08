# ip mptcp limits, the object's dispatch (help, unknown words, the word
# after `limits` tried as monitor) and -batch.
ip mptcp limits
ip mptcp limits show
ip mptcp l s
ip -j mptcp limits show
ip -j -p mptcp limits
ip -o mptcp limits
ip mptcp limits set subflows 3 add_addr_accepted 4
ip mptcp limits show
ip mptcp limits set subflows 0x5
ip mptcp limits show
ip mptcp limits set add_addr_accepted 010
ip mptcp limits set add_addr_accepted 8
ip mptcp limits
ip mptcp limits set
ip mptcp limits show subflows 1
ip mptcp limits show foo
ip mptcp limits set foo
ip mptcp limits set subflows
ip mptcp limits set subflows -1
ip mptcp limits set subflows 4294967296
ip mptcp limits set subflows x
ip mptcp limits set subflows 9
ip mptcp limits set add_addr_accepted 99
ip mptcp limits set s 2 a 1
ip mptcp limits
ip mptcp limits foo
ip mptcp limits ''
ip mptcp limits help
ip mptcp foo
ip mptcp ''
ip mptcp monitor foo
ip mptcp
ip mptcp help
ip mptcp he
ip mptcp h endpoint
ip mptcp Endpoint
ip mp endpoint show
printf 'mptcp limits set subflows 2\nmptcp limits\nmptcp endpoint add 10.0.0.1 subflow\nmptcp endpoint\nmptcp endpoint add 10.0.0.1 subflow\nmptcp limits\n' > b1; ip -batch b1
printf 'mptcp endpoint show id 99\nmptcp limits\n' > b2; ip -batch b2
printf 'mptcp endpoint show id 99\nmptcp limits\n' > b3; ip -force -batch b3
printf 'mptcp endpoint add 1.2.3.4 id 300\nmptcp limits\n' > b4; ip -force -batch b4
printf 'mptcp limits foo\nmptcp limits\n' > b5; ip -force -batch b5
/usr/sbin/ip netns add n1
ip -n n1 mptcp limits set subflows 5
ip -n n1 mptcp limits
ip mptcp limits
ip -n n1 mptcp endpoint add 10.0.0.9 subflow
ip -n n1 mptcp endpoint show
ip -n n1 sr tunsrc set 2001:db8::7
ip -n n1 sr tunsrc show
ip sr tunsrc show
ip -n n1 ioam namespace add 3
ip -n n1 ioam namespace show
ip ioam namespace show
ip -n n1 fou show
