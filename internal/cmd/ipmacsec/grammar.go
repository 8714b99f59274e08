package ipmacsec

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "show", Args: "DEV"},
	{Name: "add", Args: "DEV", Words: macsecWords + " key"},
	{Name: "set", Args: "DEV", Words: macsecWords},
	{Name: "delete", Args: "DEV", Words: "tx rx sa=SA sci=SCI port=PORT address=LLADDR"},
	{Name: "offload", Args: "DEV", Words: "off phy mac"},
}

// macsecWords are add's and set's keywords (add also takes key); delete
// reads nothing after the SA or SC it names.
const macsecWords = "tx rx sa=SA pn=PN xpn=XPN salt=SALT ssci=SSCI on off sci=SCI port=PORT address=LLADDR"
