package usage

import "io"

// Macsec is `ip macsec help`.
func Macsec(w io.Writer) {
	io.WriteString(w, `Usage: ip macsec { add | set | del } DEV tx sa { 0..3 } [ OPTS ] [ key ID KEY ]
       ip macsec { add | set | del } DEV rx SCI [ on | off ]
       ip macsec { add | set | del } DEV rx SCI sa { 0..3 } [ OPTS ] [ key ID KEY ]
       ip macsec show [ DEV ]
       ip macsec offload DEV [ off | phy | mac ]
(key ID KEY is given with add only)
where  OPTS := [ pn <u32> | xpn <u64> ] [ salt SALT ] [ ssci <u32> ] [ on | off ]
       SCI  := { sci <u64> | port { 1..2^16-1 } address <lladdr> }
       ID   := a 128-bit hex string
       KEY  := a 128-bit or 256-bit hex string
       SALT := a 96-bit hex string
`)
}
