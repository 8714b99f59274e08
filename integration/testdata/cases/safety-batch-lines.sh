# -batch lines at their limits: 511 words are a command, 512 end ip with
# "Too many arguments to command" (the rest of the batch is not run); a NUL
# ends a line; an empty file name is a file that does not exist.
/usr/sbin/ip link set lo up
(printf 'a %.0s' $(seq 1 511); echo; echo 'link show lo') > w511
(echo 'link show lo'; printf 'a %.0s' $(seq 1 512); echo; echo 'link show lo') > w512
(echo 'link show lo'; printf 'a %.0s' $(seq 1 600); echo) > w600
ip -batch w511
ip -force -batch w511
ip -batch w512
ip -force -batch w512
ip -batch w600
printf 'link show lo\0 garbage\nlink show lo # x\0y\naddr show dev lo\0\n' > wnul
ip -batch wnul
ip -o -batch wnul
ip -batch ''
ip -force -batch ''
ip -batch '' link show
