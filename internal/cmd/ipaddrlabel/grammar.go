package ipaddrlabel

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "list"},
	{Name: "lst"},
	{Name: "show"},
	{Name: "add", Words: "prefix=PREFIX dev=DEV label=LABEL"},
	{Name: "delete", Words: "prefix=PREFIX dev=DEV label=LABEL"},
	{Name: "flush"},
	{Name: "help"},
}
