// Package nexthop reads and writes the kernel's nexthop objects
// (linux/nexthop.h): single nexthops (a gateway and/or a device, or a
// blackhole), groups of them, and the buckets of resilient groups.
//
// Nexthop is an owned value; List, Get, Add, Replace and Delete are the
// typed operations on a connection. The request encoders (Encode and the
// Append* functions) are the ones `ip nexthop` builds its requests with,
// so a typed request is byte for byte what iproute2 sends for the same
// words in the canonical order (see Encode). View and BucketView are the
// zero-copy decoders the command line prints from.
package nexthop

import (
	"github.com/gipnet/gip/internal/endian"
	"github.com/gipnet/gip/rtnl"
)

// Message types (linux/rtnetlink.h; x/sys/unix lacks them).
const (
	RTMNewNexthop       = 104
	RTMDelNexthop       = 105
	RTMGetNexthop       = 106
	RTMNewNexthopBucket = 116
	RTMDelNexthopBucket = 117
	RTMGetNexthopBucket = 118
)

// Nexthop attributes (NHA_*), resilient group attributes (NHA_RES_GROUP_*)
// and bucket attributes (NHA_RES_BUCKET_*).
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

	// grpLen is the size of struct nexthop_grp: id, weight-1, two reserved.
	grpLen = 8
)

// HeaderLen is the size of struct nhmsg: family, scope, protocol, a
// reserved byte and a u32 of RTNH_F_* flags.
const HeaderLen = 8

var ne endian.Native

// Header is struct nhmsg, the fixed part of every nexthop message.
type Header struct {
	Family   uint8  // AF_INET, AF_INET6, or AF_UNSPEC for a group
	Scope    uint8  // RT_SCOPE_*
	Protocol uint8  // RTPROT_*
	Flags    uint32 // RTNH_F_*
}

// Append appends h in its wire form to b.
func (h Header) Append(b []byte) []byte {
	b = append(b, h.Family, h.Scope, h.Protocol, 0)
	return ne.AppendUint32(b, h.Flags)
}

// ParseHeader reads struct nhmsg from the start of b, which must hold at
// least HeaderLen bytes.
func ParseHeader(b []byte) Header {
	return Header{Family: b[0], Scope: b[1], Protocol: b[2], Flags: ne.Uint32(b[4:8])}
}

// attrTable is parse_rtattr_flags: each attribute type's first payload,
// nil when absent. Decoding stops at the first malformed attribute.
func attrTable(tb [][]byte, b []byte) [][]byte {
	// tb is the caller's (an array on its stack), cleared here: a table
	// made per message would be an allocation per message of a dump.
	clear(tb)
	a := rtnl.NewAttrs(b)
	for a.Next() {
		if t := int(a.Type()); t < len(tb) && tb[t] == nil {
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
