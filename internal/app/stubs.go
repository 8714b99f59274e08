package app

import (
	"io"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/usage"
	"golang.org/x/sys/unix"
)

// stub is the front of an ip object gip does not implement yet: it reads
// the object's words as iproute2 dispatches them, far enough to answer
// `help` (its usage text, stream and exit status), the usage iproute2 gives
// for a missing word, and its error for an unknown one. Anything that would
// do real work is refused as not implemented. When an object gets its run
// function in the objects table, its stub is no longer used.
type stub struct {
	name  string                             // for "not implemented"
	usage func(env *cli.Env) func(io.Writer) // picks the usage text
	// helpOK: the usage text ends with status 0 (ip stats), not 255.
	helpOK bool
	// verbs in iproute2's order of tests; the first that the word
	// abbreviates wins. "=word" must be given whole (strcmp); "word+"
	// takes a value (in a loop).
	verbs []string
	// loop: every word is an option (ip monitor), not one verb.
	loop bool
	// noArgs: what iproute2 does without a word: "usage", an error
	// message (status 255), or "" for the object's default action.
	noArgs string
	// unknown is the message for a word that is no verb ("%s" is the
	// word), exit status 255; "usage" prints the usage text, and "" means
	// iproute2 asks the kernel first (generic netlink families this
	// kernel may lack), so gip refuses it as not implemented.
	unknown string
	// unknownCode is the exit status after unknown; 0 means 255 (and
	// iproute2 exits there).
	unknownCode int
	sub         map[string]*stub // verbs that are sub-objects
}

func usageText(fn func(io.Writer)) func(*cli.Env) func(io.Writer) {
	return func(*cli.Env) func(io.Writer) { return fn }
}

func unknownCmd(try string) string {
	return `Command "%s" is unknown, try "` + try + `".`
}

var xfrmStub = &stub{
	name: "xfrm", usage: usageText(usage.Xfrm), noArgs: "usage", unknown: "usage",
	verbs: []string{"state", "sa", "policy", "monitor", "help"},
	sub: map[string]*stub{
		"state": {
			name: "xfrm state", usage: usageText(usage.XfrmState), unknown: unknownCmd("ip xfrm state help"),
			verbs: []string{"add", "update", "allocspi", "delete", "deleteall", "delall", "list", "show", "lst", "get", "flush", "count", "help"},
		},
		"policy": {
			name: "xfrm policy", usage: usageText(usage.XfrmPolicy), unknown: unknownCmd("ip xfrm policy help"),
			verbs: []string{"add", "update", "delete", "deleteall", "delall", "list", "show", "lst", "get", "flush", "count", "set", "setdefault", "getdefault", "help"},
		},
		"monitor": {
			name: "xfrm monitor", usage: usageText(usage.XfrmMonitor), loop: true,
			unknown: `Argument "%s" is unknown, try "ip xfrm monitor help".`,
			verbs:   []string{"file+", "=nokeys", "=all", "all-nsid", "acquire", "expire", "SA", "aevent", "policy", "report", "help"},
		},
	},
}

func init() { xfrmStub.sub["sa"] = xfrmStub.sub["state"] }

var mptcpUnknown = unknownCmd("ip mptcp help")

var ioamSub = func(verbs ...string) *stub {
	return &stub{name: "ioam", usage: usageText(usage.Ioam), verbs: verbs,
		noArgs: "Command line is not complete. Try option \"help\"", unknown: `Error: argument "%s" is wrong: Unknown`}
}

var srSub = &stub{name: "sr", usage: usageText(usage.Sr), verbs: []string{"show", "set"},
	noArgs: "Command line is not complete. Try option \"help\"", unknown: `Error: argument "%s" is wrong: unknown`}

var statsSub = &stub{name: "stats", usage: usageText(usage.Stats), helpOK: true, verbs: []string{"=help"}}

var tcpMetricsStub = &stub{
	name: "tcp_metrics", usage: usageText(usage.TCPMetrics), unknown: unknownCmd("ip tcp_metrics help"),
	verbs: []string{"list", "lst", "show", "delete", "remove", "flush", "help"},
}

var tunnelStub = &stub{
	name: "tunnel", unknown: `Command "%s" is unknown, try "ip tunnel help"`,
	usage: func(env *cli.Env) func(io.Writer) {
		if env.Opts.Family == unix.AF_INET6 {
			return usage.Tunnel6
		}
		return usage.Tunnel
	},
	verbs: []string{"add", "change", "delete", "show", "lst", "list", "prl", "6rd", "help"},
}

var ntableStub = &stub{
	name: "ntable", usage: usageText(usage.Ntable), unknown: unknownCmd("ip ntable help"),
	verbs: []string{"change", "chg", "show", "lst", "list", "help"},
}

// stubs are keyed by the name in the objects table.
var stubs = map[string]*stub{
	"addrlabel": {
		name: "addrlabel", usage: usageText(usage.Addrlabel), unknown: unknownCmd("ip addrlabel help"),
		verbs: []string{"list", "lst", "show", "add", "delete", "flush", "help"},
	},
	"maddress": {
		name: "maddress", usage: usageText(usage.Maddress), unknown: unknownCmd("ip maddr help"),
		verbs: []string{"add", "delete", "list", "show", "lst", "help"},
	},
	"ntable": ntableStub,
	"ntbl":   ntableStub,
	"l2tp": {
		name: "l2tp", usage: usageText(usage.L2tp), noArgs: "usage",
		verbs: []string{"help", "add", "delete", "show", "lst", "list"},
	},
	"fou": {
		name: "fou", usage: usageText(usage.Fou), noArgs: "usage",
		verbs: []string{"help", "add", "delete", "show"},
	},
	"ila": {
		name: "ila", usage: usageText(usage.Ila), noArgs: "usage",
		verbs: []string{"help", "add", "delete", "list"},
	},
	"macsec": {
		name: "macsec", usage: usageText(usage.Macsec), noArgs: "usage",
		verbs: []string{"help", "show", "add", "set", "delete", "offload"},
	},
	"tunnel":      tunnelStub,
	"tunl":        tunnelStub,
	"token":       {name: "token", usage: usageText(usage.Token), unknown: unknownCmd("ip token help"), verbs: []string{"list", "lst", "show", "set", "add", "delete", "get", "help"}},
	"tcpmetrics":  tcpMetricsStub,
	"tcp_metrics": tcpMetricsStub,
	"monitor": {
		name: "monitor", usage: usageText(usage.Monitor), loop: true, unknown: `Argument "%s" is unknown, try "ip monitor help".`,
		verbs: []string{"file+", "label", "link", "address", "route", "mroute", "prefix", "neigh", "netconf", "rule", "nsid", "nexthop", "=stats", "=all", "all-nsid", "help", "=dev+"},
	},
	"xfrm": xfrmStub,
	"mroute": {
		name: "mroute", usage: usageText(usage.Mroute), unknown: unknownCmd("ip mroute help"),
		verbs: []string{"list", "show", "lst", "help"},
	},
	"netconf": {
		name: "netconf", usage: usageText(usage.Netconf), unknown: unknownCmd("ip netconf help"),
		verbs: []string{"show", "lst", "list", "help"},
	},
	"vrf": {
		name: "vrf", usage: usageText(usage.Vrf), unknown: unknownCmd("ip vrf help"),
		verbs: []string{"identify", "pids", "exec", "show", "lst", "list", "help"},
	},
	"sr": {
		name: "sr", usage: usageText(usage.Sr), noArgs: "usage", unknown: `Error: argument "%s" is wrong: unknown`,
		verbs: []string{"help", "hmac", "tunsrc"},
		sub:   map[string]*stub{"hmac": srSub, "tunsrc": srSub},
	},
	"nexthop": {
		name: "nexthop", usage: usageText(usage.Nexthop), unknown: unknownCmd("ip nexthop help"),
		verbs: []string{"add", "replace", "delete", "list", "show", "lst", "get", "flush", "bucket", "help"},
	},
	"mptcp": {
		name: "mptcp", usage: usageText(usage.Mptcp), noArgs: "usage", unknown: mptcpUnknown,
		verbs: []string{"help", "endpoint", "limits", "monitor"},
		sub: map[string]*stub{
			"endpoint": {name: "mptcp endpoint", usage: usageText(usage.Mptcp), unknown: mptcpUnknown, verbs: []string{"add", "change", "delete", "show", "flush"}},
			"limits":   {name: "mptcp limits", usage: usageText(usage.Mptcp), unknown: mptcpUnknown, verbs: []string{"set", "show"}},
			"monitor":  {name: "mptcp monitor", usage: usageText(usage.Mptcp), unknown: mptcpUnknown},
		},
	},
	"ioam": {
		name: "ioam", usage: usageText(usage.Ioam), noArgs: "usage", unknown: `Error: argument "%s" is wrong: Unknown`,
		verbs: []string{"=help", "=namespace", "=schema"},
		sub:   map[string]*stub{"namespace": ioamSub("=show", "=add", "=del", "=set"), "schema": ioamSub("=show", "=add", "=del")},
	},
	"stats": {
		name: "stats", usage: usageText(usage.Stats), helpOK: true, unknownCode: 1,
		unknown: `Command "%s" is unknown, try "ip stats help".`,
		verbs:   []string{"=help", "=show", "=set"},
		sub:     map[string]*stub{"show": statsSub, "set": statsSub},
	},
}

// matchVerb returns the verb words[0] selects and whether it takes a value.
func (s *stub) matchVerb(word string) (verb string, value bool) {
	for _, v := range s.verbs {
		exact := strings.HasPrefix(v, "=")
		v = strings.TrimPrefix(v, "=")
		takes := strings.HasSuffix(v, "+")
		v = strings.TrimSuffix(v, "+")
		if (exact && word == v) || (!exact && cli.Matches(word, v)) {
			return v, takes
		}
	}
	return "", false
}

func (s *stub) printUsage(env *cli.Env) error {
	env.P.Flush()
	s.usage(env)(env.Stderr)
	if s.helpOK {
		return nil
	}
	return cli.Usage()
}

func (s *stub) notImplemented() error {
	return cli.Exit(1, "Object \"%s\" is not implemented in gip yet.", s.name)
}

// run reads words as the object would.
func (s *stub) run(env *cli.Env, words []string) error {
	if len(words) == 0 {
		switch s.noArgs {
		case "":
			return s.notImplemented()
		case "usage":
			return s.printUsage(env)
		default:
			return cli.Fatal(255, "%s", s.noArgs)
		}
	}
	for i := 0; i < len(words); i++ {
		verb, value := s.matchVerb(words[i])
		switch {
		case verb == "help":
			return s.printUsage(env)
		case verb == "" && s.unknown == "usage":
			return s.printUsage(env)
		case verb == "" && s.unknown == "":
			return s.notImplemented()
		case verb == "" && s.unknownCode != 0:
			return cli.Exit(s.unknownCode, s.unknown, words[i])
		case verb == "":
			return cli.Fatal(255, s.unknown, words[i])
		case s.sub[verb] != nil:
			return s.sub[verb].run(env, words[i+1:])
		case !s.loop:
			return s.notImplemented()
		case value:
			i++
		}
	}
	return s.notImplemented()
}
