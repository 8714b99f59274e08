package bridgecmd

import (
	"io"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
)

// The bridge command's usage texts, in gip's own words, naming every
// object, verb, keyword and value iproute2 6.1's name (scripts grep them,
// e.g. `bridge fdb help | grep get`). Each fails with status 255.

func bridgeUsage(w io.Writer) error {
	io.WriteString(w, `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | vni | monitor }
       OPTIONS := { -Version (-V) | -statistics (-s) | -details (-d) | -oneline (-o) |
                    -timestamp (-t) | -netns (-n) name | -compressvlans (-c) |
                    -color | -pretty (-p) | -json (-j) | -family { inet | inet6 } |
                    -4 | -6 | -force | -batch filename | -help }
`)
	return cmdline.Usage()
}

func linkUsage(env *cli.Env) error {
	env.Warnf("%s", `Usage: bridge link show [ dev DEV ]
       bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]
              [ { guard | hairpin | fastleave | root_block | learning | learning_sync |
                  flood | mcast_flood | bcast_flood | mcast_to_unicast |
                  neigh_suppress | vlan_tunnel | isolated | locked } { on | off } ]
              [ mcast_router MULTICAST_ROUTER ] [ hwmode { vepa | veb } ]
              [ backup_port DEVICE ] [ nobackup_port ] [ self ] [ master ]
`)
	return cmdline.Usage()
}

func fdbUsage(env *cli.Env) error {
	env.Warnf("%s", `Usage: bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ] [ state STATE ] [ dynamic ] ]
       bridge fdb { add | append | del | replace } ADDR dev DEV [ self ] [ master ]
              [ use ] [ router ] [ extern_learn ] [ sticky ] [ local | static | dynamic ]
              [ vlan VID ] { [ dst IPADDR ] [ port PORT ] [ vni VNI ] | [ nhid NHID ] }
              [ via DEV ] [ src_vni VNI ]
       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV [ vlan VID ]
              [ vni VNI ] [ self ] [ master ] [ dynamic ]
       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ] [ self ] [ master ]
              [ permanent | nopermanent ] [ static | nostatic ] [ dynamic | nodynamic ]
              [ added_by_user | noadded_by_user ] [ extern_learn | noextern_learn ]
              [ sticky | nosticky ] [ offloaded | nooffloaded ]
`)
	return cmdline.Usage()
}

func mdbUsage(w io.Writer) {
	io.WriteString(w, `Usage: bridge mdb { show } [ dev DEV ] [ vid VID ]
       bridge mdb { add | del } dev DEV port PORT grp GROUP [ src SOURCE ]
              [ permanent | temp ] [ vid VID ]
`)
}

func vlanUsage(w io.Writer) {
	io.WriteString(w, `Usage: bridge vlan { show | tunnelshow } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
              [ pvid ] [ untagged ] [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
              [ mcast_router MULTICAST_ROUTER ]
       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan global { set } vid VLAN_ID dev DEV
              [ mcast_snooping MULTICAST_SNOOPING ] [ mcast_querier MULTICAST_QUERIER ]
              [ mcast_igmp_version IGMP_VERSION ] [ mcast_mld_version MLD_VERSION ]
              [ mcast_last_member_count LAST_MEMBER_COUNT ]
              [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
              [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
              [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
              [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
              [ mcast_querier_interval QUERIER_INTERVAL ]
              [ mcast_query_interval QUERY_INTERVAL ]
              [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
`)
}

// vlanHelp prints vlanUsage on env's stderr after what stdout holds.
func vlanHelp(env *cli.Env) error {
	env.P.Flush()
	vlanUsage(env.Stderr)
	return cmdline.Usage()
}

func vniUsage(w io.Writer) {
	io.WriteString(w, `Usage: bridge vni { show }
       bridge vni { add | del } vni VNI [ { group | remote } IP_ADDRESS ] [ dev DEV ]
Where: VNI := 0-16777215
`)
}

func monitorUsage(w io.Writer) {
	io.WriteString(w, "Usage: bridge monitor [ link | fdb | mdb | vlan | vni | all | file ]\n")
}
