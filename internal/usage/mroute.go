package usage

import "io"

// Mroute is `ip mroute help`.
func Mroute(w io.Writer) {
	io.WriteString(w, `Usage: ip mroute show [ [ to ] PREFIX ] [ from PREFIX ] [ iif DEVICE ] [ table TABLE_ID ]
TABLE_ID := [ local | main | default | all | NUMBER ]
`)
}
