package link

import (
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// QueryLink asks the kernel for one link: the one called name (an alternative
// name when too long for IFLA_IFNAME) as iproute2's iplink_get does, or
// when name is "" the one with ifindex index. extMask is the IFLA_EXT_MASK
// (RTEXT_FILTER_* bits). A missing device is an *rtnl.Error with ENODEV.
func QueryLink(c *rtnl.Conn, index int32, name string, family uint8, extMask uint32) (*Link, error) {
	// iplink_get's request is 1056 bytes: a name that does not fit gets
	// addattr_l's line and the request goes without it.
	if name != "" && c.ExceedsBound(rtnl.HeaderLen+ifinfomsgLen, len(name)+1, rtnl.LinkReqBound) {
		name = ""
	}
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: family, Index: index}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		switch {
		case name == "":
		case len(name) < unix.IFNAMSIZ:
			ae.String(unix.IFLA_IFNAME, name)
		default:
			ae.String(unix.IFLA_ALT_IFNAME, name)
		}
		ae.Uint32(unix.IFLA_EXT_MASK, extMask)
		return nil
	})
	if err != nil {
		return nil, err
	}
	m, err := c.Query(unix.RTM_GETLINK, 0, body)
	if err != nil {
		return nil, err
	}
	return Decode(m.Data)
}
