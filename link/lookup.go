package link

import (
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// IndexByName returns the ifindex of the device called name in conn's
// namespace, asking the kernel for that one link (IFLA_IFNAME, or
// IFLA_ALT_IFNAME for an alternative name) rather than dumping all. As
// iproute2's ll_name_to_index, which falls back on if_nametoindex, a name
// the kernel does not know is looked up once more as the SIOCGIFINDEX
// ioctl reads it: cut at its first ':', so that an address label such as
// "v0:1" names v0.
func IndexByName(c *rtnl.Conn, name string) (int32, error) {
	idx, err := indexByName(c, name)
	if err != nil && rtnl.IsErrno(err, unix.ENODEV) {
		if base, ok := IoctlName(name); ok {
			if idx, err2 := indexByName(c, base); err2 == nil {
				return idx, nil
			}
		}
	}
	return idx, err
}

// IoctlName is the device name an interface ioctl (SIOCGIFINDEX and the
// others glibc's if_nametoindex and brctl use) looks up for name: the part
// before the first ':' (the kernel's dev_ioctl drops an alias label),
// when that differs from name, is not empty, and name fits in IFNAMSIZ
// (glibc refuses longer ones).
func IoctlName(name string) (string, bool) {
	if len(name) >= unix.IFNAMSIZ {
		return "", false
	}
	base, _, found := strings.Cut(name, ":")
	if !found || base == "" {
		return "", false
	}
	return base, true
}

// lookupAttrsLen is what ll_link_get's request holds before the name:
// header, ifinfomsg and IFLA_EXT_MASK.
const lookupAttrsLen = rtnl.HeaderLen + ifinfomsgLen + 8

// NameFitsLookup reports whether name fits in iproute2's request for a
// link by name (ll_link_get): a longer one gets addattr_l's line there.
func NameFitsLookup(name string) bool {
	return rtnl.AttrFits(lookupAttrsLen, len(name)+1, rtnl.LinkReqBound)
}

// LookupExceedsBound is NameFitsLookup's negation, printing addattr_l's
// line through c.Warn when the name does not fit.
func LookupExceedsBound(c *rtnl.Conn, name string) bool {
	return c.ExceedsBound(lookupAttrsLen, len(name)+1, rtnl.LinkReqBound)
}

// ifinfomsgLen is the length of struct ifinfomsg.
const ifinfomsgLen = 16

func indexByName(c *rtnl.Conn, name string) (int32, error) {
	body, err := QueryByName(c, name)
	if err != nil {
		return 0, err
	}
	hdr, _, err := rtnl.ParseIfInfomsg(body)
	if err != nil {
		return 0, err
	}
	return hdr.Index, nil
}

// QueryByName is ll_link_get's request for the link called name: the
// answer's body (ifinfomsg and attributes).
func QueryByName(c *rtnl.Conn, name string) ([]byte, error) {
	// ll_link_get puts IFLA_EXT_MASK and then the name in a 1056-byte
	// request: a name that does not fit gets addattr_l's line and is
	// left out, so the kernel finds nothing.
	if LookupExceedsBound(c, name) {
		return nil, &rtnl.Error{Errno: unix.ENODEV}
	}
	if name == "" || len(name) >= unix.IFNAMSIZ+128 {
		return nil, &rtnl.Error{Errno: unix.ENODEV}
	}
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		if len(name) < unix.IFNAMSIZ {
			ae.String(unix.IFLA_IFNAME, name)
		} else {
			ae.String(unix.IFLA_ALT_IFNAME, name)
		}
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterSkipStats)
		return nil
	})
	if err != nil {
		return nil, err
	}
	m, err := c.Query(unix.RTM_GETLINK, 0, body)
	if err != nil {
		return nil, err
	}
	return m.Data, nil
}

// QueryByIndex is ll_link_get's request for link idx: the answer's body.
func QueryByIndex(c *rtnl.Conn, idx uint32) ([]byte, error) {
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: int32(idx)}.Append(nil),
		func(ae *netlink.AttributeEncoder) error {
			ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterVF|rtnl.ExtFilterSkipStats)
			return nil
		})
	if err != nil {
		return nil, err
	}
	m, err := c.Query(unix.RTM_GETLINK, 0, body)
	if err != nil {
		return nil, err
	}
	return m.Data, nil
}

// IoctlIndex is if_nametoindex after a failed kernel lookup of name: the
// index of the device an interface ioctl finds for it (IoctlName), or 0.
func IoctlIndex(c *rtnl.Conn, name string) uint32 {
	base, ok := IoctlName(name)
	if !ok {
		return 0
	}
	idx, err := indexByName(c, base)
	if err != nil || idx <= 0 {
		return 0
	}
	return uint32(idx)
}

// MustIndex is IndexByName failing as iproute2 does for a device that does
// not exist: `Cannot find device "NAME"`, exit 1.
func MustIndex(c *rtnl.Conn, name string) (int32, error) {
	idx, err := IndexByName(c, name)
	if err != nil {
		if rtnl.IsErrno(err, unix.ENODEV) {
			return 0, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", name)
		}
		return 0, err
	}
	return idx, nil
}

// NameByIndex returns the name of the link with ifindex idx.
func NameByIndex(c *rtnl.Conn, idx int32) (string, error) {
	body := rtnl.IfInfomsg{Family: unix.AF_UNSPEC, Index: idx}.Append(nil)
	body, _ = rtnl.Body(body, func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(unix.IFLA_EXT_MASK, rtnl.ExtFilterSkipStats)
		return nil
	})
	m, err := c.Query(unix.RTM_GETLINK, 0, body)
	if err != nil {
		return "", err
	}
	_, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return "", err
	}
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return "", err
	}
	for ad.Next() {
		if ad.Type() == unix.IFLA_IFNAME {
			return ad.String(), nil
		}
	}
	return "", ad.Err()
}

// IndexFromIfN is ll_idx_a2n: the ifindex a name "ifN" stands for, read
// as sscanf(name, "if%u") does (blanks, a sign and text after the number
// are let through, the value is cut to 32 bits: "if 1", "if+1" and "if1x"
// are 1, "if-1" is 2^32-1), or 0 for a name of any other form.
func IndexFromIfN(name string) uint32 {
	rest, ok := strings.CutPrefix(name, "if")
	if !ok {
		return 0
	}
	v, _, ok := cnum.ScanUint(rest, 10)
	if !ok {
		return 0
	}
	return uint32(v)
}
