package usage

import "io"

// Token is `ip token help`.
func Token(w io.Writer) {
	io.WriteString(w, "Usage: ip token [ list | get | set | del ] [ TOKEN ] [ dev DEV ]\n")
}
