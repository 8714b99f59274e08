package ipnexthop

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Words: nexthopWords},
	{Name: "replace", Words: nexthopWords},
	{Name: "delete", Words: "id=ID"},
	{Name: "list", Words: nexthopSelector},
	{Name: "show", Words: nexthopSelector},
	{Name: "lst", Words: nexthopSelector},
	{Name: "get", Words: "id=ID"},
	{Name: "flush", Words: nexthopSelector},
	{Name: "bucket", Sub: []completion.Verb{
		{Name: "list", Words: nexthopSelector + " nhid=ID"},
		{Name: "show", Words: nexthopSelector + " nhid=ID"},
		{Name: "get", Words: "id=ID index=INDEX"},
	}},
	{Name: "help"},
}

const nexthopSelector = "protocol=ID id=ID dev=DEV vrf=NAME master=DEV groups fdb"

const nexthopWords = "id=ID protocol=ID blackhole via=ADDRESS dev=DEV onlink encap=mpls group=GROUP fdb " +
	"type=mpath|resilient buckets=BUCKETS idle_timer=IDLE unbalanced_timer=UNBALANCED"
