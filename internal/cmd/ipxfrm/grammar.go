package ipxfrm

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "state", Sub: stateGrammar},
	{Name: "sa", Sub: stateGrammar},
	{Name: "policy", Sub: policyGrammar},
	{Name: "monitor", Words: "nokeys all-nsid all acquire expire SA aevent policy report"},
	{Name: "help"},
}

var stateGrammar = []completion.Verb{
	{Name: "add", Words: xfrmID + stateWords},
	{Name: "update", Words: xfrmID + stateWords},
	{Name: "allocspi", Words: xfrmID + " mode=MODE mark=MARK mask=MASK reqid=REQID seq=SEQ min=SPI max=SPI"},
	{Name: "delete", Words: xfrmID + " mark=MARK mask=MASK"},
	{Name: "deleteall", Words: xfrmID + " mode=MODE reqid=REQID flag=FLAG"},
	{Name: "list", Words: xfrmID + " nokeys mode=MODE reqid=REQID flag=FLAG"},
	{Name: "show", Words: xfrmID + " nokeys mode=MODE reqid=REQID flag=FLAG"},
	{Name: "lst", Words: xfrmID + " nokeys mode=MODE reqid=REQID flag=FLAG"},
	{Name: "get", Words: xfrmID + " mark=MARK mask=MASK"},
	{Name: "flush", Words: "proto=esp|ah|comp|route2|hao"},
	{Name: "count"},
	{Name: "help"},
}

var policyGrammar = []completion.Verb{
	{Name: "add", Words: xfrmSelector + policyWords},
	{Name: "update", Words: xfrmSelector + policyWords},
	{Name: "delete", Words: xfrmSelector + policyPick},
	{Name: "deleteall", Words: xfrmSelector + policyFilter},
	{Name: "list", Words: xfrmSelector + policyFilter},
	{Name: "show", Words: xfrmSelector + policyFilter},
	{Name: "lst", Words: xfrmSelector + policyFilter},
	{Name: "get", Words: xfrmSelector + policyPick},
	{Name: "flush", Words: "ptype=main|sub"},
	{Name: "count"},
	{Name: "set", Words: "hthresh4=LBITS hthresh6=LBITS"},
	{Name: "setdefault", Args: "DIR ACTION"},
	{Name: "getdefault"},
	{Name: "help"},
}

const xfrmID = "src=ADDR dst=ADDR proto=esp|ah|comp|route2|hao spi=SPI"

const stateWords = " enc=ALGO-NAME auth=ALGO-NAME auth-trunc=ALGO-NAME aead=ALGO-NAME comp=ALGO-NAME " +
	"mode=transport|tunnel|beet|ro|in_trigger mark=MARK mask=MASK reqid=REQID seq=SEQ replay-window=SIZE " +
	"replay-seq=SEQ replay-oseq=SEQ replay-seq-hi=SEQ replay-oseq-hi=SEQ " +
	"flag=noecn|decap-dscp|nopmtudisc|wildrecv|icmp|af-unspec|align4|esn sel limit=LIMIT " +
	"encap=espinudp|espinudp-nonike|espintcp coa=ADDR ctx=CTX extra-flag=dont-encap-dscp|oseq-may-wrap " +
	"offload dir=in|out output-mark=OUTPUT-MARK if_id=IF_ID tfcpad=LENGTH"

const xfrmSelector = "src=ADDR dst=ADDR dev=DEV proto=PROTO sport=PORT dport=PORT type=NUMBER code=NUMBER key=KEY"

const policyWords = " dir=in|out|fwd ctx=CTX mark=MARK mask=MASK index=INDEX ptype=main|sub action=allow|block " +
	"priority=PRIORITY flag=localok|icmp if_id=IF_ID limit=LIMIT tmpl level=required|use"

const policyPick = " index=INDEX dir=in|out|fwd ctx=CTX mark=MARK mask=MASK ptype=main|sub if_id=IF_ID"

const policyFilter = " nosock dir=in|out|fwd index=INDEX ptype=main|sub action=allow|block priority=PRIORITY " +
	"flag=localok|icmp"
