package iptunnel

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Args: "NAME", Words: tunnelWords},
	{Name: "change", Args: "NAME", Words: tunnelWords},
	{Name: "delete", Args: "NAME", Words: tunnelWords},
	{Name: "show", Args: "NAME", Words: tunnelWords},
	{Name: "lst", Args: "NAME", Words: tunnelWords},
	{Name: "list", Args: "NAME", Words: tunnelWords},
	{Name: "prl", Words: "prl-default=ADDR prl-nodefault=ADDR prl-delete=ADDR dev=DEV"},
	{Name: "6rd", Words: "6rd-prefix=ADDR 6rd-relay_prefix=ADDR 6rd-reset dev=DEV"},
	{Name: "help"},
}

const tunnelWords = "mode=ipip|gre|sit|isatap|vti remote=ADDR local=ADDR seq iseq oseq key=KEY ikey=KEY okey=KEY " +
	"csum icsum ocsum ttl=TTL tos=TOS pmtudisc nopmtudisc dev=DEV"
