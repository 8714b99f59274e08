package ipioam

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
// Its keywords are matched whole, not as abbreviations.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "namespace", Sub: []completion.Verb{
		{Name: "show"},
		{Name: "add", Args: "ID", Words: "data=DATA32 wide=DATA64"},
		{Name: "del", Args: "ID"},
		{Name: "set", Args: "ID", Words: "schema=ID"},
	}},
	{Name: "schema", Sub: []completion.Verb{
		{Name: "show"},
		{Name: "add", Args: "ID DATA"},
		{Name: "del", Args: "ID"},
	}},
}
