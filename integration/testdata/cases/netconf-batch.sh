# -batch after ip netconf: iproute2's netconf listing turns off, on ip's
# one handle, the lines its dump loop prints for a dump the kernel refuses
# with an error message, so later refused dumps (addrlabel -4) print only
# "Dump terminated"; refusals in the dump's end (mrule) still print. A
# listing that fails half-way leaves its JSON array open and the next
# command opens another.
/usr/sbin/ip link set lo up
printf 'netconf\naddrlabel\n' > b1; ip -4 -force -batch b1
printf 'addrlabel\nnetconf\naddrlabel\naddrlabel\n' > b2; ip -4 -force -batch b2
printf 'netconf\naddrlabel\nlink show lo\n' > b3; ip -4 -force -batch b3
printf 'netconf show dev lo\naddrlabel\n' > b4; ip -4 -force -batch b4
printf 'netconf\naddrlabel\naddrlabel add prefix 1.2.3.0/24\n' > b5; ip -4 -force -batch b5
printf 'netconf\nmrule\nmrule\n' > b6; ip -force -batch b6
printf 'mrule\nlink show lo\nmrule\n' > b7; ip -force -batch b7
printf 'mrule\nlink show lo\nmrule\n' > b8; ip -j -force -batch b8
printf 'addrlabel\nlink show lo\naddrlabel\n' > b9; ip -4 -j -force -batch b9
printf 'netconf\naddrlabel\nlink show lo\n' > b10; ip -4 -j -p -force -batch b10
printf 'netconf\n-0 rule\nrule\n' > b11; ip -force -batch b11
printf 'netconf\naddrlabel\n' > b12; ip -4 -batch b12
ip -4 addrlabel
ip mrule
