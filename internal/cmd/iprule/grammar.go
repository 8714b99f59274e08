package iprule

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "list", Words: grammarSelector},
	{Name: "lst", Words: grammarSelector},
	{Name: "show", Words: grammarSelector},
	{Name: "save", Words: grammarSelector},
	{Name: "restore"},
	{Name: "add", Words: grammarSelector + grammarAction},
	{Name: "delete", Words: grammarSelector + grammarAction},
	{Name: "flush", Words: grammarSelector},
	{Name: "help"},
}

const grammarSelector = "not from=PREFIX to=PREFIX tos=TOS fwmark=FWMARK iif=DEV oif=DEV pref=NUMBER l3mdev " +
	"uidrange=NUMBER-NUMBER ipproto=PROTOCOL sport=NUMBER dport=NUMBER"

const grammarAction = " table=TABLE protocol=PROTO nat=ADDRESS realms=DSTREALM goto=NUMBER " +
	"suppress_prefixlength=NUMBER suppress_ifgroup=DEVGROUP"
