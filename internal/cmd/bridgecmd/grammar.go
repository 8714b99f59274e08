package bridgecmd

import "github.com/gipnet/gip/internal/completion"

// Grammar is the bridge command's options and objects, each with its verbs
// in the order the object tries them, for shell completion and the man
// page. internal/app's TestGrammars checks it against Command and the
// usage texts.
var Grammar = completion.Applet{
	Name: "bridge",
	Options: "-Version -statistics -details -oneline -timestamp -netns=NETNS -compressvlans -color " +
		"-pretty -json -family=inet|inet6 -4 -6 -force -batch=FILE -help",
	Objects: []completion.Object{
		{Name: "link", Verbs: []completion.Verb{
			{Name: "set", Words: grammarLinkSet},
			{Name: "change", Words: grammarLinkSet},
			{Name: "show", Words: "dev=DEV"},
			{Name: "lst", Words: "dev=DEV"},
			{Name: "list", Words: "dev=DEV"},
			{Name: "help"},
		}},
		{Name: "fdb", Verbs: []completion.Verb{
			{Name: "add", Words: grammarFDBMod},
			{Name: "append", Words: grammarFDBMod},
			{Name: "replace", Words: grammarFDBMod},
			{Name: "delete", Words: grammarFDBMod},
			{Name: "get", Words: "to=LLADDR br=BRIDGE brport=DEV dev=DEV vlan=VID vni=VNI self master dynamic"},
			{Name: "flush", Words: "dev=DEV brport=DEV vlan=VID self master permanent nopermanent static nostatic " +
				"dynamic nodynamic added_by_user noadded_by_user extern_learn noextern_learn sticky nosticky offloaded nooffloaded"},
			{Name: "show", Words: grammarFDBShow},
			{Name: "lst", Words: grammarFDBShow},
			{Name: "list", Words: grammarFDBShow},
			{Name: "help"},
		}},
		{Name: "mdb", Verbs: []completion.Verb{
			{Name: "add", Words: grammarMDBMod},
			{Name: "delete", Words: grammarMDBMod},
			{Name: "show", Words: "dev=BRIDGE vid=VID"},
			{Name: "lst", Words: "dev=BRIDGE vid=VID"},
			{Name: "list", Words: "dev=BRIDGE vid=VID"},
			{Name: "help"},
		}},
		{Name: "vlan", Verbs: []completion.Verb{
			{Name: "add", Words: grammarVlanMod},
			{Name: "delete", Words: grammarVlanMod},
			{Name: "show", Words: "dev=DEV vid=VLAN_ID"},
			{Name: "lst", Words: "dev=DEV vid=VLAN_ID"},
			{Name: "list", Words: "dev=DEV vid=VLAN_ID"},
			{Name: "tunnelshow", Words: "dev=DEV vid=VLAN_ID"},
			{Name: "set", Words: "vid=VLAN_ID dev=DEV state=STP_STATE mcast_router=MULTICAST_ROUTER"},
			{Name: "global", Sub: []completion.Verb{
				{Name: "show", Words: "dev=BRIDGE vid=VLAN_ID"},
				{Name: "set", Words: "vid=VLAN_ID dev=BRIDGE mcast_snooping=MULTICAST_SNOOPING mcast_querier=MULTICAST_QUERIER " +
					"mcast_igmp_version=IGMP_VERSION mcast_mld_version=MLD_VERSION mcast_last_member_count=LAST_MEMBER_COUNT " +
					"mcast_last_member_interval=LAST_MEMBER_INTERVAL mcast_startup_query_count=STARTUP_QUERY_COUNT " +
					"mcast_startup_query_interval=STARTUP_QUERY_INTERVAL mcast_membership_interval=MEMBERSHIP_INTERVAL " +
					"mcast_querier_interval=QUERIER_INTERVAL mcast_query_interval=QUERY_INTERVAL " +
					"mcast_query_response_interval=QUERY_RESPONSE_INTERVAL"},
			}},
			{Name: "help"},
		}},
		{Name: "vni", Verbs: []completion.Verb{
			{Name: "add", Words: "vni=VNI group=IP_ADDRESS remote=IP_ADDRESS dev=DEV"},
			{Name: "delete", Words: "vni=VNI group=IP_ADDRESS remote=IP_ADDRESS dev=DEV"},
			{Name: "show", Words: "dev=DEV"},
			{Name: "help"},
		}},
		{Name: "monitor", Default: &completion.Verb{Words: "file=FILE link fdb mdb vlan vni all help"}},
		{Name: "help"},
	},
}

const grammarLinkSet = "dev=DEV cost=COST priority=PRIO state=STATE " +
	"guard=on|off hairpin=on|off fastleave=on|off root_block=on|off learning=on|off learning_sync=on|off " +
	"flood=on|off mcast_flood=on|off bcast_flood=on|off mcast_to_unicast=on|off neigh_suppress=on|off " +
	"vlan_tunnel=on|off isolated=on|off locked=on|off mcast_router=MULTICAST_ROUTER hwmode=vepa|veb " +
	"backup_port=DEV nobackup_port self master"

const grammarFDBMod = "dev=DEV self master use router extern_learn sticky local static dynamic vlan=VID dst=IPADDR " +
	"port=PORT vni=VNI nhid=NHID via=DEV src_vni=VNI"

const grammarFDBShow = "br=BRIDGE brport=DEV vlan=VID state=STATE dynamic"

const grammarMDBMod = "dev=BRIDGE port=DEV grp=GROUP src=SOURCE permanent temp vid=VID"

const grammarVlanMod = "vid=VLAN_ID dev=DEV tunnel_info pvid untagged self master"
