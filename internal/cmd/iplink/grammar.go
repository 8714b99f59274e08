package iplink

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "add", Words: linkAddWords + " type=KIND"},
	{Name: "set", Args: "DEV", Words: linkSetWords},
	{Name: "change", Args: "DEV", Words: linkSetWords},
	{Name: "replace", Words: linkAddWords + " type=KIND"},
	{Name: "delete", Args: "DEV", Words: "dev=DEV group=DEVGROUP type=KIND"},
	{Name: "show", Args: "DEV", Words: "dev=DEV group=GROUP up master=DEV nomaster vrf=NAME type=KIND"},
	{Name: "lst", Args: "DEV", Words: "dev=DEV group=GROUP up master=DEV nomaster vrf=NAME type=KIND"},
	{Name: "list", Args: "DEV", Words: "dev=DEV group=GROUP up master=DEV nomaster vrf=NAME type=KIND"},
	{Name: "xstats", Words: "type=KIND"},
	{Name: "afstats", Words: "dev=DEV"},
	{Name: "property", Sub: []completion.Verb{
		{Name: "add", Words: "dev=DEV altname=NAME"},
		{Name: "del", Words: "dev=DEV altname=NAME"},
	}},
	{Name: "help", Args: "KIND"},
}

const linkAddWords = "link=DEV parentdev=NAME name=NAME txqueuelen=PACKETS address=LLADDR broadcast=LLADDR " +
	"mtu=MTU index=IDX numtxqueues=QUEUE_COUNT numrxqueues=QUEUE_COUNT netns=NETNS"

const linkSetWords = "dev=DEV group=DEVGROUP up down type=KIND name=NEWNAME " +
	"arp=on|off dynamic=on|off multicast=on|off allmulticast=on|off promisc=on|off trailers=on|off carrier=on|off " +
	"txqueuelen=PACKETS address=LLADDR broadcast=LLADDR mtu=MTU netns=NETNS alias=NAME " +
	"link-netns=NAME link-netnsid=ID master=DEV vrf=NAME nomaster " +
	"addrgenmode=eui64|none|stable_secret|random protodown=on|off protodown_reason=PREASON " +
	"gso_max_size=BYTES gso_max_segs=PACKETS gro_max_size=BYTES " +
	"xdp=off|pinned|object xdpgeneric=off|pinned|object xdpdrv=off|pinned|object xdpoffload=off|pinned|object vf=NUM"
