package iptunnel

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords for `ip tunnel`, for shell completion and the man page.
// internal/app's TestGrammars checks it against Run and the usage text.
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

// Grammar6 is the same for `ip -6 tunnel` (or `-f inet6`), which `ip
// tunnel` also becomes when its first mode word is an IPv6 mode: no prl
// or 6rd, and ip6tunnel's keywords.
var Grammar6 = []completion.Verb{
	{Name: "add", Args: "NAME", Words: tunnel6Words},
	{Name: "change", Args: "NAME", Words: tunnel6Words},
	{Name: "delete", Args: "NAME", Words: tunnel6Words},
	{Name: "show", Args: "NAME", Words: tunnel6Words},
	{Name: "lst", Args: "NAME", Words: tunnel6Words},
	{Name: "list", Args: "NAME", Words: tunnel6Words},
	{Name: "help"},
}

// The keywords of iptunnel.c's parse_args and ip6tunnel.c's parse_args
// (their undocumented short forms hlim, tc and fl left out).
const (
	keyWords = "seq iseq oseq key=KEY ikey=KEY okey=KEY csum icsum ocsum"

	tunnelWords = "mode=ipip|gre|sit|isatap|vti remote=ADDR local=ADDR " + keyWords +
		" ttl=TTL hoplimit=TTL tos=TOS tclass=TOS dsfield=TOS pmtudisc nopmtudisc dev=DEV"

	tunnel6Words = "mode=ip6ip6|ipip6|ip6gre|vti6|any remote=ADDR local=ADDR dev=DEV encaplimit=ELIM " +
		"hoplimit=TTL ttl=TTL tclass=TCLASS tos=TCLASS dsfield=TCLASS flowlabel=FLOWLABEL dscp=inherit " +
		"allow-localremote noallow-localremote " + keyWords
)
