package iptuntap

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Args: "NAME", Words: tuntapWords},
	{Name: "delete", Args: "NAME", Words: tuntapWords},
	{Name: "show", Words: tuntapWords},
	{Name: "lst", Words: tuntapWords},
	{Name: "list", Words: tuntapWords},
	{Name: "help"},
}

const tuntapWords = "dev=DEV mode=tun|tap user=USER group=GROUP one_queue pi vnet_hdr multi_queue name=NAME"
