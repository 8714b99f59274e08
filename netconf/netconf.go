// Package netconf reads the kernel's per-device IPv4, IPv6 and MPLS
// settings (forwarding, rp_filter, …) that it reports in RTM_NEWNETCONF
// messages, as `ip netconf` and `ip monitor netconf` show them.
package netconf

import (
	"context"
	"encoding/binary"
	"errors"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Message types (linux/rtnetlink.h; x/sys/unix lacks them).
const (
	RTMNewNetconf = 80
	RTMDelNetconf = 81
	RTMGetNetconf = 82
)

// The NETCONFA_* attributes.
const (
	attrIfindex           = 1
	attrForwarding        = 2
	attrRPFilter          = 3
	attrMCForwarding      = 4
	attrProxyNeigh        = 5
	attrIgnoreRoutesLinkd = 6
	attrInput             = 7
)

// The Ifindex values that name no device.
const (
	IfindexAll     = -1 // the "all" settings
	IfindexDefault = -2 // the defaults for new devices
)

// HeaderLen is struct netconfmsg (one byte, the family) padded to four.
const HeaderLen = 4

// Value is one setting: whether the message carried it, and its value.
type Value struct {
	Valid bool   // the message carried the setting
	V     uint32 // its value
}

// Conf is one RTM_NEWNETCONF message: a family's settings for a device
// (or for all of them, or the defaults). It holds no references into the
// message.
type Conf struct {
	Family int // AF_INET, AF_INET6 or AF_MPLS
	// Ifindex is the device's index, IfindexAll or IfindexDefault (as
	// an int32 in V).
	Ifindex              Value
	Forwarding           Value // forwarding on (1) or off (0)
	RPFilter             Value // 0 off, 1 strict, 2 loose
	MCForwarding         Value // multicast forwarding on or off
	ProxyNeigh           Value // proxy ARP / NDP on or off
	IgnoreRoutesLinkdown Value // routes through a link that is down ignored
	Input                Value // MPLS input
}

// ErrShort is a message shorter than struct netconfmsg.
var ErrShort = errors.New("netconf message shorter than its header")

// Decode decodes an RTM_NEWNETCONF or RTM_DELNETCONF message body. An
// attribute shorter than four bytes is skipped; a repeated one counts
// with its last value, as in iproute2.
func Decode(body []byte) (Conf, error) {
	if len(body) < HeaderLen {
		return Conf{}, ErrShort
	}
	c := Conf{Family: int(body[0])}
	for ad := rtnl.NewAttrs(body[HeaderLen:]); ad.Next(); {
		if len(ad.Data()) < 4 {
			continue
		}
		v := Value{Valid: true, V: binary.NativeEndian.Uint32(ad.Data())}
		switch ad.Type() {
		case attrIfindex:
			c.Ifindex = v
		case attrForwarding:
			c.Forwarding = v
		case attrRPFilter:
			c.RPFilter = v
		case attrMCForwarding:
			c.MCForwarding = v
		case attrProxyNeigh:
			c.ProxyNeigh = v
		case attrIgnoreRoutesLinkd:
			c.IgnoreRoutesLinkdown = v
		case attrInput:
			c.Input = v
		}
	}
	return c, nil
}

// DumpRequest is the body of an RTM_GETNETCONF dump for family (0: all):
// struct netconfmsg.
func DumpRequest(family int) []byte {
	return []byte{byte(family), 0, 0, 0}
}

// GetRequest is the body of the RTM_GETNETCONF for one device's settings
// of one family.
func GetRequest(family int, ifindex uint32) []byte {
	b := DumpRequest(family)
	b = binary.NativeEndian.AppendUint16(b, 8)
	b = binary.NativeEndian.AppendUint16(b, attrIfindex)
	return binary.NativeEndian.AppendUint32(b, ifindex)
}

// List returns the settings of family (0: every family) for every device
// and for "all" and "default".
func List(ctx context.Context, c *rtnl.Conn, family int) ([]Conf, error) {
	var list []Conf
	err := c.DumpContext(ctx, RTMGetNetconf, DumpRequest(family), func(m netlink.Message) error {
		if m.Header.Type != RTMNewNetconf {
			return nil
		}
		conf, err := Decode(m.Data)
		if err != nil {
			return err
		}
		list = append(list, conf)
		return nil
	})
	return list, err
}

// Get returns one device's settings of one family (AF_INET, AF_INET6 or
// AF_MPLS); ifindex may be IfindexAll or IfindexDefault as a uint32.
func Get(ctx context.Context, c *rtnl.Conn, family int, ifindex uint32) (Conf, error) {
	m, err := c.QueryContext(ctx, RTMGetNetconf, 0, GetRequest(family, ifindex))
	if err != nil {
		return Conf{}, err
	}
	return Decode(m.Data)
}
