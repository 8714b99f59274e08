package nexthop

import (
	"errors"
	"fmt"
	"net/netip"
	"time"
)

// View is a decoded RTM_NEWNEXTHOP or RTM_DELNEXTHOP message body
// (iproute2's struct nh_entry). It is the zero-copy form: its byte slices
// alias the message and are valid only as long as the message's buffer
// (during a dump's callback). Nexthop is the owned form.
type View struct {
	Header    Header    // struct nhmsg
	ID        uint32    // NHA_ID
	Dev       uint32    // NHA_OIF, 0 when absent
	GroupType GroupType // NHA_GROUP_TYPE, GroupMpath when absent
	Gateway   []byte    // NHA_GATEWAY's payload, nil when absent
	EncapType []byte    // NHA_ENCAP_TYPE's payload, non-nil whenever Encap is
	Encap     []byte    // NHA_ENCAP's payload, nil when absent
	Group     []byte    // NHA_GROUP's payload (struct nexthop_grp array), nil when absent
	// HasResilient tells whether NHA_RES_GROUP was there; Resilient holds
	// its values (zero for those absent).
	HasResilient bool
	Resilient    ResilientView
	Blackhole    bool // NHA_BLACKHOLE was there
	FDB          bool // NHA_FDB was there
}

// ResilientView is the NHA_RES_GROUP nest of a resilient group, times in
// clock ticks of a hundredth of a second.
type ResilientView struct {
	Buckets         uint16 // how many buckets the group has
	IdleTimer       uint32 // how long a bucket stays idle before it may move
	UnbalancedTimer uint32 // how long the group may stay unbalanced
	UnbalancedTime  uint64 // how long it has been unbalanced
}

// Members is how many members v.Group holds.
func (v *View) Members() int { return len(v.Group) / grpLen }

// Member is the i-th member of v.Group.
func (v *View) Member(i int) GroupMember {
	g := v.Group[i*grpLen:]
	return GroupMember{ID: ne.Uint32(g), Weight: int(g[4]) + 1}
}

// ErrShort is a message shorter than struct nhmsg.
var ErrShort = errors.New("nexthop message shorter than its header")

// GatewayLengthError is a message whose gateway is longer than an IPv6
// address.
type GatewayLengthError struct {
	ID  uint32 // the nexthop
	Len int    // the gateway's length in bytes
}

// Error says which nexthop and how long its gateway was.
func (e *GatewayLengthError) Error() string {
	return fmt.Sprintf("nexthop id %d invalid gateway length %d", e.ID, e.Len)
}

// GroupError is a message whose group is empty or not a whole number of
// members.
type GroupError struct {
	ID uint32 // the nexthop
}

// Error says which nexthop has the malformed group.
func (e *GroupError) Error() string { return fmt.Sprintf("nexthop id %d invalid nexthop group", e.ID) }

// DecodeView decodes a nexthop message body into v as iproute2's
// ipnh_parse_nhmsg does. A malformed body is ErrShort, a
// *GatewayLengthError or a *GroupError.
func DecodeView(body []byte, v *View) error {
	if len(body) < HeaderLen {
		*v = View{}
		return ErrShort
	}
	*v = View{Header: ParseHeader(body)}
	var tbuf [nhaMax + 1][]byte
	tb := attrTable(tbuf[:], body[HeaderLen:])
	if b := tb[nhaID]; b != nil {
		v.ID = u32(b)
	}
	if b := tb[nhaOIF]; b != nil {
		v.Dev = u32(b)
	}
	if b := tb[nhaGroupType]; b != nil {
		v.GroupType = GroupType(u16(b))
	}
	if b := tb[nhaGateway]; b != nil {
		if len(b) > 16 {
			return &GatewayLengthError{ID: v.ID, Len: len(b)}
		}
		v.Gateway = b
	}
	if b := tb[nhaEncap]; b != nil {
		v.Encap, v.EncapType = b, tb[nhaEncapType]
		if v.EncapType == nil {
			v.EncapType = []byte{}
		}
	}
	if b := tb[nhaGroup]; b != nil {
		if len(b) == 0 || len(b)%grpLen != 0 {
			return &GroupError{ID: v.ID}
		}
		v.Group = b
	}
	if b := tb[nhaResGroup]; b != nil {
		var rbuf [nhaResGroupMax + 1][]byte
		rt := attrTable(rbuf[:], b)
		v.HasResilient = true
		v.Resilient = ResilientView{
			Buckets:         u16(rt[nhaResGroupBuckets]),
			IdleTimer:       u32(rt[nhaResGroupIdleTimer]),
			UnbalancedTimer: u32(rt[nhaResGroupUnbalancedTimer]),
			UnbalancedTime:  u64(rt[nhaResGroupUnbalancedTime]),
		}
	}
	v.Blackhole = tb[nhaBlackhole] != nil
	v.FDB = tb[nhaFDB] != nil
	return nil
}

// BucketView is a decoded RTM_NEWNEXTHOPBUCKET message body: one bucket
// of a resilient group. It holds no references into the message.
type BucketView struct {
	Header      Header // struct nhmsg
	HasID       bool   // NHA_ID was there
	ID          uint32 // the group
	HasBucket   bool   // NHA_RES_BUCKET was there
	HasIndex    bool   // NHA_RES_BUCKET_INDEX was there
	Index       uint16 // the bucket's index in its group
	HasIdleTime bool   // NHA_RES_BUCKET_IDLE_TIME was there
	IdleTime    uint64 // clock ticks of a hundredth of a second
	HasNHID     bool   // NHA_RES_BUCKET_NH_ID was there
	NHID        uint32 // the nexthop the bucket uses
}

// DecodeBucket decodes a nexthop bucket message body; a body shorter than
// struct nhmsg is ErrShort.
func DecodeBucket(body []byte) (BucketView, error) {
	if len(body) < HeaderLen {
		return BucketView{}, ErrShort
	}
	bv := BucketView{Header: ParseHeader(body)}
	var tbuf [nhaMax + 1][]byte
	tb := attrTable(tbuf[:], body[HeaderLen:])
	if b := tb[nhaID]; b != nil {
		bv.HasID, bv.ID = true, u32(b)
	}
	if b := tb[nhaResBucket]; b != nil {
		bv.HasBucket = true
		var bbuf [nhaResBucketMax + 1][]byte
		bt := attrTable(bbuf[:], b)
		if v := bt[nhaResBucketIndex]; v != nil {
			bv.HasIndex, bv.Index = true, u16(v)
		}
		if v := bt[nhaResBucketIdleTime]; v != nil {
			bv.HasIdleTime, bv.IdleTime = true, u64(v)
		}
		if v := bt[nhaResBucketNHID]; v != nil {
			bv.HasNHID, bv.NHID = true, u32(v)
		}
	}
	return bv, nil
}

// Nexthop is one nexthop object: a single nexthop (Gateway and/or Dev, or
// Blackhole) or a group (Group, Type). It owns its memory.
type Nexthop struct {
	ID uint32 // the nexthop's id (0 in a request: the kernel picks one)
	// Family is the nexthop's address family. Encode infers it when 0: the
	// gateway's, else AF_INET for a device or a blackhole, else AF_UNSPEC
	// (a group), as `ip nexthop add` does.
	Family    int
	Gateway   netip.Addr    // the invalid Addr for none
	Dev       int           // output device index, 0 for none
	Blackhole bool          // packets to it are dropped
	FDB       bool          // for the bridge's forwarding database (vxlan), not for routes
	Group     []GroupMember // a group's members, nil for a single nexthop
	Type      GroupType     // a group's type
	// Resilient is a resilient group's parameters (Type GroupResilient).
	Resilient Resilient
	Protocol  uint8  // RTPROT_*, who installed it
	Scope     uint8  // RT_SCOPE_*, as the kernel reports it (not sent)
	Flags     uint32 // RTNH_F_*; RTNH_F_ONLINK is `onlink`
	// EncapType and Encap are a lightweight tunnel (LWTUNNEL_ENCAP_* and
	// the NHA_ENCAP nest's payload); Encap nil for none.
	EncapType uint16
	Encap     []byte
}

// Resilient is a resilient group's parameters. Zero values are not sent,
// leaving the kernel's defaults.
type Resilient struct {
	Buckets         uint16        // how many buckets the group has
	IdleTimer       time.Duration // kept in hundredths of a second
	UnbalancedTimer time.Duration // kept in hundredths of a second
	// UnbalancedTime is how long the group has been unbalanced (reported
	// by the kernel, never sent).
	UnbalancedTime time.Duration
}

// tick is the kernel's unit for resilient group times (clock_t).
const tick = 10 * time.Millisecond

// Decode decodes a nexthop message body into an owned Nexthop.
func Decode(body []byte) (Nexthop, error) {
	var v View
	if err := DecodeView(body, &v); err != nil {
		return Nexthop{}, err
	}
	return v.Nexthop(), nil
}

// Nexthop copies v out into an owned Nexthop.
func (v *View) Nexthop() Nexthop {
	nh := Nexthop{
		ID:        v.ID,
		Family:    int(v.Header.Family),
		Dev:       int(v.Dev),
		Blackhole: v.Blackhole,
		FDB:       v.FDB,
		Type:      v.GroupType,
		Protocol:  v.Header.Protocol,
		Scope:     v.Header.Scope,
		Flags:     v.Header.Flags,
	}
	if a, ok := netip.AddrFromSlice(v.Gateway); ok {
		nh.Gateway = a
	}
	if v.Group != nil {
		nh.Group = make([]GroupMember, v.Members())
		for i := range nh.Group {
			nh.Group[i] = v.Member(i)
		}
	}
	if v.HasResilient {
		r := v.Resilient
		nh.Resilient = Resilient{
			Buckets:         r.Buckets,
			IdleTimer:       time.Duration(r.IdleTimer) * tick,
			UnbalancedTimer: time.Duration(r.UnbalancedTimer) * tick,
			UnbalancedTime:  time.Duration(r.UnbalancedTime) * tick,
		}
	}
	if v.Encap != nil {
		nh.EncapType = u16(v.EncapType)
		nh.Encap = append([]byte{}, v.Encap...)
	}
	return nh
}
