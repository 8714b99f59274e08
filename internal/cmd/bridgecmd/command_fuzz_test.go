package bridgecmd

import (
	"strings"
	"testing"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// FuzzCommand runs arbitrary bridge command lines offline, in every
// output mode: every object's verbs, show filters (fdb, link, vlan,
// vlan global, tunnelshow) and modify parsers. Words are split at single
// blanks, so empty words occur (an empty dev, an empty vid). An error is a
// *cmdline.Error; nothing reaches the kernel.
func FuzzCommand(f *testing.F) {
	for _, s := range []string{
		"fdb show dev v1 vlan 3", "fdb show br ", "fdb show brport  state permanent", "fdb get 1:2:3:4:5:6 dev v1 vlan 2",
		"fdb flush dev br0 brport v1 vlan 3 self master static nopermanent", "fdb add 1:2:3:4:5:6 dev v1 dst 10.0.0.1 vni 5",
		"link show dev ", "link set dev v1 cost 5 priority 3 guard on learning off", "link set dev  state 1",
		"vlan show dev v1 vid 3", "vlan show vid 0x10", "vlan tunnelshow dev ", "vlan add vid 1-4094 dev v1 pvid untagged master",
		"vlan del vid 5 dev v1 tunnel_info id 7", "vlan set dev v1 vid 3 state forwarding", "vlan global show dev br0",
		"vlan global set dev br0 vid 1 mcast_snooping 1 mcast_query_interval 99", "vlan global", "vlan global frob",
		"mdb show", "vni add vni 5 dev vx0", "monitor", "help", "frob", "l", "f", "v",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, mode uint8) {
		env := offlineEnv(cli.Options{JSON: mode&1 != 0, Pretty: mode&2 != 0, Details: int(mode >> 2 & 1), Stats: int(mode >> 3 & 1),
			Oneline: mode&16 != 0, CompressVlans: mode&32 != 0, Family: []int{0, 2, 10, 7}[mode>>6]})
		wantCLIError(t, s, Command(env, cmdline.NewArgs(strings.Split(s, " "))))
		env.Close()
	})
}
