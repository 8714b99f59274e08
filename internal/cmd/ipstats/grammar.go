package ipstats

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "show", Words: "dev=DEV group=link|xstats|xstats_slave|offload|afstats subgroup=bridge|bond|cpu_hit|hw_stats_info|l3_stats|mpls suite=stp|mcast|802.3ad"},
	{Name: "set", Words: "dev=DEV l3_stats=on|off"},
}
