package usage

import "io"

// Sr is `ip sr help`.
func Sr(w io.Writer) {
	io.WriteString(w, `Usage: ip sr { COMMAND | help }
COMMAND := hmac show | hmac set KEYID ALGO | tunsrc show | tunsrc set ADDRESS
where  ALGO := { sha1 | sha256 }
`)
}
