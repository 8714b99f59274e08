package link

import (
	"net/netip"
	"strconv"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The typed kind specs below encode through the same functions as the
// kinds' word parsers (kind_*.go), so a spec and the equivalent words send
// the same bytes: their options are put in the order of the words shown in
// each type's comment.

// Veth is a virtual Ethernet pair (`type veth peer ...`). The new link is
// one end; Peer describes the other, with the same generic attributes as a
// Spec (its Kind stays nil): name, namespace (`ceth0` in `blue`), MTU,
// address, up. The zero Peer lets the kernel name the peer and put it
// beside the link.
type Veth struct {
	Peer Spec // the other end
}

// KindName is "veth".
func (Veth) KindName() string { return "veth" }

func (v Veth) encodeData(p *Parser, ae *netlink.AttributeEncoder) error {
	if v.Peer.isZero() {
		return nil
	}
	if v.Peer.Kind != nil {
		return cmdline.Duplicate("type", v.Peer.Kind.KindName())
	}
	// The peer's header is zeroed memory in iproute2's request, family too.
	var hdr rtnl.IfInfomsg
	peer := netlink.NewAttributeEncoder()
	if err := p.encodeCommon(&v.Peer, &hdr, peer); err != nil {
		return err
	}
	return encodeVethPeer(ae, hdr, peer)
}

// isZero reports whether s sets nothing.
func (s *Spec) isZero() bool {
	return s.Name == "" && s.Index == 0 && s.Parent == "" && s.TxQLen == nil && s.Address == nil &&
		s.Broadcast == nil && s.MTU == 0 && s.NumTxQueues == 0 && s.NumRxQueues == 0 && s.NetNS.IsZero() &&
		s.Master == "" && !s.Up && s.Kind == nil
}

// Bridge is an Ethernet bridge (`type bridge ...`). nil options keep the
// kernel's defaults. Words order: forward_delay hello_time max_age
// ageing_time stp_state priority vlan_filtering vlan_default_pvid
// mcast_snooping.
type Bridge struct {
	// ForwardDelay, HelloTime, MaxAge and AgeingTime are in hundredths
	// of a second, as ip-link(8) takes them.
	ForwardDelay, HelloTime, MaxAge, AgeingTime *uint32
	// STP turns the spanning tree protocol on (stp_state 1).
	STP *bool
	// Priority is the bridge's STP priority.
	Priority *uint16
	// VLANFiltering turns VLAN filtering on.
	VLANFiltering *bool
	// VLANDefaultPVID is the default port VLAN id.
	VLANDefaultPVID *uint16
	// MulticastSnooping turns IGMP/MLD snooping on or off.
	MulticastSnooping *bool
}

// KindName is "bridge".
func (Bridge) KindName() string { return "bridge" }

func (b Bridge) encodeData(_ *Parser, ae *netlink.AttributeEncoder) error {
	u32 := func(v *uint32) (uint64, bool) {
		if v == nil {
			return 0, false
		}
		return uint64(*v), true
	}
	u16 := func(v *uint16) (uint64, bool) {
		if v == nil {
			return 0, false
		}
		return uint64(*v), true
	}
	flag := func(v *bool) (uint64, bool) {
		if v == nil {
			return 0, false
		}
		return uint64(b2u8(*v)), true
	}
	values := []struct {
		attr uint16
		get  func() (uint64, bool)
	}{
		{unix.IFLA_BR_FORWARD_DELAY, func() (uint64, bool) { return u32(b.ForwardDelay) }},
		{unix.IFLA_BR_HELLO_TIME, func() (uint64, bool) { return u32(b.HelloTime) }},
		{unix.IFLA_BR_MAX_AGE, func() (uint64, bool) { return u32(b.MaxAge) }},
		{unix.IFLA_BR_AGEING_TIME, func() (uint64, bool) { return u32(b.AgeingTime) }},
		{unix.IFLA_BR_STP_STATE, func() (uint64, bool) { return flag(b.STP) }},
		{unix.IFLA_BR_PRIORITY, func() (uint64, bool) { return u16(b.Priority) }},
		{unix.IFLA_BR_VLAN_FILTERING, func() (uint64, bool) { return flag(b.VLANFiltering) }},
		{unix.IFLA_BR_VLAN_DEFAULT_PVID, func() (uint64, bool) { return u16(b.VLANDefaultPVID) }},
		{unix.IFLA_BR_MCAST_SNOOPING, func() (uint64, bool) { return flag(b.MulticastSnooping) }},
	}
	for _, v := range values {
		if n, ok := v.get(); ok {
			bridgeOptionByAttr(v.attr).encode(ae, n)
		}
	}
	return nil
}

// VXLAN is a VXLAN tunnel endpoint (`type vxlan ...`). Words order: dev
// ttl tos ageing maxaddress srcport proxy l2miss l3miss, then id, local,
// remote|group, [no]learning and dstport, which iproute2 sends last.
type VXLAN struct {
	// ID is the VXLAN network identifier (VNI), required.
	ID uint32
	// Remote is the unicast address of the other end; Group a multicast
	// group to join (it needs Dev). At most one of them.
	Remote, Group netip.Addr
	// Local is the source address of the tunnel's packets.
	Local netip.Addr
	// Dev names the underlying device (IFLA_VXLAN_LINK).
	Dev string
	// TTL is the outer packets' TTL; nil is the kernel's default, 0 is
	// "auto".
	TTL *uint8
	// TOS is the outer packets' TOS; nil is the default.
	TOS *uint8
	// Ageing is the FDB entries' lifetime in seconds; nil is the default.
	Ageing *uint32
	// MaxAddress limits the FDB entries; nil is unlimited.
	MaxAddress *uint32
	// SrcPortLow and SrcPortHigh are the UDP source port range; both 0
	// leave the default.
	SrcPortLow, SrcPortHigh uint16
	// Proxy, L2Miss and L3Miss turn on ARP proxying and the miss
	// notifications.
	Proxy, L2Miss, L3Miss bool
	// DstPort is the UDP destination port; 0 keeps the kernel's default
	// (8472; 4789 is IANA's).
	DstPort uint16
	// NoLearning turns source address learning off.
	NoLearning bool
}

// KindName is "vxlan".
func (VXLAN) KindName() string { return "vxlan" }

func (v VXLAN) encodeData(p *Parser, ae *netlink.AttributeEncoder) error {
	s := vxlanState{seen: map[uint16]bool{}, learning: b2u8(!v.NoLearning)}
	if v.Dev != "" {
		idx := p.Index(v.Dev)
		if idx == 0 {
			return cmdline.Fatal(cmdline.StatusUsage, "Cannot find device \"%s\"", v.Dev)
		}
		s.seen[unix.IFLA_VXLAN_LINK] = true
		ae.Uint32(unix.IFLA_VXLAN_LINK, uint32(idx))
	}
	if v.TTL != nil {
		ae.Uint8(unix.IFLA_VXLAN_TTL, *v.TTL)
	}
	if v.TOS != nil {
		ae.Uint8(unix.IFLA_VXLAN_TOS, *v.TOS)
	}
	if v.Ageing != nil {
		ae.Uint32(unix.IFLA_VXLAN_AGEING, *v.Ageing)
	}
	if v.MaxAddress != nil {
		ae.Uint32(unix.IFLA_VXLAN_LIMIT, *v.MaxAddress)
	}
	if v.SrcPortLow != 0 || v.SrcPortHigh != 0 {
		ae.Bytes(unix.IFLA_VXLAN_PORT_RANGE, []byte{byte(v.SrcPortLow >> 8), byte(v.SrcPortLow),
			byte(v.SrcPortHigh >> 8), byte(v.SrcPortHigh)})
	}
	for _, sw := range []struct {
		on   bool
		word string
	}{{v.Proxy, "proxy"}, {v.L2Miss, "l2miss"}, {v.L3Miss, "l3miss"}} {
		if sw.on {
			if err := s.parseSwitch(p, sw.word, ae); err != nil {
				return err
			}
		}
	}
	if v.ID >= 1<<24 {
		return cmdline.InvalidArg("invalid id", strconv.FormatUint(uint64(v.ID), 10))
	}
	s.vni = v.ID
	s.seen[unix.IFLA_VXLAN_ID] = true
	// The addresses are checked as the words "local A remote B" are.
	if v.Local.IsValid() {
		addr, _, err := vxlanAddr(v.Local.String(), netip.Addr{})
		if err != nil {
			return err
		}
		if addr.IsMulticast() {
			return cmdline.InvalidArg("invalid local address", v.Local.String())
		}
		s.local = addr
	}
	for _, r := range []struct {
		addr  netip.Addr
		group bool
		key   string
	}{{v.Remote, false, "remote"}, {v.Group, true, "group"}} {
		if !r.addr.IsValid() {
			continue
		}
		if s.remote.IsValid() {
			return cmdline.Exit(cmdline.StatusFailed, "vxlan: both group and remote cannot be specified")
		}
		addr, _, err := vxlanAddr(r.addr.String(), s.local)
		if err != nil {
			return err
		}
		if addr.IsMulticast() != r.group {
			return cmdline.InvalidArg("invalid "+r.key+" address", r.addr.String())
		}
		s.remote = addr
	}
	// A typed spec has no "dstport not given" warning: 0 is the default.
	s.seen[unix.IFLA_VXLAN_PORT] = true
	s.dstport = v.DstPort
	return s.encode(p, ae)
}

// MacvlanMode is a macvlan's or macvtap's mode (MACVLAN_MODE_*).
type MacvlanMode uint32

// The macvlan modes.
const (
	MacvlanModePrivate  MacvlanMode = 1  // no traffic between macvlans of one parent
	MacvlanModeVEPA     MacvlanMode = 2  // traffic between them goes through the external switch
	MacvlanModeBridge   MacvlanMode = 4  // a bridge between the macvlans of one parent
	MacvlanModePassthru MacvlanMode = 8  // one macvlan takes over the parent
	MacvlanModeSource   MacvlanMode = 16 // accepts only the listed source MACs
)

// String is the mode's name in ip-link(8), "bridge" for example.
func (m MacvlanMode) String() string {
	for _, md := range macvlanModes {
		if md.mode == uint32(m) {
			return md.name
		}
	}
	return "unknown"
}

// Macvlan is a macvlan device on Parent (`link PARENT type macvlan ...`).
// Words order: bcqueuelen, mode, flag.
type Macvlan struct {
	// Parent names the lower device (IFLA_LINK), required by the kernel.
	Parent string
	// Mode is the mode; 0 keeps the kernel's default (vepa).
	Mode MacvlanMode
	// NoPromisc (passthru mode only) and NoDst are the mode flags.
	NoPromisc, NoDst bool
	// BcQueueLen is the broadcast queue length; nil is the default.
	BcQueueLen *uint32
}

// KindName is "macvlan".
func (Macvlan) KindName() string { return "macvlan" }

func (m Macvlan) parent() string { return m.Parent }

func (m Macvlan) encodeData(p *Parser, ae *netlink.AttributeEncoder) error {
	return m.encode(p, "macvlan", ae)
}

func (m Macvlan) encode(p *Parser, kind string, ae *netlink.AttributeEncoder) error {
	if m.BcQueueLen != nil {
		ae.Uint32(unix.IFLA_MACVLAN_BC_QUEUE_LEN, *m.BcQueueLen)
	}
	var flags uint16
	if m.NoPromisc {
		flags |= macvlanFlagNoPromisc
	}
	if m.NoDst {
		flags |= macvlanFlagNoDst
	}
	return encodeMacvlanMode(p, kind, ae, uint32(m.Mode), flags, flags != 0)
}

// Macvtap is a macvtap device: a macvlan with a tap character device. Its
// fields are Macvlan's.
type Macvtap Macvlan

// KindName is "macvtap".
func (Macvtap) KindName() string { return "macvtap" }

func (m Macvtap) parent() string { return m.Parent }

func (m Macvtap) encodeData(p *Parser, ae *netlink.AttributeEncoder) error {
	return Macvlan(m).encode(p, "macvtap", ae)
}

// IFB is an intermediate functional block device (`type ifb`); it has no
// options.
type IFB struct{}

// KindName is "ifb".
func (IFB) KindName() string { return "ifb" }

func (IFB) encodeData(*Parser, *netlink.AttributeEncoder) error { return nil }

// KindArgs is any kind with its options as ip-link(8) words, read by the
// same parser as `ip link add NAME type KIND ARGS...`: KindArgs{Kind:
// "vlan", Args: []string{"id", "5"}}. Errors are that parser's.
type KindArgs struct {
	Kind string   // the IFLA_INFO_KIND, as after `type`
	Args []string // the kind's words, as after `type KIND`
}

// KindName is the kind's name, ka.Kind.
func (ka KindArgs) KindName() string { return ka.Kind }

// encodeData is not used: encodeKind runs the words' parser for KindArgs.
func (ka KindArgs) encodeData(p *Parser, ae *netlink.AttributeEncoder) error {
	return nil
}
