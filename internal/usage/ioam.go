package usage

import "io"

// Ioam is `ip ioam help`.
func Ioam(w io.Writer) {
	io.WriteString(w, `Usage: ip ioam { COMMAND | help }
COMMAND := namespace { show | add ID [ data DATA32 ] [ wide DATA64 ] | del ID |
                       set ID schema { ID | none } }
         | schema { show | add ID DATA | del ID }
`)
}
