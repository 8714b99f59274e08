package iplink

import (
	"io"
	"strings"

	"github.com/gipnet/gip/link"
)

// WriteTypes writes the TYPE line of the link and address usage texts:
// every kind iproute2 6.1 has help for (`ip link help TYPE`), wrapped.
func WriteTypes(w io.Writer) {
	names := link.HelpKinds()
	var b strings.Builder
	line := "TYPE := {"
	for i, n := range names {
		word := " " + n
		if i < len(names)-1 {
			word += " |"
		} else {
			word += " }"
		}
		if len(line)+len(word) > 78 {
			b.WriteString(line + "\n")
			line = "         "
		}
		line += word
	}
	b.WriteString(line + "\n")
	io.WriteString(w, b.String())
}
