package usage

import "io"

// Addrlabel is `ip addrlabel help`.
func Addrlabel(w io.Writer) {
	io.WriteString(w, `Usage: ip addrlabel [ list | flush | help ]
       ip addrlabel { add | del } prefix PREFIX [ dev DEV ] [ label LABEL ]
`)
}
