package link

import (
	"io"
	"sort"
	"strings"
)

// WriteTypes writes the TYPE line of the link and address usage texts:
// every kind iproute2 6.1 has help for (`ip link help TYPE`), wrapped.
func WriteTypes(w io.Writer) {
	var names []string
	for name, hasHelp := range iproute2Kinds {
		if hasHelp {
			names = append(names, name)
		}
	}
	sort.Strings(names)
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
