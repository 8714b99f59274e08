package link

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Link is one decoded RTM_NEWLINK message: the ifinfomsg header and the
// attributes gip prints. Numeric attributes the kernel may leave out are
// recorded in a presence set, so Has tells "absent" from zero.
type Link struct {
	Family uint8
	Type   uint16 // ARPHRD_*
	Index  int32
	Flags  uint32 // IFF_*

	Name        string
	Qdisc       string
	Alias       string
	Address     []byte
	Broadcast   []byte
	PermAddress []byte
	AltNames    []string

	MTU, Link, Master, TxQLen, Group uint32
	Promiscuity, Allmulti            uint32
	MinMTU, MaxMTU                   uint32
	NumTxQueues, NumRxQueues         uint32
	GSOMaxSize, GSOMaxSegs           uint32
	TSOMaxSize, TSOMaxSegs           uint32
	GROMaxSize                       uint32
	CarrierChanges                   uint32
	Event                            uint32
	LinkNetNSID                      int32
	OperState, LinkMode, ProtoDown   uint8

	// LinkInfo (IFLA_LINKINFO): the kind and its raw nested data, and the
	// same for the port kind of the master it is enslaved to.
	Kind, SlaveKind     string
	InfoData, SlaveData []byte

	// afSpec is IFLA_AF_SPEC, kept raw: it is large and rarely printed
	// (AddrGenMode reads it).
	afSpec []byte

	// Stats is IFLA_STATS64 as sent (or IFLA_STATS widened to 64 bits),
	// in struct rtnl_link_stats64 field order; nil when absent.
	Stats   []uint64
	Stats64 bool // Stats came from IFLA_STATS64
	present [2]uint64
}

// Has reports whether the message carried attribute typ (an IFLA_* number).
func (l *Link) Has(typ uint16) bool {
	return typ < 128 && l.present[typ/64]&(1<<(typ%64)) != 0
}

func (l *Link) mark(typ uint16) {
	if typ < 128 {
		l.present[typ/64] |= 1 << (typ % 64)
	}
}

// Decode parses an RTM_NEWLINK/RTM_DELLINK payload (ifinfomsg and
// attributes). Attributes shorter than their type are ignored rather than
// trusted, as iproute2's rta_getattr helpers would read past them.
func Decode(b []byte) (*Link, error) {
	l := &Link{}
	if err := l.decode(b); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Link) decode(b []byte) error {
	hdr, attrs, err := nl.ParseIfInfomsg(b)
	if err != nil {
		return err
	}
	l.Family, l.Type, l.Index, l.Flags = hdr.Family, hdr.Type, hdr.Index, hdr.Flags
	ad, err := nl.Decoder(attrs)
	if err != nil {
		return err
	}
	for ad.Next() {
		typ := ad.Type()
		if dst := l.u32Field(typ); dst != nil {
			if raw := ad.Bytes(); len(raw) >= 4 {
				*dst = binary.NativeEndian.Uint32(raw)
				l.mark(typ)
			}
			continue
		}
		switch typ {
		case unix.IFLA_LINK_NETNSID:
			if raw := ad.Bytes(); len(raw) >= 4 {
				l.LinkNetNSID = int32(binary.NativeEndian.Uint32(raw))
				l.mark(typ)
			}
		case unix.IFLA_OPERSTATE, unix.IFLA_LINKMODE, unix.IFLA_PROTO_DOWN:
			if raw := ad.Bytes(); len(raw) >= 1 {
				switch typ {
				case unix.IFLA_OPERSTATE:
					l.OperState = raw[0]
				case unix.IFLA_LINKMODE:
					l.LinkMode = raw[0]
				default:
					l.ProtoDown = raw[0]
				}
				l.mark(typ)
			}
		case unix.IFLA_LINKINFO:
			l.mark(typ)
			ad.Nested(l.decodeLinkInfo)
		case unix.IFLA_AF_SPEC:
			l.mark(typ)
			l.afSpec = ad.Bytes()
		case unix.IFLA_PROP_LIST:
			l.mark(typ)
			ad.Nested(l.decodePropList)
		case unix.IFLA_IFNAME, unix.IFLA_QDISC, unix.IFLA_IFALIAS, unix.IFLA_ADDRESS, unix.IFLA_BROADCAST,
			unix.IFLA_PERM_ADDRESS, unix.IFLA_STATS64, unix.IFLA_STATS:
			l.decodeBytes(typ, ad.Bytes())
		}
	}
	return ad.Err()
}

// u32Field is where the u32 attribute typ is stored, or nil.
func (l *Link) u32Field(typ uint16) *uint32 {
	switch typ {
	case unix.IFLA_MTU:
		return &l.MTU
	case unix.IFLA_LINK:
		return &l.Link
	case unix.IFLA_MASTER:
		return &l.Master
	case unix.IFLA_TXQLEN:
		return &l.TxQLen
	case unix.IFLA_GROUP:
		return &l.Group
	case unix.IFLA_PROMISCUITY:
		return &l.Promiscuity
	case unix.IFLA_ALLMULTI:
		return &l.Allmulti
	case unix.IFLA_MIN_MTU:
		return &l.MinMTU
	case unix.IFLA_MAX_MTU:
		return &l.MaxMTU
	case unix.IFLA_NUM_TX_QUEUES:
		return &l.NumTxQueues
	case unix.IFLA_NUM_RX_QUEUES:
		return &l.NumRxQueues
	case unix.IFLA_GSO_MAX_SIZE:
		return &l.GSOMaxSize
	case unix.IFLA_GSO_MAX_SEGS:
		return &l.GSOMaxSegs
	case unix.IFLA_TSO_MAX_SIZE:
		return &l.TSOMaxSize
	case unix.IFLA_TSO_MAX_SEGS:
		return &l.TSOMaxSegs
	case unix.IFLA_GRO_MAX_SIZE:
		return &l.GROMaxSize
	case unix.IFLA_CARRIER_CHANGES:
		return &l.CarrierChanges
	case unix.IFLA_EVENT:
		return &l.Event
	}
	return nil
}

// decodeBytes handles the attributes whose payload is kept or nested.
func (l *Link) decodeBytes(typ uint16, raw []byte) {
	l.mark(typ)
	switch typ {
	case unix.IFLA_IFNAME:
		l.Name = cString(raw)
	case unix.IFLA_QDISC:
		l.Qdisc = cString(raw)
	case unix.IFLA_IFALIAS:
		l.Alias = cString(raw)
	case unix.IFLA_ADDRESS:
		l.Address = raw
	case unix.IFLA_BROADCAST:
		l.Broadcast = raw
	case unix.IFLA_PERM_ADDRESS:
		l.PermAddress = raw
	case unix.IFLA_STATS64:
		l.Stats, l.Stats64 = decodeStats(raw, 8), true
	case unix.IFLA_STATS:
		if !l.Stats64 {
			l.Stats = decodeStats(raw, 4)
		}
	}
}

// The nested decoders read without copying the nest; errors in a nest are
// dropped (iproute2 reads what it can), so they always return nil.

func (l *Link) decodeLinkInfo(ad *netlink.AttributeDecoder) error {
	for ad.Next() {
		switch ad.Type() {
		case unix.IFLA_INFO_KIND:
			l.Kind = cString(ad.Bytes())
		case unix.IFLA_INFO_DATA:
			l.InfoData = ad.Bytes()
		case unix.IFLA_INFO_SLAVE_KIND:
			l.SlaveKind = cString(ad.Bytes())
		case unix.IFLA_INFO_SLAVE_DATA:
			l.SlaveData = ad.Bytes()
		}
	}
	return nil
}

// AddrGenMode returns IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE and
// whether the message had it.
func (l *Link) AddrGenMode() (mode uint8, ok bool) {
	ad, err := nl.Decoder(l.afSpec)
	if err != nil {
		return 0, false
	}
	for ad.Next() {
		if ad.Type() != unix.AF_INET6 {
			continue
		}
		ad.Nested(func(in6 *netlink.AttributeDecoder) error {
			for in6.Next() {
				if in6.Type() == unix.IFLA_INET6_ADDR_GEN_MODE {
					if v := in6.Bytes(); len(v) >= 1 {
						mode, ok = v[0], true
					}
				}
			}
			return nil
		})
	}
	return mode, ok
}

func (l *Link) decodePropList(ad *netlink.AttributeDecoder) error {
	for ad.Next() {
		if ad.Type() == unix.IFLA_ALT_IFNAME {
			l.AltNames = append(l.AltNames, cString(ad.Bytes()))
		}
	}
	return nil
}

// decodeStats widens a struct rtnl_link_stats(64) of width-byte counters.
func decodeStats(b []byte, width int) []uint64 {
	n := len(b) / width
	s := make([]uint64, n)
	for i := range s {
		if width == 8 {
			s[i] = binary.NativeEndian.Uint64(b[i*8:])
		} else {
			s[i] = uint64(binary.NativeEndian.Uint32(b[i*4:]))
		}
	}
	return s
}

// cString is a NUL-terminated attribute string.
func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
