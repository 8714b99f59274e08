package ipneigh

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Words: neighModWords},
	{Name: "change", Words: neighModWords},
	{Name: "replace", Words: neighModWords},
	{Name: "delete", Words: neighModWords},
	{Name: "get", Words: "proxy=ADDR dev=DEV"},
	{Name: "show", Words: neighShowWords},
	{Name: "lst", Words: neighShowWords},
	{Name: "list", Words: neighShowWords},
	{Name: "flush", Words: neighShowWords},
	{Name: "help"},
}

const neighStatesWord = "nud=delay|failed|incomplete|noarp|none|permanent|probe|reachable|stale|all"

const neighModWords = "lladdr=LLADDR proxy=ADDR dev=DEV router use managed extern_learn protocol=PROTO " + neighStatesWord

const neighShowWords = "proxy to=PREFIX dev=DEV vrf=NAME master=DEV nomaster protocol=PROTO unused " + neighStatesWord
