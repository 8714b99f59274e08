package bridge

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// IFLA_BRIDGE_* of IFLA_AF_SPEC (linux/if_bridge.h).
const (
	iflaBridgeFlags = 0
	iflaBridgeMode  = 1
)

// The IFLA_BRIDGE_FLAGS bits of PortSettings.Flags: whom a setting is for.
const (
	BridgeFlagsMaster = 1 // BRIDGE_FLAGS_MASTER: the bridge (the default)
	BridgeFlagsSelf   = 2 // BRIDGE_FLAGS_SELF: the device itself (a NIC's embedded switch)
)

// The hardware modes of PortSettings.Mode (BRIDGE_MODE_*).
const (
	BridgeModeVEB  = 0 // virtual Ethernet bridge
	BridgeModeVEPA = 1 // virtual Ethernet port aggregator
)

// PortSettings are a bridge port's settings, what `bridge link set`
// changes. A nil field is left as it is by PortSet; PortGet sets every
// field the kernel reports.
type PortSettings struct {
	// The on/off settings (IFLA_BRPORT_*).
	Guard              *bool // BPDU guard: "guard"
	Hairpin            *bool // reflect traffic to its own port: "hairpin"
	FastLeave          *bool // multicast fast leave: "fastleave"
	RootBlock          *bool // never the root port: "root_block"
	Flood              *bool // unknown unicast flooding: "flood"
	MulticastFlood     *bool // "mcast_flood"
	BroadcastFlood     *bool // "bcast_flood"
	MulticastToUnicast *bool // "mcast_to_unicast"
	Learning           *bool // source-address learning: "learning"
	LearningSync       *bool // "learning_sync"
	NeighSuppress      *bool // ARP/ND suppression: "neigh_suppress"
	VLANTunnel         *bool // "vlan_tunnel"
	Isolated           *bool // "isolated"
	Locked             *bool // "locked"

	// MulticastRouter is the multicast router mode, 0 to 3
	// ("mcast_router").
	MulticastRouter *uint8
	// Cost is the STP path cost ("cost").
	Cost *uint32
	// Priority is the STP port priority ("priority").
	Priority *uint16
	// State is the STP state ("state").
	State *PortState
	// BackupPort is the index of the port that takes over when this one
	// goes down; 0 removes it ("backup_port", "nobackup_port").
	BackupPort *uint32

	// Mode is the hardware mode, BridgeModeVEB or BridgeModeVEPA
	// ("hwmode"); sent in IFLA_AF_SPEC, never reported by PortGet.
	Mode *uint16
	// Flags are IFLA_BRIDGE_FLAGS (BridgeFlagsSelf, BridgeFlagsMaster:
	// "self", "master"); 0 sends none.
	Flags uint16
}

// onOffSettings are the on/off settings and their attributes, in the
// order the request carries them; at is PortSettings' field.
func (s *PortSettings) onOffSettings() []struct {
	attr uint16
	at   **bool
} {
	return []struct {
		attr uint16
		at   **bool
	}{
		{unix.IFLA_BRPORT_GUARD, &s.Guard},
		{unix.IFLA_BRPORT_MODE, &s.Hairpin},
		{unix.IFLA_BRPORT_FAST_LEAVE, &s.FastLeave},
		{unix.IFLA_BRPORT_PROTECT, &s.RootBlock},
		{unix.IFLA_BRPORT_UNICAST_FLOOD, &s.Flood},
		{unix.IFLA_BRPORT_MCAST_FLOOD, &s.MulticastFlood},
		{unix.IFLA_BRPORT_BCAST_FLOOD, &s.BroadcastFlood},
		{unix.IFLA_BRPORT_MCAST_TO_UCAST, &s.MulticastToUnicast},
		{unix.IFLA_BRPORT_LEARNING, &s.Learning},
		{unix.IFLA_BRPORT_LEARNING_SYNC, &s.LearningSync},
		{unix.IFLA_BRPORT_NEIGH_SUPPRESS, &s.NeighSuppress},
		{unix.IFLA_BRPORT_VLAN_TUNNEL, &s.VLANTunnel},
		{unix.IFLA_BRPORT_ISOLATED, &s.Isolated},
		{unix.IFLA_BRPORT_LOCKED, &s.Locked},
	}
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// PortRequest is the body of the RTM_SETLINK request that applies s to the
// port index, byte for byte what `bridge link set` sends: ifinfomsg, the
// nested IFLA_PROTINFO (there even when empty) with the given settings in
// iproute2's order, and IFLA_AF_SPEC (not flagged nested, as iproute2 sends
// it) when a Mode or Flags is given.
func PortRequest(index int, s PortSettings) []byte {
	b, _ := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_BRIDGE, Index: int32(index)}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		ae.Nested(unix.IFLA_PROTINFO, func(ae *netlink.AttributeEncoder) error {
			onOff := func(attr uint16, v *bool) {
				if v != nil {
					ae.Uint8(attr, boolByte(*v))
				}
			}
			// iproute2's order: the on/off words, mcast_router among
			// them, then the numbers, then the later on/off words.
			onOff(unix.IFLA_BRPORT_GUARD, s.Guard)
			onOff(unix.IFLA_BRPORT_MODE, s.Hairpin)
			onOff(unix.IFLA_BRPORT_FAST_LEAVE, s.FastLeave)
			onOff(unix.IFLA_BRPORT_PROTECT, s.RootBlock)
			onOff(unix.IFLA_BRPORT_UNICAST_FLOOD, s.Flood)
			if s.MulticastRouter != nil {
				ae.Uint8(unix.IFLA_BRPORT_MULTICAST_ROUTER, *s.MulticastRouter)
			}
			onOff(unix.IFLA_BRPORT_MCAST_FLOOD, s.MulticastFlood)
			onOff(unix.IFLA_BRPORT_BCAST_FLOOD, s.BroadcastFlood)
			onOff(unix.IFLA_BRPORT_MCAST_TO_UCAST, s.MulticastToUnicast)
			onOff(unix.IFLA_BRPORT_LEARNING, s.Learning)
			onOff(unix.IFLA_BRPORT_LEARNING_SYNC, s.LearningSync)
			if s.Cost != nil {
				ae.Uint32(unix.IFLA_BRPORT_COST, *s.Cost)
			}
			if s.Priority != nil {
				ae.Uint16(unix.IFLA_BRPORT_PRIORITY, *s.Priority)
			}
			if s.State != nil {
				ae.Uint8(unix.IFLA_BRPORT_STATE, uint8(*s.State))
			}
			onOff(unix.IFLA_BRPORT_NEIGH_SUPPRESS, s.NeighSuppress)
			onOff(unix.IFLA_BRPORT_VLAN_TUNNEL, s.VLANTunnel)
			onOff(unix.IFLA_BRPORT_ISOLATED, s.Isolated)
			onOff(unix.IFLA_BRPORT_LOCKED, s.Locked)
			if s.BackupPort != nil {
				ae.Uint32(unix.IFLA_BRPORT_BACKUP_PORT, *s.BackupPort)
			}
			return nil
		})
		if s.Mode != nil || s.Flags > 0 {
			sub := netlink.NewAttributeEncoder()
			if s.Flags > 0 {
				sub.Uint16(iflaBridgeFlags, s.Flags)
			}
			if s.Mode != nil {
				sub.Uint16(iflaBridgeMode, *s.Mode)
			}
			nested, err := sub.Encode()
			if err != nil {
				return err
			}
			ae.Bytes(unix.IFLA_AF_SPEC, nested)
		}
		return nil
	})
	return b
}

// PortSet applies s to the bridge port called name (`bridge link set dev
// NAME …`). A name no link has fails with the kernel's ENODEV; a link that
// is no bridge port with its EOPNOTSUPP.
func PortSet(ctx context.Context, c *rtnl.Conn, name string, s PortSettings) error {
	l, err := GetLinkExact(ctx, c, name)
	if err != nil {
		return err
	}
	if l == nil {
		return &rtnl.Error{Errno: unix.ENODEV}
	}
	return c.ExecContext(ctx, unix.RTM_SETLINK, 0, PortRequest(int(l.Index), s))
}

// PortGet returns the settings of the bridge port called name, every field
// the kernel reports set. A name no link has fails with ENODEV; a link
// that is no bridge port with EOPNOTSUPP.
func PortGet(ctx context.Context, c *rtnl.Conn, name string) (PortSettings, error) {
	var s PortSettings
	if name == "" || len(name) >= unix.IFNAMSIZ {
		return s, &rtnl.Error{Errno: unix.ENODEV}
	}
	m, err := c.QueryContext(ctx, unix.RTM_GETLINK, 0, linkRequest(0, name))
	if err != nil {
		return s, err
	}
	data, isPort := portData(m)
	if !isPort {
		return s, &rtnl.Error{Errno: unix.EOPNOTSUPP}
	}
	return DecodePortSettings(data), nil
}

// portData is the IFLA_INFO_SLAVE_DATA of a link message, and whether the
// link is a bridge port.
func portData(m netlink.Message) ([]byte, bool) {
	_, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return nil, false
	}
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return nil, false
	}
	var data []byte
	isPort := false
	for ad.Next() {
		if ad.Type() != unix.IFLA_LINKINFO {
			continue
		}
		ad.Nested(func(nad *netlink.AttributeDecoder) error {
			for nad.Next() {
				switch nad.Type() {
				case unix.IFLA_INFO_SLAVE_KIND:
					isPort = nad.String() == "bridge"
				case unix.IFLA_INFO_SLAVE_DATA:
					data = nad.Bytes()
				}
			}
			return nil
		})
	}
	return data, isPort
}

// DecodePortSettings reads IFLA_BRPORT_* attributes (a bridge port's
// IFLA_INFO_SLAVE_DATA, or the IFLA_PROTINFO of an AF_BRIDGE link
// message); the settings own their memory.
func DecodePortSettings(b []byte) PortSettings {
	var s PortSettings
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return s
	}
	onOff := s.onOffSettings()
	for ad.Next() {
		v := ad.Bytes()
		t := ad.Type()
		for _, o := range onOff {
			if o.attr == t && len(v) >= 1 {
				*o.at = new(v[0] != 0)
			}
		}
		switch t {
		case unix.IFLA_BRPORT_MULTICAST_ROUTER:
			if len(v) >= 1 {
				s.MulticastRouter = new(v[0])
			}
		case unix.IFLA_BRPORT_COST:
			if len(v) >= 4 {
				s.Cost = new(binary.NativeEndian.Uint32(v))
			}
		case unix.IFLA_BRPORT_PRIORITY:
			if len(v) >= 2 {
				s.Priority = new(binary.NativeEndian.Uint16(v))
			}
		case unix.IFLA_BRPORT_STATE:
			if len(v) >= 1 {
				s.State = new(PortState(v[0]))
			}
		case unix.IFLA_BRPORT_BACKUP_PORT:
			if len(v) >= 4 {
				s.BackupPort = new(binary.NativeEndian.Uint32(v))
			}
		}
	}
	return s
}
