# ip route get … connected under -json: iproute2 prints the first answer
# as JSON, deletes its JSON context, and prints the second answer (of the
# repeated request) as text (random run, seed 11, where gip printed the
# JSON array twice). Without -json both are text; with from, one answer.
ip link set lo up
ip -json -h route ge to 0.0.0.0 connected connected
ip -j route get 127.0.0.1 connected
ip -j -p route get 127.0.0.1 connected
ip -j -c route get 127.0.0.1 connected
ip -c route get 127.0.0.1 connected
ip route get 127.0.0.1 connected
ip -j route get 127.0.0.1 from 127.0.0.1 connected
ip -j -6 route get ::1 connected
ip -j route get 10.9.9.9 connected
printf 'route get 127.0.0.1 connected\nroute get 127.0.0.1\nroute get 127.0.0.1 connected\n' > b1; ip -j -batch b1
printf 'route get 127.0.0.1 connected\nroute get 127.0.0.1 connected\n' > b2; ip -j -p -batch b2
