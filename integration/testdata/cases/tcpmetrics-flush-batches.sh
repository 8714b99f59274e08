# ip tcp_metrics flush with a selector deletes what a dump finds, sending
# the deletions unacknowledged, as many as fit in 3584 bytes a datagram:
# 306 entries go out in datagrams of 3564, 3564, 3564 and 324 bytes (the
# sizes of every request sent are compared). A deletion the kernel
# refuses is seen in the socket's queue.
/usr/sbin/ip link set lo up
perl -MIO::Socket::IP -e 'for my $a (@ARGV) { my $l = IO::Socket::IP->new(LocalHost => $a, LocalPort => 0, Listen => 5) or die; my $c = IO::Socket::IP->new(PeerHost => $a, PeerPort => $l->sockport) or die; my $s = $l->accept; close $c; close $s; close $l }' $(for i in $(seq 1 305); do echo 127.0.$((i/250)).$((i%250+1)); done) ::1
/usr/sbin/ip tcp_metrics | wc -l
strace -f -qq -e trace=sendmsg,sendto -e signal=none ip -s tcp_metrics flush 127.0.0.0/8 2>&1 >/dev/null | grep -oE ' = [0-9]+$' | tr -d '\n'
/usr/sbin/ip tcp_metrics | wc -l
perl -MIO::Socket::IP -e 'for my $a (@ARGV) { my $l = IO::Socket::IP->new(LocalHost => $a, LocalPort => 0, Listen => 5) or die; my $c = IO::Socket::IP->new(PeerHost => $a, PeerPort => $l->sockport) or die; my $s = $l->accept; close $c; close $s; close $l }' $(for i in $(seq 1 305); do echo 127.0.$((i/250)).$((i%250+1)); done)
ip -s tcp_metrics flush 127.0.0.0/8
ip tcp_metrics flush 127.0.0.0/8
ip -4 tcp_metrics flush
ip -6 tcp_metrics flush
ip tcp_metrics
