package usage

import "io"

// Netconf is `ip netconf help`.
func Netconf(w io.Writer) {
	io.WriteString(w, "Usage: ip netconf show [ dev STRING ]\n")
}
