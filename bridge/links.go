package bridge

import (
	"context"
	"sort"

	"github.com/gipnet/gip/internal/endian"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// ID is struct ifla_bridge_id: priority, then the MAC address.
type ID [8]byte

// String is the bridge id as brctl shows it: "8000.001122334455".
func (id ID) String() string {
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

// Info is a bridge's state as brctl shows it, from its IFLA_BR_*
// attributes (or the old BRCTL_GET_BRIDGE_INFO ioctl, see IoctlInfo).
// Times and timers are in centiseconds (the kernel's clock_t).
type Info struct {
	BridgeID, RootID ID
	RootPort         uint16
	RootPathCost     uint32
	MaxAge           uint64
	HelloTime        uint64
	ForwardDelay     uint64
	AgeingTime       uint64
	// The "bridge ..." column of brctl showstp: sysfs shows the three
	// values above again, the old ioctl its own (see IoctlInfo).
	BridgeMaxAge, BridgeHelloTime, BridgeForwardDelay uint64
	HelloTimer, TCNTimer, TCTimer, GCTimer            uint64
	STPState                                          uint32
	TopologyChange, TopologyChangeDetected            bool
}

// PortInfo is a bridge port's spanning-tree state as brctl shows it, from
// its IFLA_BRPORT_* attributes. Timers are in centiseconds.
type PortInfo struct {
	No, ID                             uint16
	DesignatedPort, DesignatedCost     uint16
	State                              uint8
	PathCost                           uint32
	DesignatedRoot, DesignatedBridge   ID
	MessageAgeTimer, ForwardDelayTimer uint64
	HoldTimer                          uint64
	ConfigPending, TopologyChangeAck   bool
	Hairpin                            uint8
}

// Link is one link of an RTM_GETLINK answer as brctl needs it: a bridge
// carries its Bridge state, a bridge port its Port state. A Link owns its
// memory.
type Link struct {
	Index     int
	Name      string
	Flags     uint32 // IFF_*
	Type      uint16 // ARPHRD_*
	Master    int
	Kind      string // IFLA_INFO_KIND
	SlaveKind string // IFLA_INFO_SLAVE_KIND
	Bridge    Info
	Port      PortInfo
}

// IsBridge says whether l is a bridge.
func (l *Link) IsBridge() bool { return l.Kind == "bridge" }

// IsPort says whether l is a port of a bridge.
func (l *Link) IsPort() bool { return l.SlaveKind == "bridge" }

// DecodeLink reads an RTM_NEWLINK message; false when it is none or has no
// name. The Link copies what it keeps out of m.
func DecodeLink(m netlink.Message) (*Link, bool) {
	if m.Header.Type != unix.RTM_NEWLINK {
		return nil, false
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return nil, false
	}
	l := &Link{Index: int(hdr.Index), Flags: hdr.Flags, Type: hdr.Type}
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return nil, false
	}
	for ad.Next() {
		switch ad.Type() {
		case unix.IFLA_IFNAME:
			l.Name = ad.String()
		case unix.IFLA_MASTER:
			l.Master = int(int32(ad.Uint32()))
		case unix.IFLA_LINKINFO:
			ad.Nested(func(nad *netlink.AttributeDecoder) error {
				for nad.Next() {
					switch nad.Type() {
					case unix.IFLA_INFO_KIND:
						l.Kind = nad.String()
					case unix.IFLA_INFO_SLAVE_KIND:
						l.SlaveKind = nad.String()
					case unix.IFLA_INFO_DATA:
						decodeBr(nad.Bytes(), &l.Bridge)
					case unix.IFLA_INFO_SLAVE_DATA:
						decodePort(nad.Bytes(), &l.Port)
					}
				}
				return nil
			})
		}
	}
	if ad.Err() != nil || l.Name == "" {
		return nil, false
	}
	// DATA may come before KIND: only a bridge's data is a bridge's.
	if l.Kind != "bridge" {
		l.Bridge = Info{}
	}
	if l.SlaveKind != "bridge" {
		l.Port = PortInfo{}
	}
	return l, true
}

var ne endian.Native

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

func id(b []byte) ID {
	var v ID
	copy(v[:], b)
	return v
}

// decodeBr reads IFLA_BR_* attributes; it never fails, as a bridge whose
// details cannot be read is still shown (with zeroes) by brctl.
func decodeBr(b []byte, br *Info) {
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return
	}
	for ad.Next() {
		v := ad.Bytes()
		switch ad.Type() {
		case unix.IFLA_BR_BRIDGE_ID:
			br.BridgeID = id(v)
		case unix.IFLA_BR_ROOT_ID:
			br.RootID = id(v)
		case unix.IFLA_BR_ROOT_PORT:
			br.RootPort = u16(v)
		case unix.IFLA_BR_ROOT_PATH_COST:
			br.RootPathCost = u32(v)
		case unix.IFLA_BR_MAX_AGE:
			br.MaxAge = uint64(u32(v))
		case unix.IFLA_BR_HELLO_TIME:
			br.HelloTime = uint64(u32(v))
		case unix.IFLA_BR_FORWARD_DELAY:
			br.ForwardDelay = uint64(u32(v))
		case unix.IFLA_BR_AGEING_TIME:
			br.AgeingTime = uint64(u32(v))
		case unix.IFLA_BR_HELLO_TIMER:
			br.HelloTimer = u64(v)
		case unix.IFLA_BR_TCN_TIMER:
			br.TCNTimer = u64(v)
		case unix.IFLA_BR_TOPOLOGY_CHANGE_TIMER:
			br.TCTimer = u64(v)
		case unix.IFLA_BR_GC_TIMER:
			br.GCTimer = u64(v)
		case unix.IFLA_BR_STP_STATE:
			br.STPState = u32(v)
		case unix.IFLA_BR_TOPOLOGY_CHANGE:
			br.TopologyChange = u8(v) != 0
		case unix.IFLA_BR_TOPOLOGY_CHANGE_DETECTED:
			br.TopologyChangeDetected = u8(v) != 0
		}
	}
	br.BridgeMaxAge, br.BridgeHelloTime, br.BridgeForwardDelay = br.MaxAge, br.HelloTime, br.ForwardDelay
}

func decodePort(b []byte, p *PortInfo) {
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return
	}
	for ad.Next() {
		v := ad.Bytes()
		switch ad.Type() {
		case unix.IFLA_BRPORT_NO:
			p.No = u16(v)
		case unix.IFLA_BRPORT_ID:
			p.ID = u16(v)
		case unix.IFLA_BRPORT_DESIGNATED_PORT:
			p.DesignatedPort = u16(v)
		case unix.IFLA_BRPORT_DESIGNATED_COST:
			p.DesignatedCost = u16(v)
		case unix.IFLA_BRPORT_STATE:
			p.State = u8(v)
		case unix.IFLA_BRPORT_COST:
			p.PathCost = u32(v)
		case unix.IFLA_BRPORT_ROOT_ID:
			p.DesignatedRoot = id(v)
		case unix.IFLA_BRPORT_BRIDGE_ID:
			p.DesignatedBridge = id(v)
		case unix.IFLA_BRPORT_MESSAGE_AGE_TIMER:
			p.MessageAgeTimer = u64(v)
		case unix.IFLA_BRPORT_FORWARD_DELAY_TIMER:
			p.ForwardDelayTimer = u64(v)
		case unix.IFLA_BRPORT_HOLD_TIMER:
			p.HoldTimer = u64(v)
		case unix.IFLA_BRPORT_CONFIG_PENDING:
			p.ConfigPending = u8(v) != 0
		case unix.IFLA_BRPORT_TOPOLOGY_CHANGE_ACK:
			p.TopologyChangeAck = u8(v) != 0
		case unix.IFLA_BRPORT_MODE:
			p.Hairpin = u8(v)
		}
	}
}

// linkRequest is the body of RTM_GETLINK for a link index or name (0 and
// "" for a dump), without statistics.
func linkRequest(index int32, name string) []byte {
	b, _ := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: index}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		if name != "" {
			ae.String(unix.IFLA_IFNAME, name)
		}
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterSkipStats)
		return nil
	})
	return b
}

// GetLink returns the link called name, or nil when there is none (a name
// if_nametoindex could not find either: empty or IFNAMSIZ long or more).
// Like if_nametoindex and brctl's ioctls, it reads "br0:1" as br0.
func GetLink(ctx context.Context, c *rtnl.Conn, name string) (*Link, error) {
	l, err := GetLinkExact(ctx, c, name)
	if l == nil && err == nil {
		if base, ok := link.IoctlName(name); ok {
			return GetLinkExact(ctx, c, base)
		}
	}
	return l, err
}

// GetLinkExact is GetLink without the ioctl's reading of the name: only
// the link called exactly name, or nil.
func GetLinkExact(ctx context.Context, c *rtnl.Conn, name string) (*Link, error) {
	if link.LookupExceedsBound(c, name) {
		return nil, nil // ll_name_to_index's request has no room for it
	}
	if name == "" || len(name) >= unix.IFNAMSIZ {
		return nil, nil
	}
	m, err := c.QueryContext(ctx, unix.RTM_GETLINK, 0, linkRequest(0, name))
	if err != nil {
		if rtnl.IsErrno(err, unix.ENODEV) || rtnl.IsErrno(err, unix.EINVAL) {
			return nil, nil
		}
		return nil, err
	}
	l, ok := DecodeLink(m)
	if !ok {
		return nil, nil
	}
	return l, nil
}

// DumpLinks returns every link, in the kernel's order.
func DumpLinks(ctx context.Context, c *rtnl.Conn) ([]*Link, error) {
	var links []*Link
	err := c.DumpContext(ctx, unix.RTM_GETLINK, linkRequest(0, ""), func(m netlink.Message) error {
		if l, ok := DecodeLink(m); ok {
			links = append(links, l)
		}
		return nil
	})
	return links, err
}

// PortsOf returns the ports of bridge index, sorted as
// scandir's alphasort sorts /sys/class/net/BR/brif in the C locale (byte
// order).
func PortsOf(links []*Link, index int) []*Link {
	var ports []*Link
	for _, l := range links {
		if l.Master == index && l.IsPort() {
			ports = append(ports, l)
		}
	}
	SortByName(ports)
	return ports
}

// SortByName sorts links by name, bytewise (the C locale's order).
func SortByName(ls []*Link) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Name < ls[j].Name })
}
