package link

// Kinds without options or details. iproute2 knows them, so words after
// `type NAME` are accepted and ignored (an empty IFLA_INFO_DATA is sent)
// instead of refused as garbage.
var (
	dummyKind     = Kind{Name: "dummy"}
	ifbKind       = Kind{Name: "ifb"}
	netdevsimKind = Kind{Name: "netdevsim"}
	nlmonKind     = Kind{Name: "nlmon"}
	teamKind      = Kind{Name: "team"}
	teamSlaveKind = Kind{Name: "team_slave"}
	vcanKind      = Kind{Name: "vcan"}
	virtWifiKind  = Kind{Name: "virt_wifi"}
)
