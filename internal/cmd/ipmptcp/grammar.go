package ipmptcp

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "endpoint", Sub: []completion.Verb{
		{Name: "add", Args: "ADDRESS", Words: "dev=DEV id=ID port=NR signal subflow backup fullmesh"},
		{Name: "change", Args: "ADDRESS", Words: "id=ID port=NR backup nobackup fullmesh nofullmesh"},
		{Name: "delete", Args: "ADDRESS", Words: "id=ID"},
		{Name: "show", Words: "id=ID"},
		{Name: "flush"},
	}},
	{Name: "limits", Sub: []completion.Verb{
		{Name: "set", Words: "subflows=NR add_addr_accepted=NR"},
		{Name: "show"},
	}},
	{Name: "monitor"},
}
