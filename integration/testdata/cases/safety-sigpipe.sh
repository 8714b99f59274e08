# A reader that goes away early (| head -1) with SIGPIPE at its default:
# ip dies of it (141); with SIGPIPE ignored by the caller (systemd services,
# trap '' PIPE) ip's writes fail with EPIPE and it finishes with 0. The
# outputs are far larger than a pipe holds, so the write fails every time.
/usr/sbin/ip link set lo up
for i in $(seq 1 5000); do echo "route add 10.$((i/250)).$((i%250)).0/24 dev lo"; done > routes; /usr/sbin/ip -batch routes
ip route show | head -1; echo "${PIPESTATUS[0]}"
(trap '' PIPE; ip route show | head -1; echo "${PIPESTATUS[0]}")
(trap '' PIPE; ip -j route show | head -c 20; echo; echo "${PIPESTATUS[0]}")
(trap '' PIPE; ip -o route show table all | head -1; echo "${PIPESTATUS[0]}")
(trap '' PIPE; ip route save | head -c 4 | wc -c; echo "${PIPESTATUS[0]}")
(trap '' PIPE; ip -batch - <<< 'route show' | head -1; echo "${PIPESTATUS[0]}")
ip -j route show | head -c 20 >/dev/null; echo "${PIPESTATUS[0]}"
