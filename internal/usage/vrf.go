package usage

import "io"

// Vrf is `ip vrf help`.
func Vrf(w io.Writer) {
	io.WriteString(w, `Usage: ip vrf show [ NAME ] ...
       ip vrf identify [ PID ]
       ip vrf pids [ NAME ]
       ip vrf exec [ NAME ] cmd ...
`)
}
