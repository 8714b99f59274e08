package ipmaddr

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Words: "dev=DEV"},
	{Name: "delete", Words: "dev=DEV"},
	{Name: "list", Args: "DEV", Words: "dev=DEV"},
	{Name: "show", Args: "DEV", Words: "dev=DEV"},
	{Name: "lst", Args: "DEV", Words: "dev=DEV"},
	{Name: "help"},
}
