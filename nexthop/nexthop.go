// Package nexthop is `ip nexthop`: nexthop objects (linux/nexthop.h) and
// the buckets of resilient groups. Its printer prints one kernel message
// in the current output mode and serves show, get, -echo and monitor.
package nexthop

import (
	"encoding/binary"

	"github.com/gipnet/gip/rtnl"
)

// Message types (linux/rtnetlink.h).
const (
	rtmNewNexthop       = 104
	rtmDelNexthop       = 105
	rtmGetNexthop       = 106
	rtmNewNexthopBucket = 116
	rtmDelNexthopBucket = 117
	rtmGetNexthopBucket = 118
)

// Nexthop attributes (NHA_*).
const (
	nhaID        = 1
	nhaGroup     = 2
	nhaGroupType = 3
	nhaBlackhole = 4
	nhaOIF       = 5
	nhaGateway   = 6
	nhaEncapType = 7
	nhaEncap     = 8
	nhaGroups    = 9
	nhaMaster    = 10
	nhaFDB       = 11
	nhaResGroup  = 12
	nhaResBucket = 13
	nhaMax       = 13

	nhaResGroupBuckets         = 1
	nhaResGroupIdleTimer       = 2
	nhaResGroupUnbalancedTimer = 3
	nhaResGroupUnbalancedTime  = 4
	nhaResGroupMax             = 4

	nhaResBucketIndex    = 1
	nhaResBucketIdleTime = 2
	nhaResBucketNHID     = 3
	nhaResBucketMax      = 3

	grpTypeMpath = 0
	grpTypeRes   = 1

	nlaFNested = 0x8000

	// nhmsgLen is the size of struct nhmsg: family, scope, protocol, a
	// reserved byte and a u32 of RTNH_F_* flags.
	nhmsgLen = 8
	// grpLen is the size of struct nexthop_grp: id, weight-1, two reserved.
	grpLen = 8
)

var ne = binary.NativeEndian

// header is struct nhmsg.
type header struct {
	family, scope, protocol uint8
	flags                   uint32
}

func (h header) append(b []byte) []byte {
	b = append(b, h.family, h.scope, h.protocol, 0)
	return ne.AppendUint32(b, h.flags)
}

func parseHeader(b []byte) header {
	return header{family: b[0], scope: b[1], protocol: b[2], flags: ne.Uint32(b[4:8])}
}

// attrTable is parse_rtattr_flags: each attribute type's first payload,
// nil when absent. Decoding stops at the first malformed attribute.
func attrTable(b []byte, max int) [][]byte {
	tb := make([][]byte, max+1)
	a := rtnl.NewAttrs(b)
	for a.Next() {
		if t := int(a.Type()); t <= max && tb[t] == nil {
			tb[t] = a.Data()
			if tb[t] == nil {
				tb[t] = []byte{}
			}
		}
	}
	return tb
}

// u16, u32 and u64 read an attribute as rta_getattr_u* do, taking missing
// bytes as zero rather than reading past a short payload.
func u16(b []byte) uint16 {
	var x [2]byte
	copy(x[:], b)
	return ne.Uint16(x[:])
}

func u32(b []byte) uint32 {
	var x [4]byte
	copy(x[:], b)
	return ne.Uint32(x[:])
}

func u64(b []byte) uint64 {
	var x [8]byte
	copy(x[:], b)
	return ne.Uint64(x[:])
}

// rtattr appends one attribute (header, payload, padding) to b.
func rtattr(b []byte, typ uint16, data []byte) []byte {
	b = ne.AppendUint16(b, uint16(4+len(data)))
	b = ne.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func rtattrU16(b []byte, typ uint16, v uint16) []byte {
	return rtattr(b, typ, ne.AppendUint16(nil, v))
}

func rtattrU32(b []byte, typ uint16, v uint32) []byte {
	return rtattr(b, typ, ne.AppendUint32(nil, v))
}
