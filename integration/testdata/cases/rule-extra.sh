# ip rule: other families, sscanf-style numbers, realm names (rt_realms is
# read on the first realm without a builtin name), -batch.
ip -0 rule
ip -M rule
ip -f bridge rule
ip -0 rule add pref 5 table 5
ip -M rule add pref 5 table 5
ip -M rule
ip -M rule flush
ip -f bridge rule add pref 6 table 5
ip rule add pref 7 ipproto " 5" table 5
ip rule add pref 8 ipproto -1 table 5
ip rule add pref 9 uidrange "1000 -2000" table 5
ip rule add pref 10 uidrange "1000- 2000" table 5
ip rule show uidrange "1000- 2000"
ip rule add pref 11 fwmark " 5" table 5
ip rule add pref 12 realms 0x10001 table 5
ip rule add pref 13 realms 70000 table 5
ip rule add pref 14 realms 1/ table 5
ip rule
printf 'rule show table 5\nrule add pref 15 table 6\nrule add pref 16 table 5\n' > b; ip -batch b
ip rule flush
