// Package integration holds gip's differential tests: each case file in
// testdata/cases is run once with the reference tools (iproute2's ip and
// bridge, bridge-utils' brctl) and once with gip, each in a fresh sandbox
// (new network and mount namespace, private /run/netns, /etc/netns and
// /sys), and the stdout, stderr and exit status of every command are
// compared after hiding what the kernel picks at random.
//
// The tests need root and skip without it. See README.md for the case
// file format.
package integration
