package nexthop

import (
	"context"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Encode is the RTM_NEWNEXTHOP request body for nh. The attributes go in
// a fixed order, that of `ip nexthop add id ID [blackhole] [encap …]
// [via ADDRESS] [dev DEV] [group GROUP [type TYPE ARGS]] [fdb]
// [protocol P]`, so the body is byte for byte what iproute2 sends for
// those words.
func Encode(nh Nexthop) []byte {
	hdr := Header{Family: uint8(nh.Family), Protocol: nh.Protocol, Flags: nh.Flags}
	if nh.Family == unix.AF_UNSPEC {
		switch {
		case nh.Gateway.Is4():
			hdr.Family = unix.AF_INET
		case nh.Gateway.Is6():
			hdr.Family = unix.AF_INET6
		case nh.Dev != 0 || nh.Blackhole:
			hdr.Family = unix.AF_INET
		}
	}
	b := hdr.Append(nil)
	if nh.ID != 0 {
		b = AppendID(b, nh.ID)
	}
	if nh.Blackhole {
		b = AppendBlackhole(b)
	}
	if nh.Encap != nil {
		b = rtattr(b, nhaEncap|rtnl.NLAFNested, nh.Encap)
		b = rtattrU16(b, nhaEncapType, nh.EncapType)
	}
	if nh.Gateway.IsValid() {
		b = AppendGateway(b, nh.Gateway.AsSlice())
	}
	if nh.Dev != 0 {
		b = AppendDev(b, uint32(nh.Dev))
	}
	if nh.Group != nil {
		b = AppendGroup(b, nh.Group)
		if nh.Type == GroupResilient {
			var nest []byte
			r := nh.Resilient
			if r.Buckets != 0 {
				nest = AppendResBuckets(nest, r.Buckets)
			}
			if r.IdleTimer != 0 {
				nest = AppendResIdleTimer(nest, uint32(r.IdleTimer/tick))
			}
			if r.UnbalancedTimer != 0 {
				nest = AppendResUnbalancedTimer(nest, uint32(r.UnbalancedTimer/tick))
			}
			if nest != nil {
				b = AppendResilient(b, nest)
			}
		}
		if nh.Type != GroupMpath {
			b = AppendGroupType(b, nh.Type)
		}
	}
	if nh.FDB {
		b = AppendFDB(b)
	}
	return b
}

// List returns every nexthop in c's namespace (groups included).
func List(ctx context.Context, c *rtnl.Conn) ([]Nexthop, error) {
	return ListFiltered(ctx, c, Filter{})
}

// ListFiltered returns the nexthops f selects (its bucket fields are
// ignored).
func ListFiltered(ctx context.Context, c *rtnl.Conn, f Filter) ([]Nexthop, error) {
	var list []Nexthop
	err := c.DumpContext(ctx, RTMGetNexthop, f.DumpRequest(unix.AF_UNSPEC, false), func(m netlink.Message) error {
		nh, err := Decode(m.Data)
		if err != nil {
			return err
		}
		list = append(list, nh)
		return nil
	})
	return list, err
}

// Get returns the nexthop id; one that does not exist is the kernel's
// refusal (ENOENT).
func Get(ctx context.Context, c *rtnl.Conn, id uint32) (Nexthop, error) {
	m, err := c.QueryContext(ctx, RTMGetNexthop, 0, GetRequest(unix.AF_UNSPEC, id))
	if err != nil {
		return Nexthop{}, err
	}
	return Decode(m.Data)
}

// Add creates nh; one with its id already there is the kernel's refusal
// (EEXIST).
func Add(ctx context.Context, c *rtnl.Conn, nh Nexthop) error {
	return c.ExecContext(ctx, RTMNewNexthop, rtnl.Create|rtnl.Excl, Encode(nh))
}

// Replace creates nh or replaces the nexthop with its id.
func Replace(ctx context.Context, c *rtnl.Conn, nh Nexthop) error {
	return c.ExecContext(ctx, RTMNewNexthop, rtnl.Create|rtnl.Replace, Encode(nh))
}

// Delete deletes the nexthop id.
func Delete(ctx context.Context, c *rtnl.Conn, id uint32) error {
	return c.ExecContext(ctx, RTMDelNexthop, 0, DeleteRequest(id))
}
