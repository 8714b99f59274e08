# ip stats: the grammar's errors and exit statuses, whole-word and
# case-sensitive keywords as iproute2 6.1's, and -batch.
/usr/sbin/ip link add v0 type veth peer name v1
ip stats help
ip stats foo
ip stats sh
ip stats Show
ip stats s
ip stats ''
ip stats show foo
ip stats show Group link
ip stats show gr link
ip stats show group
ip stats show group ''
ip stats show group foo
ip stats show group Link
ip stats show group link subgroup
ip stats show group link subgroup x
ip stats show group xstats subgroup bridge suite
ip stats show group xstats subgroup bridge suite x
ip stats show group xstats subgroup foo
ip stats show group offload subgroup l3_stats suite x
ip stats show group afstats subgroup mpls suite x
ip stats show group xstats suite stp
ip stats show subgroup bridge
ip stats show suite x
ip stats show dev
ip stats show dev ''
ip stats show dev 'a b'
ip stats show dev a/b
ip stats show dev 0123456789abcdef
ip stats show dev nosuch
ip stats show dev if99
ip stats show dev lo dev lo
ip stats show dev lo dev ''
ip stats show dev '' dev lo
ip stats show dev nosuch group foo
ip stats show group foo dev nosuch
ip stats show group link group foo
ip stats set
ip stats set dev lo
ip stats set l3_stats on
ip stats set dev
ip stats set dev ''
ip stats set dev nosuch l3_stats on
ip stats set dev if99 l3_stats on
ip stats set dev v0 l3_stats
ip stats set dev v0 l3_stats maybe
ip stats set dev v0 l3_stats ''
ip stats set dev v0 l3_stats On
ip stats set dev v0 l3_stats on l3_stats off
ip stats set dev v0 dev v1 l3_stats on
ip stats set dev v0 L3_stats on
ip stats set foo
ip stats set dev v0 foo
printf 'stats show dev lo group link\nstats show dev lo group link\nlink show lo\n' > b1; ip -batch b1
printf 'stats show dev lo group foo\nstats show dev lo group link\n' > b2; ip -batch b2
printf 'stats show dev lo group foo\nstats foo\nstats show dev nosuch\nstats set dev v0 l3_stats x\nstats show dev lo group link\nstats set dev lo\nstats show dev lo group link\n' > b3; ip -force -batch b3
printf 'stats show dev lo dev lo\nstats show dev lo group link\n' > b4; ip -force -batch b4
printf 'stats set dev v0 l3_stats on\nstats show dev v0 group offload subgroup l3_stats\nstats set dev v0 l3_stats off\n' > b5; ip -batch b5
ip -d monitor stats help
