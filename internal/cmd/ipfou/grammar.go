package ipfou

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "add", Words: "port=PORT ipproto=PROTO gue " + fouAddress},
	{Name: "delete", Words: "port=PORT " + fouAddress},
	{Name: "show"},
}

const fouAddress = "local=IFADDR peer=IFADDR peer_port=PORT dev=DEV"
