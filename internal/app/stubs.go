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

// stubs are keyed by the name in the objects table.
var stubs = map[string]*usage.Stub{
	"monitor": {
		Name: "monitor", Usage: usage.Text(usage.Monitor), Loop: true, Unknown: `Argument "%s" is unknown, try "ip monitor help".`,
		Verbs: []string{"file+", "label", "link", "address", "route", "mroute", "prefix", "neigh", "netconf", "rule", "nsid", "nexthop", "=stats", "=all", "all-nsid", "help", "=dev+"},
	},
	"nexthop": {
		Name: "nexthop", Usage: usage.Text(usage.Nexthop), Unknown: unknownCmd("ip nexthop help"),
		Verbs: []string{"add", "replace", "delete", "list", "show", "lst", "get", "flush", "bucket", "help"},
	},
}
