# ip ioam: namespaces and schemas added, bound, shown in every output
# mode and deleted, with gip and with the reference; argument errors
# (every keyword is matched whole), the kernel's refusals and -batch.
# The kernel lists both from a hash table whose order changes from one
# namespace to the next: listings of more than one entry go through sort.
ip ioam namespace show
ip ioam schema show
ip -j ioam namespace show
ip -j ioam schema show
ip ioam namespace add 1
ip ioam schema add 7 abcd
ip ioam namespace show
ip ioam schema show
ip ioam namespace set 1 schema 7
ip ioam namespace show
ip ioam schema show
ip -j ioam namespace show
ip -j -p ioam namespace show
ip -j ioam schema show
ip -j -p ioam schema show
ip -o ioam namespace show
ip -o ioam schema show
ip -c ioam namespace show
ip ioam namespace set 1 schema none
ip ioam namespace set 1 schema none
ip ioam namespace show
ip ioam schema show
ip ioam namespace del 1
ip ioam namespace add 2 data 0xdeadbeef
ip ioam namespace show
ip -j ioam namespace show
ip ioam namespace del 2
ip ioam namespace add 3 wide 0xcafe
ip ioam namespace show
ip -j ioam namespace show
ip -o ioam namespace show
ip ioam namespace del 3
ip ioam namespace add 4 data 7 wide 123456789abcdef0
ip ioam namespace show
ip -j -p ioam namespace show
ip ioam namespace del 4
ip ioam namespace add 5 data 0 wide 0
ip ioam namespace show
ip -j ioam namespace show
ip ioam namespace set 5 schema 7
ip ioam schema show
ip -j ioam schema show
ip ioam schema del 7
ip ioam namespace show
ip ioam schema add 8 'x y z'
ip ioam schema show
ip -j ioam schema show
ip ioam schema del 8
ip ioam schema add 0x9 ''
ip ioam schema show
ip -j -p ioam schema show
ip -o ioam schema show
ip ioam namespace add 0x10 data 010 trailing words
ip ioam namespace add 65535
ip ioam schema add 10 z
ip ioam namespace set 16 schema 10
ip ioam namespace set 3 schema 10
ip ioam namespace set 5 schema 99
ip ioam namespace show | sort
ip ioam schema show | sort
ip ioam namespace del 5
ip ioam namespace del 5
ip ioam schema del 9
ip ioam schema del 9
ip ioam namespace show | sort
ip ioam schema show
ip ioam namespace add 1
ip ioam namespace add 1
ip ioam namespace del 1
ip ioam namespace add 65536
ip ioam namespace add x
ip ioam namespace add -1
ip ioam namespace add
ip ioam namespace add 6 data
ip ioam namespace add 6 data x
ip ioam namespace add 6 data 4294967296
ip ioam namespace add 6 wide
ip ioam namespace add 6 wide xyz
ip ioam namespace add 6 wide 10000000000000000
ip ioam namespace add 6 wide 1 data 2
ip ioam namespace add 6 wide 1 wide 2
ip ioam namespace add 6 data 1 data 2
ip ioam namespace add 6 data 1 wide
ip ioam namespace add 6 data 1 foo
ip ioam namespace add 6 foo
ip ioam namespace add 6 Data 1
ip ioam namespace del
ip ioam namespace del x
ip ioam namespace del 70000
ip ioam namespace set
ip ioam namespace set 1
ip ioam namespace set 1 foo 2
ip ioam namespace set 1 schema
ip ioam namespace set 1 schema x
ip ioam namespace set 1 schema None
ip ioam namespace set x schema 1
ip ioam schema add
ip ioam schema add 10
ip ioam schema add x abc
ip ioam schema add 7 abc
ip ioam schema del
ip ioam schema del x
ip ioam schema foo
ip ioam schema
ip ioam namespace foo
ip ioam namespace
ip ioam namespace sh
ip ioam name show
ip ioam foo
ip ioam ''
ip ioam
ip ioam help
ip ioam h
ip ioam Namespace show
ip ioam namespace del 16
ip ioam namespace del 65535
printf 'ioam namespace add 20\nioam namespace show\nioam namespace add 20\nioam schema show\n' > b1; ip -batch b1
printf 'ioam namespace del 20\nioam namespace add 21\nioam namespace add 21\nioam namespace show\n' > b2; ip -force -batch b2
printf 'ioam namespace foo\nioam namespace show\n' > b3; ip -force -batch b3
ip ioam schema del 7
printf 'ioam namespace show\nioam schema show\n' > b4; ip -j -batch b4
