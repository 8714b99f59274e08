# bridge monitor: the words it reads, its errors, and `file` replaying an
# rtmon capture (bridge/monitor_test.go replays a real one against
# iproute2's golden output).
bridge monitor help
bridge monitor foo
bridge monitor link foo
bridge monitor file
bridge monitor f
bridge monitor file nope
bridge monitor file ''
bridge monitor vn
bridge monitor al
bridge mon help
bridge -n nope monitor
/usr/sbin/ip link add br0 type bridge
/usr/sbin/ip link add p1 address 02:00:00:00:00:01 type veth peer name q1 address 02:00:00:00:00:02
: > empty; bridge monitor file empty
printf 'abc' > short; bridge monitor file short
bridge monitor file /dev/null
bridge monitor link file /dev/null vni
