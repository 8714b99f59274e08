package usage

import "io"

// Fou is `ip fou help`.
func Fou(w io.Writer) {
	io.WriteString(w, `Usage: ip fou add port PORT { ipproto PROTO | gue } [ local IFADDR ] [ peer IFADDR ] [ peer_port PORT ] [ dev IFNAME ]
       ip fou del port PORT [ local IFADDR ] [ peer IFADDR ] [ peer_port PORT ] [ dev IFNAME ]
       ip fou show
Where: PORT := { 1..65535 }    PROTO := { ipproto-name | 1..255 }    IFADDR := { addr }
`)
}
