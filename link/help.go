package link

import (
	"fmt"
	"io"
	"slices"
)

// WriteKindHelp writes the options of link type name to w, as `ip link help
// TYPE` prints them (to stdout), and reports true; for a name iproute2 6.1
// has no module for it writes nothing and reports false (then the caller
// prints ip link's general usage).
func WriteKindHelp(w io.Writer, name string) bool {
	if !iproute2Kinds()[name] {
		return false
	}
	if k := LookupKind(name); k != nil && k.Help != nil {
		k.Help(w)
		return true
	}
	if text, ok := requestOnlyHelp(name); ok {
		io.WriteString(w, text)
		return true
	}
	fmt.Fprintf(w, "Usage: ... %s [ OPTIONS ]\n(gip sends the %s options as iproute2 does; see ip-link(8))\n", name, name)
	return true
}

// IsIProute2Kind reports whether iproute2 6.1 has a module for link type
// name (its link_util table): `ip link xstats type TYPE` accepts exactly
// these names.
func IsIProute2Kind(name string) bool {
	_, ok := iproute2Kinds()[name]
	return ok
}

// HelpKinds returns, sorted, the link types `ip link help TYPE` has help
// for: the TYPE list of ip link's and ip address's usage texts.
func HelpKinds() []string {
	var names []string
	for name, hasHelp := range iproute2Kinds() {
		if hasHelp {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
