package ipl2tp

import "github.com/gipnet/gip/internal/completion"

// Grammar is this command's verbs (in the order Run tries them) and their
// keywords, for shell completion and the man page. internal/app's
// TestGrammars checks it against Run and the usage text.
var Grammar = []completion.Verb{
	{Name: "help"},
	{Name: "add", Sub: []completion.Verb{
		{Name: "tunnel", Words: "tunnel_id=ID peer_tunnel_id=ID remote=ADDR local=ADDR encap=ip|udp " +
			"udp_sport=PORT udp_dport=PORT udp_csum=on|off udp6_csum_tx=on|off udp6_csum_rx=on|off"},
		{Name: "session", Words: "name=NAME tunnel_id=ID session_id=ID peer_session_id=ID cookie=HEXSTR " +
			"peer_cookie=HEXSTR l2spec_type=default|none seq=none|send|recv|both"},
	}},
	{Name: "delete", Sub: []completion.Verb{
		{Name: "tunnel", Words: "tunnel_id=ID"},
		{Name: "session", Words: "tunnel_id=ID session_id=ID"},
	}},
	{Name: "show", Sub: l2tpShow},
	{Name: "lst", Sub: l2tpShow},
	{Name: "list", Sub: l2tpShow},
}

var l2tpShow = []completion.Verb{
	{Name: "tunnel", Words: "tunnel_id=ID"},
	{Name: "session", Words: "tunnel_id=ID session_id=ID"},
}
