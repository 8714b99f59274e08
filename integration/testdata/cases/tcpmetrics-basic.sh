# ip tcp_metrics / tcpmetrics: entries made by TCP connections over
# loopback and a veth (perl connects and closes), shown with every selector
# and output mode, deleted and flushed; errors, abbreviations, -batch.
# Measured values (age, rtt, rttvar, cwnd) are masked; a listing of several
# entries is sorted, since the kernel's hash orders them per namespace.
/usr/sbin/ip link set lo up
/usr/sbin/ip link add eth0 address 02:00:00:00:00:01 type veth peer name eth1 address 02:00:00:00:00:02
/usr/sbin/ip addr add 10.1.0.1/24 dev eth0
/usr/sbin/ip addr add 10.1.0.2/24 dev eth1
/usr/sbin/ip link set eth0 up
/usr/sbin/ip link set eth1 up
perl -MIO::Socket::IP -e 'for my $a (@ARGV) { my $l = IO::Socket::IP->new(LocalHost => $a, LocalPort => 0, Listen => 5) or die; my $c = IO::Socket::IP->new(PeerHost => $a, PeerPort => $l->sockport) or die; my $s = $l->accept; print $c "x" x 1000; $s->sysread(my $b, 1000); close $c; close $s; close $l }' 127.0.0.1 ::1 10.1.0.1 127.0.0.2
ip tcp_metrics | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcpmetrics show | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics list | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics lst | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcpm s | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip -4 tcp_metrics | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip -6 tcp_metrics | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show 127.0.0.2 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip -j tcp_metrics show 127.0.0.2 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip -j -p tcp_metrics show ::1 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip -o tcp_metrics show 10.1.0.1 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip -s tcp_metrics show 10.1.0.1 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip -r tcp_metrics show 127.0.0.2 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show address 127.0.0.2 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show addr 127.0.0.2 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show 127.0.0.0/8 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics show 10/8 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show ::/0 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show default | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics show any | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics show src 127.0.0.1 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics show source 10.1.0.1 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show 127.0.0.2 src 127.0.0.1 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g'
ip tcp_metrics show 127.0.0.2 src 10.1.0.1
ip tcp_metrics show 10.9.9.9
ip tcp_metrics show src 10/8
ip tcp_metrics show src default
ip tcp_metrics show src
ip tcp_metrics show src help
ip tcp_metrics show src 1.1.1.1 src 2.2.2.2
ip tcp_metrics show 1.1.1.1 2.2.2.2
ip tcp_metrics show addr 1.1.1.1 address 2.2.2.2
ip tcp_metrics show 1.1.1.1 x 2.2.2.2
ip tcp_metrics show addr
ip tcp_metrics show x
ip tcp_metrics show ''
ip tcp_metrics show help
ip tcp_metrics show he
ip -6 tcp_metrics show 1.1.1.1
ip -4 tcp_metrics show ::1
ip -0 tcp_metrics
ip -M tcp_metrics
ip -f link tcp_metrics show
ip tcp_metrics delete
ip tcp_metrics delete 10/8
ip tcp_metrics delete default
ip tcp_metrics delete 10.9.9.9
ip tcp_metrics delete 127.0.0.2 src 10.1.0.1
ip tcp_metrics delete address 127.0.0.2
ip tcp_metrics show 127.0.0.2
ip tcp_metrics remove 10.1.0.1 src 10.1.0.1
ip tcp_metrics d ::1
ip tcp_metrics | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
perl -MIO::Socket::IP -e 'for my $a (@ARGV) { my $l = IO::Socket::IP->new(LocalHost => $a, LocalPort => 0, Listen => 5) or die; my $c = IO::Socket::IP->new(PeerHost => $a, PeerPort => $l->sockport) or die; my $s = $l->accept; print $c "x" x 1000; $s->sysread(my $b, 1000); close $c; close $s; close $l }' 127.0.0.1 ::1 10.1.0.1 127.0.0.2
ip -s -s tcp_metrics flush 127/8 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip -s tcp_metrics flush ::/0
ip -s tcp_metrics flush 10.1.0.1
perl -MIO::Socket::IP -e 'for my $a (@ARGV) { my $l = IO::Socket::IP->new(LocalHost => $a, LocalPort => 0, Listen => 5) or die; my $c = IO::Socket::IP->new(PeerHost => $a, PeerPort => $l->sockport) or die; my $s = $l->accept; print $c "x" x 1000; $s->sysread(my $b, 1000); close $c; close $s; close $l }' 127.0.0.1 ::1 10.1.0.1 127.0.0.2
ip -j -s -s tcp_metrics flush 127/8 | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip -j -s tcp_metrics flush ::/0
ip tcp_metrics | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip -4 tcp_metrics flush
ip tcp_metrics | sed -E 's/(age|rtt|rttvar|cwnd) [0-9.]+/\1 N/g;s/"(age|rtt|rttvar|cwnd)": ?[0-9.e-]+/"\1":N/g' | sort
ip tcp_metrics flush
ip tcp_metrics flush
ip -s tcp_metrics flush src 1.2.3.4
ip tcp_metrics
perl -MIO::Socket::IP -e 'for my $a (@ARGV) { my $l = IO::Socket::IP->new(LocalHost => $a, LocalPort => 0, Listen => 5) or die; my $c = IO::Socket::IP->new(PeerHost => $a, PeerPort => $l->sockport) or die; my $s = $l->accept; print $c "x" x 1000; $s->sysread(my $b, 1000); close $c; close $s; close $l }' 127.0.0.1 ::1 10.1.0.1 127.0.0.2
ip tcp_metrics flush all
ip tcp_metrics
ip tcp_metrics help
ip tcp_metrics x
ip tcp_metrics ''
ip tcp_metrics SHOW
ip tcpmetrics
ip tcp_metrics h
printf 'tcp_metrics show 10.9.9.9\ntcp_metrics\ntcp_metrics delete 10.9.9.9\ntcp_metrics\n' > b1; ip -batch b1
printf 'tcp_metrics delete 10.9.9.9\ntcp_metrics show 1/8\ntcp_metrics flush\n' > b2; ip -force -batch b2
printf 'tcp_metrics show src 10/8\ntcp_metrics\n' > b3; ip -force -batch b3
