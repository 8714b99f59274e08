# Found by the random run (make randdiff): a rule the kernel refuses is a
# failed command under -batch (iproute2 returns, it does not exit).
printf 'rule delete su 42 priority 4294967295 got 100\nlink show lo\n' > b1; ip -batch b1
printf 'rule delete su 42 priority 4294967295 got 100\nlink show lo\n' > b1; ip -force -batch b1
printf 'rule delete suppress_ifgroup 42\nlink show lo\n' > b2; ip -force -batch b2
printf 'ru delete nop sport 99999999999999999999 blackho\nlink show lo\n' > b3; ip -batch b3
printf 'rule add from 10.0.0.0/24 table 100 pref 1000\nrule add from 10.0.0.0/24 table 100 pref 1000\nrule show\n' > b4; ip -force -batch b4
ip -echo rule delete su 42 priority 4294967295 got 100
printf 'rule del unreachable\nlink property add dev dddddddddddddddd altname\n' > b5; ip -force -batch b5
