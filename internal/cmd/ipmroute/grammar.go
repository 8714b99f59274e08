package ipmroute

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "list", Words: mrouteWords},
	{Name: "show", Words: mrouteWords},
	{Name: "lst", Words: mrouteWords},
	{Name: "help"},
}

const mrouteWords = "to=PREFIX from=PREFIX iif=DEV table=TABLE"
