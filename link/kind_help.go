package link

import (
	"fmt"
	"io"
	"sync"

	"github.com/gipnet/gip/internal/cmdline"
)

// iproute2Kinds are the link types iproute2 6.1 has a module for (its
// link_util table), mapped to whether that module prints help for `ip link
// help TYPE`. `ip link xstats type TYPE` accepts exactly these names.
func iproute2Kinds() map[string]bool {
	iproute2KindsOnce.Do(func() {
		iproute2KindsMap = map[string]bool{
			"amt": true, "bareudp": true, "batadv": true, "bond": true, "bond_slave": true,
			"bridge": true, "bridge_slave": true, "can": true, "dsa": true, "dummy": true,
			"erspan": true, "geneve": true, "gre": true, "gretap": true, "gtp": true,
			"hsr": true, "ifb": true, "ip6erspan": true, "ip6gre": true, "ip6gretap": true,
			"ip6tnl": true, "ipip": true, "ipoib": true, "ipvlan": true, "ipvtap": true,
			"macsec": true, "macvlan": true, "macvtap": true, "netdevsim": true,
			"nlmon": true, "rmnet": true, "sit": true, "team": true, "team_slave": true,
			"tun": false, "vcan": true, "veth": true, "virt_wifi": true, "vlan": true,
			"vrf": true, "vrf_slave": false, "vti": true, "vti6": true, "vxcan": true,
			"vxlan": true, "wwan": true, "xfrm": true,
		}
	})
	return iproute2KindsMap
}

// The table is built on first use: a map literal at package level would be
// built at every start-up of gip, whatever the command.
var (
	iproute2KindsOnce sync.Once
	iproute2KindsMap  map[string]bool
)

// requestOnlyHelp is the options text of kind, one gip has no parser for
// yet, for `ip link help KIND` and `ip link add type KIND help`; false for
// the other kinds.
func requestOnlyHelp(kind string) (string, bool) {
	switch kind {
	case "batadv":
		return "Usage: ... batadv [ ra ROUTING_ALG ]\n\nWhere: ROUTING_ALG is BATMAN_IV or BATMAN_V\n", true
	}
	return "", false
}

// requestOnlyKinds are the kinds requestOnlyHelp knows.
var requestOnlyKinds = [...]string{"batadv"}

// usageHelp adapts a kind's parse-time usage printer (which writes to the
// parser's stderr and fails) to Kind.Help.
func usageHelp(w io.Writer, fn func(p *Parser) error) {
	_ = fn(&Parser{Stdout: w, Stderr: w})
}

// iproute2Parses reports whether iproute2 6.1 has an option parser for the
// kind (its parse_opt): then words after `type KIND` are the module's, and
// `help` among them is answered with the kind's usage and exit status 1.
func iproute2Parses(kind string) bool {
	if _, ok := iproute2Kinds()[kind]; !ok {
		return false
	}
	switch kind {
	case "dummy", "ifb", "netdevsim", "nlmon", "team", "team_slave", "tun",
		"vcan", "virt_wifi", "vrf_slave":
		return false
	}
	return true
}

// unknownKindWord prints "KIND: unknown command" and the kind's usage (for
// help alone, just the usage) and fails with status 1.
func unknownKindWord(p *Parser, kind, word string, help func(io.Writer), isHelp bool) error {
	if !isHelp {
		fmt.Fprintf(p.Stderr, "%s: unknown command \"%s\"?\n", kind, word)
	}
	help(p.Stderr)
	return cmdline.Silent(cmdline.StatusFailed)
}
