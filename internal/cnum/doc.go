// Package cnum is C number and address syntax as iproute2's utils.c reads
// it: C's strtoul and strtol, the whole-word get_unsigned/get_u32/
// get_integer family built on them, glibc scanf's integer conversions, and
// the inet address grammar of get_addr_1, get_prefix_1 and get_netmask.
//
// Which words iproute2 takes is part of its command line: "010" is 8,
// " 5" and "+5" are 5, "-0" is 0, "10.1" is 10.1.0.0 and "255.255.0.0" is
// a prefix length of 16. Every command of gip reads numbers and addresses
// through this one package so that they all agree with iproute2 and with
// each other.
package cnum
