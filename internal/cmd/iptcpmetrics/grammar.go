package iptcpmetrics

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "list", Words: "address=PREFIX"},
	{Name: "lst", Words: "address=PREFIX"},
	{Name: "show", Words: "address=PREFIX"},
	{Name: "delete", Words: "address=ADDRESS"},
	{Name: "remove", Words: "address=ADDRESS"},
	{Name: "flush", Words: "address=PREFIX"},
	{Name: "help"},
}
