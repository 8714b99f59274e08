package nexthop

// The request encoders. `ip nexthop` calls them in the order of its words;
// Encode calls them in a fixed order for a typed Nexthop. Each appends one
// attribute to b and returns the extended slice.

import "github.com/gipnet/gip/rtnl"

// GroupType is a group's NHA_GROUP_TYPE.
type GroupType uint16

// The group types.
const (
	GroupMpath     GroupType = 0 // NEXTHOP_GRP_TYPE_MPATH, hash-threshold multipath
	GroupResilient GroupType = 1 // NEXTHOP_GRP_TYPE_RES, resilient hashing over buckets
)

// GroupMember is one entry of a group (struct nexthop_grp).
type GroupMember struct {
	ID uint32 // the member nexthop's id
	// Weight is 1 to 256; 0 is taken as 1 (the kernel carries weight-1).
	Weight int
}

// AppendID appends NHA_ID.
func AppendID(b []byte, id uint32) []byte { return rtattrU32(b, nhaID, id) }

// AppendDev appends NHA_OIF, the output device's index.
func AppendDev(b []byte, ifindex uint32) []byte { return rtattrU32(b, nhaOIF, ifindex) }

// AppendGateway appends NHA_GATEWAY: the address in network byte order,
// 4 bytes for IPv4, 16 for IPv6.
func AppendGateway(b []byte, addr []byte) []byte { return rtattr(b, nhaGateway, addr) }

// AppendBlackhole appends NHA_BLACKHOLE.
func AppendBlackhole(b []byte) []byte { return rtattr(b, nhaBlackhole, nil) }

// AppendFDB appends NHA_FDB: the nexthop (or group) serves the bridge's
// forwarding database (vxlan), not routes.
func AppendFDB(b []byte) []byte { return rtattr(b, nhaFDB, nil) }

// AppendGroups appends NHA_GROUPS, the dump filter that selects groups.
func AppendGroups(b []byte) []byte { return rtattr(b, nhaGroups, nil) }

// AppendMaster appends NHA_MASTER, the dump filter that selects the
// nexthops of a master device's ports.
func AppendMaster(b []byte, ifindex uint32) []byte { return rtattrU32(b, nhaMaster, ifindex) }

// AppendGroup appends NHA_GROUP with the members in their order.
func AppendGroup(b []byte, members []GroupMember) []byte {
	grps := make([]byte, 0, len(members)*grpLen)
	for _, m := range members {
		var weight uint8
		if m.Weight > 1 {
			weight = uint8(m.Weight - 1)
		}
		grps = ne.AppendUint32(grps, m.ID)
		grps = append(grps, weight, 0, 0, 0)
	}
	return rtattr(b, nhaGroup, grps)
}

// AppendGroupType appends NHA_GROUP_TYPE.
func AppendGroupType(b []byte, t GroupType) []byte { return rtattrU16(b, nhaGroupType, uint16(t)) }

// AppendResilient appends the NHA_RES_GROUP nest holding nest, the
// attributes AppendResBuckets, AppendResIdleTimer and
// AppendResUnbalancedTimer built.
func AppendResilient(b []byte, nest []byte) []byte {
	return rtattr(b, nhaResGroup|rtnl.NLAFNested, nest)
}

// AppendResBuckets appends NHA_RES_GROUP_BUCKETS (inside a resilient nest).
func AppendResBuckets(b []byte, n uint16) []byte { return rtattrU16(b, nhaResGroupBuckets, n) }

// AppendResIdleTimer appends NHA_RES_GROUP_IDLE_TIMER in clock ticks of
// a hundredth of a second (inside a resilient nest).
func AppendResIdleTimer(b []byte, ticks uint32) []byte {
	return rtattrU32(b, nhaResGroupIdleTimer, ticks)
}

// AppendResUnbalancedTimer appends NHA_RES_GROUP_UNBALANCED_TIMER in clock
// ticks of a hundredth of a second (inside a resilient nest).
func AppendResUnbalancedTimer(b []byte, ticks uint32) []byte {
	return rtattrU32(b, nhaResGroupUnbalancedTimer, ticks)
}

// AppendEncap appends a lightweight tunnel encapsulation given as the
// route attributes RTA_ENCAP and RTA_ENCAP_TYPE (what the route package's
// encap parser returns), renumbered as NHA_ENCAP and NHA_ENCAP_TYPE.
func AppendEncap(b []byte, routeEncap []byte) []byte {
	start := len(b)
	b = append(b, routeEncap...)
	types := []uint16{nhaEncap | rtnl.NLAFNested, nhaEncapType}
	for off, i := start, 0; off+4 <= len(b) && i < len(types); i++ {
		ne.PutUint16(b[off+2:], types[i])
		off += (int(ne.Uint16(b[off:])) + 3) &^ 3
	}
	return b
}

// GetRequest is the body of an RTM_GETNEXTHOP for the nexthop id.
func GetRequest(family int, id uint32) []byte {
	return AppendID(Header{Family: uint8(family)}.Append(nil), id)
}

// DeleteRequest is the body of the RTM_DELNEXTHOP that deletes id.
func DeleteRequest(id uint32) []byte {
	return AppendID(Header{}.Append(nil), id)
}

// BucketGetRequest is the body of an RTM_GETNEXTHOPBUCKET for one bucket
// of the resilient group id.
func BucketGetRequest(family int, id uint32, index uint16) []byte {
	b := AppendID(Header{Family: uint8(family)}.Append(nil), id)
	return rtattr(b, nhaResBucket|rtnl.NLAFNested, rtattrU16(nil, nhaResBucketIndex, index))
}

// Filter is what the kernel can select a nexthop or bucket dump by; the
// zero Filter selects everything.
type Filter struct {
	Dev    uint32 // nexthops through this device (index)
	Master uint32 // nexthops through the ports of this master (index)
	Groups bool   // groups only
	FDB    bool   // fdb nexthops only
	ID     uint32 // bucket dumps only: the buckets of this group
	NHID   uint32 // bucket dumps only: the buckets that use this nexthop
}

// DumpRequest is the RTM_GETNEXTHOP dump request body for f, or the
// RTM_GETNEXTHOPBUCKET one when buckets is set (iproute2's nh_dump_filter
// and nh_dump_bucket_filter, in their order).
func (f Filter) DumpRequest(family int, buckets bool) []byte {
	b := Header{Family: uint8(family)}.Append(nil)
	if f.Dev != 0 {
		b = AppendDev(b, f.Dev)
	}
	if f.Groups {
		b = AppendGroups(b)
	}
	if f.Master != 0 {
		b = AppendMaster(b, f.Master)
	}
	if f.FDB {
		b = AppendFDB(b)
	}
	if buckets {
		if f.ID != 0 {
			b = AppendID(b, f.ID)
		}
		if f.NHID != 0 {
			b = rtattr(b, nhaResBucket|rtnl.NLAFNested, rtattrU32(nil, nhaResBucketNHID, f.NHID))
		}
	}
	return b
}
