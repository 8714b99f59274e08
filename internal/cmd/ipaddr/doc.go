// Package ipaddr is the `ip address` command: add, change, replace,
// delete, show, flush, save, showdump, restore and help, on top of the addr
// and link library packages.
//
// Show is iproute2's ipaddr_list_link, the one listing of links and their
// addresses behind both `ip address show` and `ip link show` (the front end
// passes it to iplink.Run). Printer is the one printer of address
// messages: the listing, flush, showdump, -echo and ip monitor all print
// addresses through it.
package ipaddr
