package usage

import "io"

// Maddress is `ip maddress help`.
func Maddress(w io.Writer) {
	io.WriteString(w, `Usage: ip maddr show [ dev STRING ]
       ip maddr [ add | del ] MULTIADDR dev STRING
`)
}
