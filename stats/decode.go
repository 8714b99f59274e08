package stats

import "encoding/binary"

// Stats is one link's statistics, decoded from an RTM_NEWSTATS message and
// owning its memory. A nil field is an attribute the message did not carry.
type Stats struct {
	Family uint8
	Index  int
	Mask   uint32 // the filter mask the kernel answered
	// Link64 is struct rtnl_link_stats64, field by field (rx_packets,
	// tx_packets, rx_bytes, …), zero-filled when the kernel sent fewer.
	Link64      []uint64
	Xstats      *Xstats // the link kind's extended statistics
	XstatsSlave *Xstats // the port kind's extended statistics
	Offload     *Offload
	AFSpec      *AFSpec
}

// Xstats is the extended statistics of one kind of link. Each field holds
// the payload of its attribute (nil: absent); DecodeBridgeSTP,
// DecodeBridgeMcast and DecodeBond3AD read them.
type Xstats struct {
	Bridge      bool   // a bridge nest is present
	BridgeSTP   []byte // struct bridge_stp_xstats
	BridgeMcast []byte // struct br_mcast_stats
	Bond        bool   // a bond nest is present
	Bond3AD     []byte // BOND_3AD_STAT_* attributes
}

// Offload is the offload statistics nest.
type Offload struct {
	CPUHit  []uint64 // struct rtnl_link_stats64 of the packets the CPU saw
	HWSInfo *HWSInfo // nil: absent
	// L3Stats is struct rtnl_hw_stats64 (rx_packets, tx_packets,
	// rx_bytes, tx_bytes, rx_errors, tx_errors, rx_dropped, tx_dropped,
	// multicast).
	L3Stats []uint64
}

// HWSInfo says which hardware statistics are requested and in use.
type HWSInfo struct {
	L3 *HWSInfoOne // the L3 statistics; nil: absent
}

// HWSInfoOne is one suite's state as the kernel sent it: each value is 0 or
// 1 when well formed.
type HWSInfoOne struct {
	HasRequest bool
	Request    uint8
	HasUsed    bool
	Used       uint8
}

// AFSpec is the per address family nest.
type AFSpec struct {
	MPLS *MPLS // nil: no MPLS nest
}

// MPLS is the MPLS statistics of a link.
type MPLS struct {
	// Link is struct mpls_link_stats (rx packets, tx packets, rx bytes,
	// tx bytes, rx errors, tx errors, rx dropped, tx dropped, rx noroute);
	// nil when the nest lacks it.
	Link []uint64
}

// attrTable is iproute2's parse_rtattr_flags: the first attribute of each
// type up to max, flags (bits to ignore in the type) masked off; it stops
// at the first malformed attribute as RTA_OK does.
func attrTable(b []byte, max uint16, flags uint16) [][]byte {
	tb := make([][]byte, int(max)+1)
	for len(b) >= 4 {
		l := int(binary.NativeEndian.Uint16(b))
		if l < 4 || l > len(b) {
			break
		}
		typ := binary.NativeEndian.Uint16(b[2:]) &^ flags
		if typ <= max && tb[typ] == nil {
			tb[typ] = b[4:l:l]
		}
		step := (l + 3) &^ 3
		if step >= len(b) {
			break
		}
		b = b[step:]
	}
	return tb
}

func nested(b []byte, max uint16) [][]byte { return attrTable(b, max, nestedFlag) }

// Uint64s reads n __u64 fields from a struct payload as iproute2 copies
// it: what is missing at the end reads as zero, what is beyond n is ignored.
func Uint64s(b []byte, n int) []uint64 {
	buf := make([]byte, 8*n)
	copy(buf, b)
	v := make([]uint64, n)
	for i := range v {
		v[i] = binary.NativeEndian.Uint64(buf[8*i:])
	}
	return v
}

func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append(make([]byte, 0, len(b)), b...)
}

// Decode reads the body of an RTM_NEWSTATS message.
func Decode(b []byte) (Stats, error) {
	if len(b) < ifStatsMsgLength {
		return Stats{}, ErrShort
	}
	s := Stats{
		Family: b[0],
		Index:  int(int32(binary.NativeEndian.Uint32(b[4:]))),
		Mask:   binary.NativeEndian.Uint32(b[8:]),
	}
	tb := attrTable(b[ifStatsMsgLength:], attrMax, 0)
	if a := tb[AttrLink64]; a != nil {
		s.Link64 = Uint64s(a, link64Fields)
	}
	s.Xstats = decodeXstats(tb[AttrXstats])
	s.XstatsSlave = decodeXstats(tb[AttrXstatsSlave])
	if a := tb[AttrOffload]; a != nil {
		o := &Offload{}
		ot := nested(a, offloadMax)
		if c := ot[OffloadCPUHit]; c != nil {
			o.CPUHit = Uint64s(c, link64Fields)
		}
		if h := ot[OffloadHWSInfo]; h != nil {
			o.HWSInfo = decodeHWSInfo(h)
		}
		if l := ot[OffloadL3Stats]; l != nil {
			o.L3Stats = Uint64s(l, hw64Fields)
		}
		s.Offload = o
	}
	if a := tb[AttrAFSpec]; a != nil {
		af := &AFSpec{}
		if m := nested(a, afMax)[AFMPLS]; m != nil {
			af.MPLS = &MPLS{}
			if l := nested(m, mplsStatsMax)[mplsStatsLink]; l != nil {
				af.MPLS.Link = Uint64s(l, mplsLinkFields)
			}
		}
		s.AFSpec = af
	}
	return s, nil
}

func decodeXstats(a []byte) *Xstats {
	if a == nil {
		return nil
	}
	x := &Xstats{}
	tb := nested(a, xstatsTypeMax)
	if br := tb[XstatsBridge]; br != nil {
		x.Bridge = true
		in := nested(br, bridgeXstatMax)
		x.BridgeSTP, x.BridgeMcast = clone(in[BridgeSTP]), clone(in[BridgeMcast])
	}
	if bo := tb[XstatsBond]; bo != nil {
		x.Bond = true
		x.Bond3AD = clone(nested(bo, bondXstatMax)[Bond3AD])
	}
	return x
}

func decodeHWSInfo(a []byte) *HWSInfo {
	h := &HWSInfo{}
	if l3 := nested(a, offloadMax)[OffloadL3Stats]; l3 != nil {
		one := &HWSInfoOne{}
		in := nested(l3, hwsInfoMax)
		if r := in[hwsInfoRequest]; r != nil {
			one.HasRequest, one.Request = true, firstByte(r)
		}
		if u := in[hwsInfoUsed]; u != nil {
			one.HasUsed, one.Used = true, firstByte(u)
		}
		h.L3 = one
	}
	return h
}

func firstByte(b []byte) uint8 {
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// BridgeSTPStats is struct bridge_stp_xstats.
type BridgeSTPStats struct {
	TransitionBlk, TransitionFwd uint64
	RxBPDU, TxBPDU               uint64
	RxTCN, TxTCN                 uint64
}

// DecodeBridgeSTP reads Xstats.BridgeSTP.
func DecodeBridgeSTP(b []byte) BridgeSTPStats {
	v := Uint64s(b, bridgeSTPFields)
	return BridgeSTPStats{v[0], v[1], v[2], v[3], v[4], v[5]}
}

// BridgeMcastStats is struct br_mcast_stats: each pair is {rx, tx}.
type BridgeMcastStats struct {
	IGMPv1Queries, IGMPv2Queries, IGMPv3Queries [2]uint64
	IGMPLeaves                                  [2]uint64
	IGMPv1Reports, IGMPv2Reports, IGMPv3Reports [2]uint64
	IGMPParseErrors                             uint64
	MLDv1Queries, MLDv2Queries                  [2]uint64
	MLDLeaves                                   [2]uint64
	MLDv1Reports, MLDv2Reports                  [2]uint64
	MLDParseErrors                              uint64
	McastBytes, McastPackets                    [2]uint64
}

// DecodeBridgeMcast reads Xstats.BridgeMcast.
func DecodeBridgeMcast(b []byte) BridgeMcastStats {
	v := Uint64s(b, bridgeMcFields)
	p := func(i int) [2]uint64 { return [2]uint64{v[i], v[i+1]} }
	return BridgeMcastStats{
		IGMPv1Queries: p(0), IGMPv2Queries: p(2), IGMPv3Queries: p(4), IGMPLeaves: p(6),
		IGMPv1Reports: p(8), IGMPv2Reports: p(10), IGMPv3Reports: p(12), IGMPParseErrors: v[14],
		MLDv1Queries: p(15), MLDv2Queries: p(17), MLDLeaves: p(19),
		MLDv1Reports: p(21), MLDv2Reports: p(23), MLDParseErrors: v[25],
		McastBytes: p(26), McastPackets: p(28),
	}
}

// Bond3ADTable splits Xstats.Bond3AD into its BOND_3AD_STAT_* attributes
// (0 to 8; nil: absent), the first of each type.
func Bond3ADTable(b []byte) [][]byte { return attrTable(b, bond3ADMax, 0) }

const bond3ADMax = 9 // BOND_3AD_STAT_MAX
