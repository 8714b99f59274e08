package ipsr

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "hmac", Sub: []completion.Verb{
		{Name: "show"},
		{Name: "set", Args: "KEYID sha1|sha256"},
	}},
	{Name: "tunsrc", Sub: []completion.Verb{
		{Name: "show"},
		{Name: "set", Args: "ADDRESS"},
	}},
}
