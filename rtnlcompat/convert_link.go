package rtnlcompat

import (
	"bytes"
	"encoding/binary"
	"net"
	"slices"

	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// LinkMessage returns rtnetlink's message for l: the header (family, type,
// index, flags; Change stays 0), name, alias, alternative names, hardware
// and broadcast addresses, MTU, IFLA_LINK (rtnetlink's Attributes.Type),
// qdisc, operational state, master, transmit queue length, group, link
// mode, carrier changes, the kind and slave kind with their data, and the
// counters (Stats64, or Stats when the kernel sent only IFLA_STATS; the
// counters past rtnetlink's structs, 25 and 24 of them, are dropped). The
// pointer fields are set when l had the attribute (l.Has) or its value is
// not 0. The kind's data is decoded as rtnetlink decodes IFLA_INFO_DATA:
// into the driver registered for the kind (driver.Bridge, driver.Vxlan...
// when the program imports rtnetlink/v2/driver), else into
// *rtnetlink.LinkData holding the raw attributes. Not carried over, for
// rtnetlink has no field for them: PermAddress, Promiscuity, Allmulti,
// MinMTU, MaxMTU, the queue counts, the GSO/TSO/GRO limits, Event,
// LinkNetNSID, NewNetNSID, NewIfIndex, ProtoDown and IFLA_AF_SPEC.
func LinkMessage(l link.Link) *rtnetlink.LinkMessage {
	has := func(typ uint16, v uint32) *uint32 {
		if l.Has(typ) || v != 0 {
			return ptr(v)
		}
		return nil
	}
	a := &rtnetlink.LinkAttributes{
		Name: l.Name, Address: cloneHW(l.Address), Broadcast: cloneHW(l.Broadcast),
		AltNames: slices.Clone(l.AltNames), MTU: l.MTU, Type: l.Link, QueueDisc: l.Qdisc,
		OperationalState: rtnetlink.OperationalState(l.OperState),
		Master:           has(unix.IFLA_MASTER, l.Master), TxQueueLen: has(unix.IFLA_TXQLEN, l.TxQLen),
		NetDevGroup: has(unix.IFLA_GROUP, l.Group), CarrierChanges: has(unix.IFLA_CARRIER_CHANGES, l.CarrierChanges),
	}
	if l.Has(unix.IFLA_IFALIAS) || l.Alias != "" {
		a.Alias = ptr(l.Alias)
	}
	if l.Has(unix.IFLA_LINKMODE) || l.LinkMode != 0 {
		a.LinkMode = ptr(l.LinkMode)
	}
	if l.Kind != "" || l.SlaveKind != "" || l.InfoData != nil || l.SlaveData != nil {
		a.Info = linkInfo(&l)
	}
	if c := l.Counters(); c != nil {
		if l.Stats64 {
			a.Stats64 = &rtnetlink.LinkStats64{}
			for i, p := range stats64Fields(a.Stats64) {
				if i < len(c) {
					*p = c[i]
				}
			}
		} else {
			a.Stats = &rtnetlink.LinkStats{}
			for i, p := range statsFields(a.Stats) {
				if i < len(c) {
					*p = uint32(c[i])
				}
			}
		}
	}
	return &rtnetlink.LinkMessage{
		Family: uint16(l.Family), Type: l.Type, Index: uint32(l.Index), Flags: l.Flags, Attributes: a,
	}
}

func cloneHW(a net.HardwareAddr) net.HardwareAddr {
	if a == nil {
		return nil
	}
	return bytes.Clone(a)
}

// linkInfo has rtnetlink decode l's IFLA_LINKINFO, so that the kind's data
// lands in the driver rtnetlink would pick for it.
func linkInfo(l *link.Link) *rtnetlink.LinkInfo {
	var nest []byte
	if l.Kind != "" {
		nest = appendAttr(nest, unix.IFLA_INFO_KIND, []byte(l.Kind))
	}
	if l.InfoData != nil {
		nest = appendAttr(nest, unix.IFLA_INFO_DATA, l.InfoData)
	}
	if l.SlaveKind != "" {
		nest = appendAttr(nest, unix.IFLA_INFO_SLAVE_KIND, []byte(l.SlaveKind))
	}
	if l.SlaveData != nil {
		nest = appendAttr(nest, unix.IFLA_INFO_SLAVE_DATA, l.SlaveData)
	}
	body := appendAttr(rtnl.IfInfomsg{}.Append(nil), unix.IFLA_LINKINFO, nest)
	var m rtnetlink.LinkMessage
	if err := m.UnmarshalBinary(body); err != nil || m.Attributes == nil || m.Attributes.Info == nil {
		return &rtnetlink.LinkInfo{Kind: l.Kind, SlaveKind: l.SlaveKind}
	}
	return m.Attributes.Info
}

// LinkFromMessage returns the link.Link m describes. It lays m out as the
// kernel's RTM_NEWLINK and decodes that with link's decoder, so the
// result answers Has and Counters as a link from link.List does: an
// attribute is present when its pointer field is set, or, for the fields
// rtnetlink keeps as values (MTU, QueueDisc, OperationalState, Type,
// Name), when it is not zero. The kind's data is its raw attributes
// (*rtnetlink.LinkData) or what its driver encodes (only the attributes
// the driver knows; a driver that cannot encode what it holds gives
// none). Not carried over, for link.Link has no field for them: Change,
// Carrier, CarrierUpCount, CarrierDownCount, ExtMask, Attributes.Index,
// NumVF, PhysPortID, PhysPortName, PhysSwitchID, VFInfoList, XDP and
// NetNS. Values too long for a netlink attribute are left out.
func LinkFromMessage(m *rtnetlink.LinkMessage) link.Link {
	if m == nil {
		return link.Link{}
	}
	b := rtnl.IfInfomsg{Family: uint8(m.Family), Type: m.Type, Index: int32(m.Index), Flags: m.Flags, Change: m.Change}.Append(nil)
	if a := m.Attributes; a != nil {
		u32 := func(typ uint16, v uint32) {
			b = appendAttr(b, typ, binary.NativeEndian.AppendUint32(nil, v))
		}
		str := func(typ uint16, s string) {
			b = appendAttr(b, typ, append([]byte(s), 0))
		}
		if a.Name != "" {
			str(unix.IFLA_IFNAME, a.Name)
		}
		if a.Alias != nil {
			str(unix.IFLA_IFALIAS, *a.Alias)
		}
		if a.Address != nil {
			b = appendAttr(b, unix.IFLA_ADDRESS, a.Address)
		}
		if a.Broadcast != nil {
			b = appendAttr(b, unix.IFLA_BROADCAST, a.Broadcast)
		}
		if a.MTU != 0 {
			u32(unix.IFLA_MTU, a.MTU)
		}
		if a.Type != 0 {
			u32(unix.IFLA_LINK, a.Type)
		}
		if a.QueueDisc != "" {
			str(unix.IFLA_QDISC, a.QueueDisc)
		}
		if a.OperationalState != 0 {
			b = appendAttr(b, unix.IFLA_OPERSTATE, []byte{uint8(a.OperationalState)})
		}
		if a.LinkMode != nil {
			b = appendAttr(b, unix.IFLA_LINKMODE, []byte{*a.LinkMode})
		}
		for _, f := range []struct {
			typ uint16
			v   *uint32
		}{
			{unix.IFLA_MASTER, a.Master}, {unix.IFLA_TXQLEN, a.TxQueueLen},
			{unix.IFLA_GROUP, a.NetDevGroup}, {unix.IFLA_CARRIER_CHANGES, a.CarrierChanges},
		} {
			if f.v != nil {
				u32(f.typ, *f.v)
			}
		}
		if len(a.AltNames) > 0 {
			var props []byte
			for _, n := range a.AltNames {
				props = appendAttr(props, unix.IFLA_ALT_IFNAME, append([]byte(n), 0))
			}
			b = appendAttr(b, unix.IFLA_PROP_LIST|unix.NLA_F_NESTED, props)
		}
		if a.Stats != nil {
			var s []byte
			for _, p := range statsFields(a.Stats) {
				s = binary.NativeEndian.AppendUint32(s, *p)
			}
			b = appendAttr(b, unix.IFLA_STATS, s)
		}
		if a.Stats64 != nil {
			var s []byte
			for _, p := range stats64Fields(a.Stats64) {
				s = binary.NativeEndian.AppendUint64(s, *p)
			}
			b = appendAttr(b, unix.IFLA_STATS64, s)
		}
		if i := a.Info; i != nil {
			var nest []byte
			if i.Kind != "" {
				nest = appendAttr(nest, unix.IFLA_INFO_KIND, []byte(i.Kind))
			}
			if d, ok := driverData(i.Data); ok {
				nest = appendAttr(nest, unix.IFLA_INFO_DATA, d)
			}
			if i.SlaveKind != "" {
				nest = appendAttr(nest, unix.IFLA_INFO_SLAVE_KIND, []byte(i.SlaveKind))
			}
			if d, ok := driverData(i.SlaveData); ok {
				nest = appendAttr(nest, unix.IFLA_INFO_SLAVE_DATA, d)
			}
			b = appendAttr(b, unix.IFLA_LINKINFO, nest)
		}
	}
	l, err := link.Decode(b)
	if err != nil { // not reached: b is well formed
		return link.Link{}
	}
	return *l.Clone()
}

// driverData is the attributes a link driver holds, as IFLA_INFO_DATA
// (or IFLA_INFO_SLAVE_DATA) carries them.
func driverData(d rtnetlink.LinkDriver) (data []byte, ok bool) {
	if d == nil {
		return nil, false
	}
	if ld, isRaw := d.(*rtnetlink.LinkData); isRaw {
		return ld.Data, ld.Data != nil
	}
	// A driver's Encode may dereference what a decoded driver left nil
	// (driver.Veth's PeerInfo): such a driver contributes no data.
	defer func() {
		if recover() != nil {
			data, ok = nil, false
		}
	}()
	ae := netlink.NewAttributeEncoder()
	if err := d.Encode(ae); err != nil {
		return nil, false
	}
	b, err := ae.Encode()
	if err != nil {
		return nil, false
	}
	return b, true
}

// stats64Fields are s's counters in struct rtnl_link_stats64's order.
func stats64Fields(s *rtnetlink.LinkStats64) []*uint64 {
	return []*uint64{
		&s.RXPackets, &s.TXPackets, &s.RXBytes, &s.TXBytes, &s.RXErrors, &s.TXErrors,
		&s.RXDropped, &s.TXDropped, &s.Multicast, &s.Collisions,
		&s.RXLengthErrors, &s.RXOverErrors, &s.RXCRCErrors, &s.RXFrameErrors, &s.RXFIFOErrors, &s.RXMissedErrors,
		&s.TXAbortedErrors, &s.TXCarrierErrors, &s.TXFIFOErrors, &s.TXHeartbeatErrors, &s.TXWindowErrors,
		&s.RXCompressed, &s.TXCompressed, &s.RXNoHandler, &s.RXOtherhostDropped,
	}
}

// statsFields are s's counters in struct rtnl_link_stats's order.
func statsFields(s *rtnetlink.LinkStats) []*uint32 {
	return []*uint32{
		&s.RXPackets, &s.TXPackets, &s.RXBytes, &s.TXBytes, &s.RXErrors, &s.TXErrors,
		&s.RXDropped, &s.TXDropped, &s.Multicast, &s.Collisions,
		&s.RXLengthErrors, &s.RXOverErrors, &s.RXCRCErrors, &s.RXFrameErrors, &s.RXFIFOErrors, &s.RXMissedErrors,
		&s.TXAbortedErrors, &s.TXCarrierErrors, &s.TXFIFOErrors, &s.TXHeartbeatErrors, &s.TXWindowErrors,
		&s.RXCompressed, &s.TXCompressed, &s.RXNoHandler,
	}
}
