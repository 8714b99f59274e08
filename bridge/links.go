package bridge

import (
	"encoding/binary"
	"sort"

	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// bridgeID is struct ifla_bridge_id: priority, then the MAC address.
type bridgeID [8]byte

// String is the bridge id as brctl shows it: "8000.001122334455".
func (id bridgeID) String() string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, 17)
	for i, c := range id {
		if i == 2 {
			b = append(b, '.')
		}
		b = append(b, hex[c>>4], hex[c&15])
	}
	return string(b)
}

// brInfo is what brctl shows of a bridge (IFLA_BR_*); timers and times are
// in centiseconds (clock_t).
type brInfo struct {
	bridgeID, rootID                bridgeID
	rootPort                        uint16
	rootPathCost                    uint32
	maxAge, helloTime, forwardDelay uint64
	ageingTime                      uint64
	// The "bridge ..." column of brctl showstp: sysfs shows the three
	// values above again, the old ioctl its own (see ioctlBridgeInfo).
	bridgeMaxAge, bridgeHelloTime     uint64
	bridgeForwardDelay                uint64
	helloTimer, tcnTimer, tcTimer     uint64
	gcTimer                           uint64
	stpState                          uint32
	topologyChange, topologyChangeDet bool
}

// portInfo is what brctl shows of a bridge port (IFLA_BRPORT_*).
type portInfo struct {
	no, id, designatedPort, designatedCost uint16
	state                                  uint8
	pathCost                               uint32
	designatedRoot, designatedBridge       bridgeID
	messageAgeTimer, forwardDelayTimer     uint64
	holdTimer                              uint64
	configPending, topologyChangeAck       bool
	hairpin                                uint8
}

// linkInfo is one link as brctl needs it.
type linkInfo struct {
	index     int32
	name      string
	flags     uint32
	typ       uint16
	master    int32
	kind      string
	slaveKind string
	br        brInfo
	port      portInfo
}

func (l *linkInfo) isBridge() bool { return l.kind == "bridge" }
func (l *linkInfo) isPort() bool   { return l.slaveKind == "bridge" }

func parseLink(m netlink.Message) (*linkInfo, bool) {
	if m.Header.Type != unix.RTM_NEWLINK {
		return nil, false
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return nil, false
	}
	l := &linkInfo{index: hdr.Index, flags: hdr.Flags, typ: hdr.Type}
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return nil, false
	}
	for ad.Next() {
		switch ad.Type() {
		case unix.IFLA_IFNAME:
			l.name = ad.String()
		case unix.IFLA_MASTER:
			l.master = int32(ad.Uint32())
		case unix.IFLA_LINKINFO:
			ad.Nested(func(nad *netlink.AttributeDecoder) error {
				for nad.Next() {
					switch nad.Type() {
					case unix.IFLA_INFO_KIND:
						l.kind = nad.String()
					case unix.IFLA_INFO_SLAVE_KIND:
						l.slaveKind = nad.String()
					case unix.IFLA_INFO_DATA:
						decodeBr(nad.Bytes(), &l.br)
					case unix.IFLA_INFO_SLAVE_DATA:
						decodePort(nad.Bytes(), &l.port)
					}
				}
				return nil
			})
		}
	}
	if ad.Err() != nil || l.name == "" {
		return nil, false
	}
	// DATA may come before KIND: only a bridge's data is a bridge's.
	if l.kind != "bridge" {
		l.br = brInfo{}
	}
	if l.slaveKind != "bridge" {
		l.port = portInfo{}
	}
	return l, true
}

var ne = binary.NativeEndian

func u8(b []byte) uint8 {
	if len(b) < 1 {
		return 0
	}
	return b[0]
}

func u16(b []byte) uint16 {
	if len(b) < 2 {
		return 0
	}
	return ne.Uint16(b)
}

func u32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return ne.Uint32(b)
}

func u64(b []byte) uint64 {
	if len(b) < 8 {
		return uint64(u32(b))
	}
	return ne.Uint64(b)
}

func id(b []byte) bridgeID {
	var v bridgeID
	copy(v[:], b)
	return v
}

// decodeBr reads IFLA_BR_* attributes; it never fails, as a bridge whose
// details cannot be read is still shown (with zeroes) by brctl.
func decodeBr(b []byte, br *brInfo) {
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return
	}
	for ad.Next() {
		v := ad.Bytes()
		switch ad.Type() {
		case unix.IFLA_BR_BRIDGE_ID:
			br.bridgeID = id(v)
		case unix.IFLA_BR_ROOT_ID:
			br.rootID = id(v)
		case unix.IFLA_BR_ROOT_PORT:
			br.rootPort = u16(v)
		case unix.IFLA_BR_ROOT_PATH_COST:
			br.rootPathCost = u32(v)
		case unix.IFLA_BR_MAX_AGE:
			br.maxAge = uint64(u32(v))
		case unix.IFLA_BR_HELLO_TIME:
			br.helloTime = uint64(u32(v))
		case unix.IFLA_BR_FORWARD_DELAY:
			br.forwardDelay = uint64(u32(v))
		case unix.IFLA_BR_AGEING_TIME:
			br.ageingTime = uint64(u32(v))
		case unix.IFLA_BR_HELLO_TIMER:
			br.helloTimer = u64(v)
		case unix.IFLA_BR_TCN_TIMER:
			br.tcnTimer = u64(v)
		case unix.IFLA_BR_TOPOLOGY_CHANGE_TIMER:
			br.tcTimer = u64(v)
		case unix.IFLA_BR_GC_TIMER:
			br.gcTimer = u64(v)
		case unix.IFLA_BR_STP_STATE:
			br.stpState = u32(v)
		case unix.IFLA_BR_TOPOLOGY_CHANGE:
			br.topologyChange = u8(v) != 0
		case unix.IFLA_BR_TOPOLOGY_CHANGE_DETECTED:
			br.topologyChangeDet = u8(v) != 0
		}
	}
	br.bridgeMaxAge, br.bridgeHelloTime, br.bridgeForwardDelay = br.maxAge, br.helloTime, br.forwardDelay
}

func decodePort(b []byte, p *portInfo) {
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return
	}
	for ad.Next() {
		v := ad.Bytes()
		switch ad.Type() {
		case unix.IFLA_BRPORT_NO:
			p.no = u16(v)
		case unix.IFLA_BRPORT_ID:
			p.id = u16(v)
		case unix.IFLA_BRPORT_DESIGNATED_PORT:
			p.designatedPort = u16(v)
		case unix.IFLA_BRPORT_DESIGNATED_COST:
			p.designatedCost = u16(v)
		case unix.IFLA_BRPORT_STATE:
			p.state = u8(v)
		case unix.IFLA_BRPORT_COST:
			p.pathCost = u32(v)
		case unix.IFLA_BRPORT_ROOT_ID:
			p.designatedRoot = id(v)
		case unix.IFLA_BRPORT_BRIDGE_ID:
			p.designatedBridge = id(v)
		case unix.IFLA_BRPORT_MESSAGE_AGE_TIMER:
			p.messageAgeTimer = u64(v)
		case unix.IFLA_BRPORT_FORWARD_DELAY_TIMER:
			p.forwardDelayTimer = u64(v)
		case unix.IFLA_BRPORT_HOLD_TIMER:
			p.holdTimer = u64(v)
		case unix.IFLA_BRPORT_CONFIG_PENDING:
			p.configPending = u8(v) != 0
		case unix.IFLA_BRPORT_TOPOLOGY_CHANGE_ACK:
			p.topologyChangeAck = u8(v) != 0
		case unix.IFLA_BRPORT_MODE:
			p.hairpin = u8(v)
		}
	}
}

func linkRequest(index int32, name string) ([]byte, error) {
	return rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: index}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		if name != "" {
			ae.String(unix.IFLA_IFNAME, name)
		}
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterSkipStats)
		return nil
	})
}

// getLink returns the link called name, or nil when there is none (a name
// if_nametoindex could not find either: empty or IFNAMSIZ long or more).
// Like if_nametoindex and brctl's ioctls, it reads "br0:1" as br0.
func getLink(c *rtnl.Conn, name string) (*linkInfo, error) {
	l, err := getLinkExact(c, name)
	if l == nil && err == nil {
		if base, ok := link.IoctlName(name); ok {
			return getLinkExact(c, base)
		}
	}
	return l, err
}

// nameIndex is ll_name_to_index over a table of dumped names: the link
// called name, else the one an ioctl reads it as ("br0:1" is br0), else
// the index a name "ifN" stands for; 0 when none.
func nameIndex(c *rtnl.Conn, byName map[string]int32, name string) int32 {
	if link.LookupExceedsBound(c, name) {
		// the lookup request went without the name; if_nametoindex
		// refuses a name that long
		return int32(link.IndexFromIfN(name))
	}
	if idx, ok := byName[name]; ok {
		return idx
	}
	if base, ok := link.IoctlName(name); ok {
		if idx, ok := byName[base]; ok {
			return idx
		}
	}
	return int32(link.IndexFromIfN(name))
}

func getLinkExact(c *rtnl.Conn, name string) (*linkInfo, error) {
	if link.LookupExceedsBound(c, name) {
		return nil, nil // ll_name_to_index's request has no room for it
	}
	if name == "" || len(name) >= unix.IFNAMSIZ {
		return nil, nil
	}
	body, err := linkRequest(0, name)
	if err != nil {
		return nil, err
	}
	m, err := c.Query(unix.RTM_GETLINK, 0, body)
	if err != nil {
		if rtnl.IsErrno(err, unix.ENODEV) || rtnl.IsErrno(err, unix.EINVAL) {
			return nil, nil
		}
		return nil, err
	}
	l, ok := parseLink(m)
	if !ok {
		return nil, nil
	}
	return l, nil
}

// dumpLinks returns every link, in the kernel's order.
func dumpLinks(c *rtnl.Conn) ([]*linkInfo, error) {
	body, err := linkRequest(0, "")
	if err != nil {
		return nil, err
	}
	var links []*linkInfo
	err = c.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
		if l, ok := parseLink(m); ok {
			links = append(links, l)
		}
		return nil
	})
	return links, err
}

// portsOf returns the names of the ports of bridge index, sorted as
// scandir's alphasort sorts /sys/class/net/BR/brif in the C locale (byte
// order).
func portsOf(links []*linkInfo, index int32) []*linkInfo {
	var ports []*linkInfo
	for _, l := range links {
		if l.master == index && l.isPort() {
			ports = append(ports, l)
		}
	}
	sortByName(ports)
	return ports
}

func sortByName(ls []*linkInfo) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].name < ls[j].name })
}
