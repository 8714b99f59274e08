package iproute

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Words: routeWords},
	{Name: "change", Words: routeWords},
	{Name: "replace", Words: routeWords},
	{Name: "prepend", Words: routeWords},
	{Name: "append", Words: routeWords},
	{Name: "test", Words: routeWords},
	{Name: "delete", Words: routeWords},
	{Name: "list", Words: routeSelector},
	{Name: "show", Words: routeSelector},
	{Name: "lst", Words: routeSelector},
	{Name: "get", Words: "fibmatch from=ADDRESS iif=DEV oif=DEV tos=TOS mark=NUMBER vrf=NAME uid=NUMBER ipproto=PROTOCOL sport=NUMBER dport=NUMBER connected"},
	{Name: "flush", Words: routeSelector},
	{Name: "save", Words: routeSelector},
	{Name: "restore"},
	{Name: "showdump"},
	{Name: "help"},
}

const routeTypes = " unicast local broadcast multicast anycast throw unreachable prohibit blackhole nat"

const routeSelector = "root=PREFIX match=PREFIX exact=PREFIX from=PREFIX table=TABLE vrf=NAME proto=PROTO " +
	"type=unicast|local|broadcast|multicast|anycast|throw|unreachable|prohibit|blackhole|nat " +
	"scope=SCOPE dev=DEV iif=DEV via=ADDRESS src=ADDRESS metric=NUMBER tos=TOS realms=REALM cloned"

const routeWords = "tos=TOS table=TABLE proto=PROTO scope=SCOPE metric=METRIC ttl-propagate=enabled|disabled " +
	"nhid=ID nexthop=NH encap=mpls|ip|ip6|seg6|seg6local|rpl|ioam6|xfrm via=ADDRESS dev=DEV weight=NUMBER onlink pervasive " +
	"src=ADDRESS as=ADDRESS realms=REALM mtu=NUMBER advmss=NUMBER hoplimit=NUMBER window=NUMBER cwnd=NUMBER " +
	"initcwnd=NUMBER initrwnd=NUMBER ssthresh=NUMBER reordering=NUMBER rtt=TIME rttvar=TIME rto_min=TIME " +
	"features=ecn quickack=1|0 congctl=NAME fastopen_no_cookie=1|0 pref=low|medium|high expires=TIME" + routeTypes
