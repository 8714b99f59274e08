package ipmonitor

import "github.com/gipnet/gip/internal/completion"

// Grammar is ip monitor's words, in any order (it has no verbs), for
// shell completion and the man page. internal/app's TestGrammars checks
// it against the usage text.
var Grammar = completion.Verb{Words: "all address link mroute neigh netconf nexthop nsid prefix route rule stats " +
	"file=FILE label all-nsid dev=DEV help"}
