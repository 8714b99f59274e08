package bridge

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// IFLA_BRIDGE_* of IFLA_AF_SPEC, BRIDGE_VLAN_INFO_* flags and
// IFLA_BRIDGE_VLAN_TUNNEL_* (linux/if_bridge.h).
const (
	iflaBridgeVlanInfo       = 2
	iflaBridgeVlanTunnelInfo = 3

	vlanInfoPVID       = 1 << 1
	vlanInfoUntagged   = 1 << 2
	vlanInfoRangeBegin = 1 << 3
	vlanInfoRangeEnd   = 1 << 4

	vlanTunnelID    = 1
	vlanTunnelVID   = 2
	vlanTunnelFlags = 3
)

// VLAN is a VLAN (or a range of them) of a bridge port or of the bridge
// itself, what `bridge vlan add|del` names. The bridge must filter VLANs
// (vlan_filtering 1) for the kernel to take it.
type VLAN struct {
	// Index is the port, or the bridge (with Flags BridgeFlagsSelf).
	Index int
	// VID is the VLAN id, or the first of the range.
	VID uint16
	// End is the last VLAN id of a range VID..End; nil for one VLAN.
	End *uint16
	// PVID makes VID the port's VLAN for untagged ingress ("pvid").
	PVID bool
	// Untagged sends the VLAN's frames untagged ("untagged").
	Untagged bool
	// Flags are IFLA_BRIDGE_FLAGS (BridgeFlagsSelf, BridgeFlagsMaster); 0
	// sends none.
	Flags uint16
	// Tunnel maps the VLAN (or the range) to a tunnel id, or a range of
	// them ("tunnel_info id"); nil for none.
	Tunnel *VLANTunnel
}

// VLANTunnel is the tunnel id of a VLAN, or the first and last of a
// range mapped to a VLAN range.
type VLANTunnel struct {
	ID, EndID uint32
}

func vlanInfo(flags, vid uint16) []byte {
	b := make([]byte, 4)
	binary.NativeEndian.PutUint16(b[0:2], flags)
	binary.NativeEndian.PutUint16(b[2:4], vid)
	return b
}

// VLANRequest is the body of the RTM_SETLINK (add) or RTM_DELLINK (delete)
// request for v, byte for byte what `bridge vlan add|del` sends: ifinfomsg
// and IFLA_AF_SPEC (not flagged nested, as iproute2 sends it) with the
// flags and either the vlan infos or the tunnel infos.
func VLANRequest(v VLAN) []byte {
	var flags uint16
	if v.PVID {
		flags |= vlanInfoPVID
	}
	if v.Untagged {
		flags |= vlanInfoUntagged
	}
	if v.End != nil {
		flags |= vlanInfoRangeBegin
	}
	b, _ := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_BRIDGE, Index: int32(v.Index)}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		sub := netlink.NewAttributeEncoder()
		if v.Flags != 0 {
			sub.Uint16(iflaBridgeFlags, v.Flags)
		}
		// iproute2 nests the tunnel infos without NLA_F_NESTED too.
		tunnel := func(vid uint16, id uint32, flags uint16) {
			info := netlink.NewAttributeEncoder()
			info.Uint32(vlanTunnelID, id)
			info.Uint16(vlanTunnelVID, vid)
			info.Uint16(vlanTunnelFlags, flags)
			b, _ := info.Encode() // fixed-size attributes only
			sub.Bytes(iflaBridgeVlanTunnelInfo, b)
		}
		switch {
		case v.Tunnel != nil && v.End != nil:
			tunnel(v.VID, v.Tunnel.ID, vlanInfoRangeBegin)
			tunnel(*v.End, v.Tunnel.EndID, vlanInfoRangeEnd)
		case v.Tunnel != nil:
			tunnel(v.VID, v.Tunnel.ID, 0)
		case v.End != nil:
			sub.Bytes(iflaBridgeVlanInfo, vlanInfo(flags, v.VID))
			sub.Bytes(iflaBridgeVlanInfo, vlanInfo(flags&^vlanInfoRangeBegin|vlanInfoRangeEnd, *v.End))
		default:
			sub.Bytes(iflaBridgeVlanInfo, vlanInfo(flags, v.VID))
		}
		nested, err := sub.Encode()
		if err != nil {
			return err
		}
		ae.Bytes(unix.IFLA_AF_SPEC, nested)
		return nil
	})
	return b
}

// VLANAdd adds v (`bridge vlan add`).
func VLANAdd(ctx context.Context, c *rtnl.Conn, v VLAN) error {
	return c.ExecContext(ctx, unix.RTM_SETLINK, 0, VLANRequest(v))
}

// VLANDelete deletes v (`bridge vlan del`).
func VLANDelete(ctx context.Context, c *rtnl.Conn, v VLAN) error {
	return c.ExecContext(ctx, unix.RTM_DELLINK, 0, VLANRequest(v))
}
