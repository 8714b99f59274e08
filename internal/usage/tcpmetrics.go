package usage

import "io"

// TCPMetrics is `ip tcp_metrics help` (also `ip tcpmetrics help`).
func TCPMetrics(w io.Writer) {
	io.WriteString(w, `Usage: ip tcp_metrics { COMMAND | help }    (or ip tcpmetrics)
COMMAND := { show | flush } SELECTOR | delete [ address ] ADDRESS
SELECTOR := [ [ address ] PREFIX ]
`)
}
