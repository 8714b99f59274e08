package ipaddr

import (
	"fmt"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iplink"
	"github.com/gipnet/gip/internal/cmdline"
)

// usage prints the address command's syntax (gip's own wording), or ip
// link's for `ip link show help`.
func usage(env *cli.Env, doLink bool) error {
	if doLink {
		return iplink.Usage(env)
	}
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ] [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [ mngtmpaddr ]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ] [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [ up ]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ] [ nomaster ] [ type TYPE ]
                         [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [ up ] [ vrf NAME ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG := [ permanent | dynamic | secondary | primary | [-]tentative | [-]deprecated |
          [-]dadfailed | temporary | CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
`)
	iplink.WriteTypes(env.Stderr)
	return cmdline.Usage()
}
