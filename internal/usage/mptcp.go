package usage

import "io"

// Mptcp is `ip mptcp help`.
func Mptcp(w io.Writer) {
	io.WriteString(w, `Usage: ip mptcp endpoint add ADDRESS [ dev NAME ] [ id ID ] [ port NR ] [ FLAG-LIST ]
       ip mptcp endpoint change [ id ID ] [ ADDRESS ] [ port NR ] CHANGE-OPT
       ip mptcp endpoint delete id ID [ ADDRESS ]
       ip mptcp endpoint { show [ id ID ] | flush }
       ip mptcp limits { show | set [ subflows NR ] [ add_addr_accepted NR ] }
       ip mptcp monitor
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG := [ signal | subflow | backup | fullmesh ]
CHANGE-OPT := [ backup | nobackup | fullmesh | nofullmesh ]
`)
}
