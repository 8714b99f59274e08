package ipvrf

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "identify", Args: "PID"},
	{Name: "pids", Args: "NAME"},
	{Name: "exec", Args: "NAME COMMAND"},
	{Name: "show", Args: "NAME"},
	{Name: "lst", Args: "NAME"},
	{Name: "list", Args: "NAME"},
	{Name: "help"},
}
