package app

// stubs.go: the fronts of the ip objects gip does not implement yet (see
// usage.Stub); an object that gets a run function in the objects table
// no longer uses its row here.

import (
	"io"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/usage"
	"golang.org/x/sys/unix"
)

func unknownCmd(try string) string {
	return `Command "%s" is unknown, try "` + try + `".`
}

var tunnelStub = &usage.Stub{
	Name: "tunnel", Unknown: `Command "%s" is unknown, try "ip tunnel help"`,
	Usage: func(env *cli.Env) func(io.Writer) {
		if env.Opts.Family == unix.AF_INET6 {
			return usage.Tunnel6
		}
		return usage.Tunnel
	},
	Verbs: []string{"add", "change", "delete", "show", "lst", "list", "prl", "6rd", "help"},
}

// stubs are keyed by the name in the objects table.
var stubs = map[string]*usage.Stub{
	"tunnel": tunnelStub,
	"tunl":   tunnelStub,
	"monitor": {
		Name: "monitor", Usage: usage.Text(usage.Monitor), Loop: true, Unknown: `Argument "%s" is unknown, try "ip monitor help".`,
		Verbs: []string{"file+", "label", "link", "address", "route", "mroute", "prefix", "neigh", "netconf", "rule", "nsid", "nexthop", "=stats", "=all", "all-nsid", "help", "=dev+"},
	},
	"nexthop": {
		Name: "nexthop", Usage: usage.Text(usage.Nexthop), Unknown: unknownCmd("ip nexthop help"),
		Verbs: []string{"add", "replace", "delete", "list", "show", "lst", "get", "flush", "bucket", "help"},
	},
}
