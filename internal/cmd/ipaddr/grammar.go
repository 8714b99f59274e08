package ipaddr

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Words: addrModWords},
	{Name: "change", Words: addrModWords},
	{Name: "replace", Words: addrModWords},
	{Name: "delete", Words: "dev=DEV mngtmpaddr"},
	{Name: "list", Args: "DEV", Words: addrShowWords},
	{Name: "show", Args: "DEV", Words: addrShowWords},
	{Name: "lst", Args: "DEV", Words: addrShowWords},
	{Name: "flush", Words: addrFlushWords},
	{Name: "save", Words: addrFlushWords},
	{Name: "showdump"},
	{Name: "restore"},
	{Name: "help"},
}

const addrModWords = "dev=DEV peer=PREFIX broadcast=ADDR anycast=ADDR label=IFNAME scope=SCOPE metric=METRIC " +
	"valid_lft=forever preferred_lft=forever home nodad mngtmpaddr noprefixroute autojoin"

const addrFlags = " permanent dynamic secondary primary tentative -tentative deprecated -deprecated dadfailed -dadfailed temporary"

const addrFlushWords = "dev=DEV scope=SCOPE to=PREFIX label=LABEL up" + addrFlags

const addrShowWords = "dev=DEV scope=SCOPE master=DEV nomaster type=KIND to=PREFIX label=LABEL up vrf=NAME" + addrFlags
