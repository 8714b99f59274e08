package app

// stubs.go: the fronts of the ip objects gip does not implement yet (see
// usage.Stub); an object that gets a run function in the objects table
// no longer uses its row here.

import (
	"github.com/gipnet/gip/internal/usage"
)

func unknownCmd(try string) string {
	return `Command "%s" is unknown, try "` + try + `".`
}

var xfrmStub = &usage.Stub{
	Name: "xfrm", Usage: usage.Text(usage.Xfrm), NoArgs: "usage", Unknown: "usage",
	Verbs: []string{"state", "sa", "policy", "monitor", "help"},
	Sub: map[string]*usage.Stub{
		"state": {
			Name: "xfrm state", Usage: usage.Text(usage.XfrmState), Unknown: unknownCmd("ip xfrm state help"),
			Verbs: []string{"add", "update", "allocspi", "delete", "deleteall", "delall", "list", "show", "lst", "get", "flush", "count", "help"},
		},
		"policy": {
			Name: "xfrm policy", Usage: usage.Text(usage.XfrmPolicy), Unknown: unknownCmd("ip xfrm policy help"),
			Verbs: []string{"add", "update", "delete", "deleteall", "delall", "list", "show", "lst", "get", "flush", "count", "set", "setdefault", "getdefault", "help"},
		},
		"monitor": {
			Name: "xfrm monitor", Usage: usage.Text(usage.XfrmMonitor), Loop: true,
			Unknown: `Argument "%s" is unknown, try "ip xfrm monitor help".`,
			Verbs:   []string{"file+", "=nokeys", "=all", "all-nsid", "acquire", "expire", "SA", "aevent", "policy", "report", "help"},
		},
	},
}

func init() { xfrmStub.Sub["sa"] = xfrmStub.Sub["state"] }

var mptcpUnknown = unknownCmd("ip mptcp help")

var ioamSub = func(verbs ...string) *usage.Stub {
	return &usage.Stub{Name: "ioam", Usage: usage.Text(usage.Ioam), Verbs: verbs,
		NoArgs: "Command line is not complete. Try option \"help\"", Unknown: `Error: argument "%s" is wrong: Unknown`}
}

var srSub = &usage.Stub{Name: "sr", Usage: usage.Text(usage.Sr), Verbs: []string{"show", "set"},
	NoArgs: "Command line is not complete. Try option \"help\"", Unknown: `Error: argument "%s" is wrong: unknown`}

// stubs are keyed by the name in the objects table.
var stubs = map[string]*usage.Stub{
	"l2tp": {
		Name: "l2tp", Usage: usage.Text(usage.L2tp), NoArgs: "usage",
		Verbs: []string{"help", "add", "delete", "show", "lst", "list"},
	},
	"fou": {
		Name: "fou", Usage: usage.Text(usage.Fou), NoArgs: "usage",
		Verbs: []string{"help", "add", "delete", "show"},
	},
	"ila": {
		Name: "ila", Usage: usage.Text(usage.Ila), NoArgs: "usage",
		Verbs: []string{"help", "add", "delete", "list"},
	},
	"macsec": {
		Name: "macsec", Usage: usage.Text(usage.Macsec), NoArgs: "usage",
		Verbs: []string{"help", "show", "add", "set", "delete", "offload"},
	},
	"monitor": {
		Name: "monitor", Usage: usage.Text(usage.Monitor), Loop: true, Unknown: `Argument "%s" is unknown, try "ip monitor help".`,
		Verbs: []string{"file+", "label", "link", "address", "route", "mroute", "prefix", "neigh", "netconf", "rule", "nsid", "nexthop", "=stats", "=all", "all-nsid", "help", "=dev+"},
	},
	"xfrm": xfrmStub,
	"sr": {
		Name: "sr", Usage: usage.Text(usage.Sr), NoArgs: "usage", Unknown: `Error: argument "%s" is wrong: unknown`,
		Verbs: []string{"help", "hmac", "tunsrc"},
		Sub:   map[string]*usage.Stub{"hmac": srSub, "tunsrc": srSub},
	},
	"nexthop": {
		Name: "nexthop", Usage: usage.Text(usage.Nexthop), Unknown: unknownCmd("ip nexthop help"),
		Verbs: []string{"add", "replace", "delete", "list", "show", "lst", "get", "flush", "bucket", "help"},
	},
	"mptcp": {
		Name: "mptcp", Usage: usage.Text(usage.Mptcp), NoArgs: "usage", Unknown: mptcpUnknown,
		Verbs: []string{"help", "endpoint", "limits", "monitor"},
		Sub: map[string]*usage.Stub{
			"endpoint": {Name: "mptcp endpoint", Usage: usage.Text(usage.Mptcp), Unknown: mptcpUnknown, Verbs: []string{"add", "change", "delete", "show", "flush"}},
			"limits":   {Name: "mptcp limits", Usage: usage.Text(usage.Mptcp), Unknown: mptcpUnknown, Verbs: []string{"set", "show"}},
			"monitor":  {Name: "mptcp monitor", Usage: usage.Text(usage.Mptcp), Unknown: mptcpUnknown},
		},
	},
	"ioam": {
		Name: "ioam", Usage: usage.Text(usage.Ioam), NoArgs: "usage", Unknown: `Error: argument "%s" is wrong: Unknown`,
		Verbs: []string{"=help", "=namespace", "=schema"},
		Sub:   map[string]*usage.Stub{"namespace": ioamSub("=show", "=add", "=del", "=set"), "schema": ioamSub("=show", "=add", "=del")},
	},
}
