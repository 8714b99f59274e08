package ipila

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "add", Words: "loc_match=LOCATOR_MATCH loc=LOCATOR dev=DEV ident-type=luid|use-format " +
		"csum-mode=no-action|neutral-map|neutral-map-auto|adj-transport"},
	{Name: "delete", Words: "loc_match=LOCATOR_MATCH loc=LOCATOR dev=DEV"},
	{Name: "list"},
}
