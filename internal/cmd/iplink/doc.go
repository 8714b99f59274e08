// Package iplink is the `ip link` command: its verbs (add, set, change,
// replace, delete, show, xstats, afstats, property, help), their usage
// texts and -echo, on top of the link library package.
//
// Printer is the one printer of link messages, in every output mode: the
// listing (ip link show and ip address show, see ipaddr.Show), -echo and
// ip monitor all print links through it. ip link show runs the listing of
// ip address (iproute2's ipaddr_list_link serves both), which the front
// end passes to Run as a Lister.
package iplink
