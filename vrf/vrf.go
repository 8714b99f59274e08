// Package vrf finds VRF devices (links of kind "vrf") and their routing
// tables, with the link requests `ip vrf` sends, and binds processes to a
// VRF the way `ip vrf exec` does: through a cgroup2 directory per VRF
// (Cgroup, Join) whose sockets a BPF program binds to the VRF device
// (BindSockets). Processes and Identify read those bindings back.
package vrf

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

const iflaVRFTable = 1 // IFLA_VRF_TABLE

// VRF is one VRF device.
type VRF struct {
	Name  string // the device's name
	Index int    // the device's index
	Table uint32 // the routing table it binds
}

// LinkRequest is the RTM_GETLINK body that asks for the link name (with
// family in the header, as iproute2's name_is_vrf sends it).
func LinkRequest(family int, name string) []byte {
	b := rtnl.IfInfomsg{Family: uint8(family)}.Append(nil)
	return appendAttr(b, unix.IFLA_IFNAME, append([]byte(name), 0))
}

// DumpRequest is the RTM_GETLINK dump body filtered by kind "vrf" that
// `ip vrf show` sends.
func DumpRequest() []byte {
	b := rtnl.IfInfomsg{}.Append(nil)
	kind := appendAttr(nil, unix.IFLA_INFO_KIND, []byte("vrf"))
	return appendAttr(b, unix.IFLA_LINKINFO, kind)
}

func appendAttr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// LinkInfo reads a link's kind and, for a VRF, its table from the link
// message's attributes (those after struct ifinfomsg); hasData reports
// IFLA_INFO_DATA.
func LinkInfo(attrs []byte) (kind string, table uint32, hasData bool) {
	a := rtnl.NewAttrs(attrs)
	for a.Next() {
		if a.Type() != unix.IFLA_LINKINFO {
			continue
		}
		li := rtnl.NewAttrs(a.Data())
		for li.Next() {
			switch li.Type() {
			case unix.IFLA_INFO_KIND:
				kind = li.String()
			case unix.IFLA_INFO_DATA:
				hasData = true
				d := rtnl.NewAttrs(li.Data())
				for d.Next() {
					if d.Type() == iflaVRFTable && len(d.Data()) >= 4 {
						table = binary.NativeEndian.Uint32(d.Data())
					}
				}
			}
		}
	}
	return kind, table, hasData
}

// Decode reads a link message body; ok is false unless it is a VRF with
// a name and a table.
func Decode(body []byte) (v VRF, ok bool) {
	ifi, attrs, err := rtnl.ParseIfInfomsg(body)
	if err != nil {
		return VRF{}, false
	}
	hasName := false
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		if a.Type() == unix.IFLA_IFNAME {
			v.Name, hasName = a.String(), true
		}
	}
	kind, table, _ := LinkInfo(attrs)
	if !hasName || kind != "vrf" || table == 0 {
		return VRF{}, false
	}
	v.Index, v.Table = int(ifi.Index), table
	return v, true
}

// List returns the VRF devices of c's namespace.
func List(ctx context.Context, c *rtnl.Conn) ([]VRF, error) {
	var list []VRF
	err := c.DumpContext(ctx, unix.RTM_GETLINK, DumpRequest(), func(m netlink.Message) error {
		if v, ok := Decode(m.Data); ok {
			list = append(list, v)
		}
		return nil
	})
	return list, err
}

// Get returns the VRF device name; ok is false when name is a link of
// another kind. No such link is the kernel's refusal (ENODEV).
func Get(ctx context.Context, c *rtnl.Conn, name string) (v VRF, ok bool, err error) {
	m, err := c.QueryContext(ctx, unix.RTM_GETLINK, 0, LinkRequest(unix.AF_UNSPEC, name))
	if err != nil {
		return VRF{}, false, err
	}
	v, ok = Decode(m.Data)
	return v, ok, nil
}
