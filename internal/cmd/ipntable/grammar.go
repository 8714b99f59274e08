package ipntable

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "change", Words: ntableChange},
	{Name: "chg", Words: ntableChange},
	{Name: "show", Words: "dev=DEV name=NAME"},
	{Name: "lst", Words: "dev=DEV name=NAME"},
	{Name: "list", Words: "dev=DEV name=NAME"},
	{Name: "help"},
}

const ntableChange = "name=NAME dev=DEV thresh1=VAL thresh2=VAL thresh3=VAL gc_int=MSEC " +
	"base_reachable=MSEC retrans=MSEC gc_stale=MSEC delay_probe=MSEC queue=LEN app_probes=VAL " +
	"ucast_probes=VAL mcast_probes=VAL anycast_delay=MSEC proxy_delay=MSEC proxy_queue=LEN locktime=MSEC"
