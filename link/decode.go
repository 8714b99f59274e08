package link

import (
	"encoding/binary"
	"errors"
	"net"
	"unsafe"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Link is one decoded RTM_NEWLINK message: the ifinfomsg header and the
// attributes gip prints. Numeric attributes the kernel may leave out are
// recorded in a presence set, so Has tells "absent" from zero. The IFLA_*
// attribute each field comes from is named in its comment.
//
// A Link from List, Get or Clone owns its memory; one from Decode or
// DecodeInto aliases the message it was decoded from.
type Link struct {
	Family uint8  // ifi_family (AF_UNSPEC, or AF_BRIDGE for bridge ports)
	Type   uint16 // ifi_type: the ARPHRD_* hardware type
	Index  int32  // ifi_index: the ifindex
	Flags  uint32 // ifi_flags: IFF_UP, IFF_LOWER_UP...

	Name        string           // IFLA_IFNAME
	Qdisc       string           // IFLA_QDISC: the root qdisc's kind
	Alias       string           // IFLA_IFALIAS
	Address     net.HardwareAddr // IFLA_ADDRESS: the link-layer address
	Broadcast   net.HardwareAddr // IFLA_BROADCAST
	PermAddress net.HardwareAddr // IFLA_PERM_ADDRESS: the burned-in address
	AltNames    []string         // IFLA_PROP_LIST's IFLA_ALT_IFNAMEs

	MTU    uint32 // IFLA_MTU
	Link   uint32 // IFLA_LINK: the lower device's ifindex (a veth's peer, a macvlan's parent)
	Master uint32 // IFLA_MASTER: the master's ifindex, 0 for none
	TxQLen uint32 // IFLA_TXQLEN: the transmit queue length
	Group  uint32 // IFLA_GROUP: the device group

	Promiscuity, Allmulti    uint32 // IFLA_PROMISCUITY, IFLA_ALLMULTI: the counts of users
	MinMTU, MaxMTU           uint32 // IFLA_MIN_MTU, IFLA_MAX_MTU
	NumTxQueues, NumRxQueues uint32 // IFLA_NUM_TX_QUEUES, IFLA_NUM_RX_QUEUES
	GSOMaxSize, GSOMaxSegs   uint32 // IFLA_GSO_MAX_SIZE, IFLA_GSO_MAX_SEGS
	TSOMaxSize, TSOMaxSegs   uint32 // IFLA_TSO_MAX_SIZE, IFLA_TSO_MAX_SEGS
	GROMaxSize               uint32 // IFLA_GRO_MAX_SIZE
	CarrierChanges           uint32 // IFLA_CARRIER_CHANGES
	Event                    uint32 // IFLA_EVENT: IFLA_EVENT_* of a notification
	LinkNetNSID              int32  // IFLA_LINK_NETNSID: the namespace of Link (a peer elsewhere)
	NewNetNSID, NewIfIndex   int32  // where a link moved to (RTM_DELLINK)
	OperState                uint8  // IFLA_OPERSTATE: IF_OPER_* (RFC 2863)
	LinkMode                 uint8  // IFLA_LINKMODE: 0 default, 1 dormant
	ProtoDown                uint8  // IFLA_PROTO_DOWN

	// LinkInfo (IFLA_LINKINFO): the kind and its raw nested data, and the
	// same for the port kind of the master it is enslaved to.
	Kind      string // IFLA_INFO_KIND: "veth", "bridge"..., "" for a device without one
	SlaveKind string // IFLA_INFO_SLAVE_KIND: the master's kind, for a port
	InfoData  []byte // IFLA_INFO_DATA, raw attributes
	SlaveData []byte // IFLA_INFO_SLAVE_DATA, raw attributes

	// afSpec is IFLA_AF_SPEC, kept raw: it is large and rarely printed
	// (AddrGenMode reads it).
	afSpec []byte

	// The counters of IFLA_STATS64 (or IFLA_STATS), kept raw until
	// Counters is asked for them: most listings do not print them.
	statsRaw   []byte
	statsWidth int
	Stats64    bool // the counters came from IFLA_STATS64 (Counters)
	present    [2]uint64
	statsBuf   [maxStats]uint64
	borrow     bool // strings are views of the message (DecodeInto)
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
// trusted, as iproute2's rta_getattr helpers would read past them. The
// strings are copies, but the Link's byte slices (Address, InfoData,
// Counters' source…) alias b: the Link is valid only while b is unchanged.
// A dump's buffer is reused for the next datagram, so a Link decoded
// inside a dump callback must be cloned (Clone) to be kept; List and Get
// return clones.
func Decode(b []byte) (*Link, error) {
	l := &Link{}
	if err := l.decode(b); err != nil {
		return nil, err
	}
	return l, nil
}

// DecodeInto is Decode into a Link the caller reuses (a listing decodes
// thousands), the zero-copy form for hot paths: *l is reset first. Unlike
// Decode it allocates nothing, as the strings alias b too: everything in
// *l is valid only while b is (for a dump, only during the callback), and
// l.Clone() is the copy that may be kept.
func DecodeInto(l *Link, b []byte) error {
	*l = Link{borrow: true}
	return l.decode(b)
}

// str is an attribute string, copied unless l borrows.
func (l *Link) str(b []byte) string {
	b = trimNUL(b)
	if !l.borrow {
		return string(b)
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (l *Link) decode(b []byte) error {
	hdr, attrs, err := rtnl.ParseIfInfomsg(b)
	if err != nil {
		return err
	}
	l.Family, l.Type, l.Index, l.Flags = hdr.Family, hdr.Type, hdr.Index, hdr.Flags
	// The walk is rtnl.Attrs's, written out: a link message has some
	// fifty attributes, and a listing of thousands of links spent more on
	// the iterator's calls than on the attributes.
	for b := attrs; len(b) > 0; {
		if len(b) < 4 {
			err = errInvalidAttr
			break
		}
		n := int(binary.NativeEndian.Uint16(b))
		typ := binary.NativeEndian.Uint16(b[2:]) & attrTypeMask
		if n == 0 {
			n = 4 // no length, no data: step over the header
		} else if n < 4 || n > len(b) {
			err = errInvalidAttr
			break
		}
		data := b[4:n]
		if n = (n + 3) &^ 3; n < len(b) {
			b = b[n:]
		} else {
			b = nil
		}
		if int(typ) < len(u32Fields) && u32Fields[typ] != 0 {
			if v, ok := u32(data); ok {
				*(*uint32)(unsafe.Add(unsafe.Pointer(l), u32Fields[typ]-1)) = v
				l.mark(typ)
			}
			continue
		}
		switch typ {
		case unix.IFLA_LINK_NETNSID, unix.IFLA_NEW_NETNSID, unix.IFLA_NEW_IFINDEX:
			if v, ok := u32(data); ok {
				switch typ {
				case unix.IFLA_LINK_NETNSID:
					l.LinkNetNSID = int32(v)
				case unix.IFLA_NEW_NETNSID:
					l.NewNetNSID = int32(v)
				default:
					l.NewIfIndex = int32(v)
				}
				l.mark(typ)
			}
		case unix.IFLA_OPERSTATE, unix.IFLA_LINKMODE, unix.IFLA_PROTO_DOWN:
			if raw := data; len(raw) >= 1 {
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
			l.decodeLinkInfo(data)
		case unix.IFLA_AF_SPEC:
			l.mark(typ)
			l.afSpec = data
		case unix.IFLA_PROP_LIST:
			l.mark(typ)
			l.decodePropList(data)
		case unix.IFLA_IFNAME, unix.IFLA_QDISC, unix.IFLA_IFALIAS, unix.IFLA_ADDRESS, unix.IFLA_BROADCAST,
			unix.IFLA_PERM_ADDRESS, unix.IFLA_STATS64, unix.IFLA_STATS:
			l.decodeBytes(typ, data)
		}
	}
	return err
}

// attrTypeMask drops NLA_F_NESTED and NLA_F_NET_BYTEORDER from a type.
const attrTypeMask = 0x3fff

var errInvalidAttr = errors.New("netlink: invalid attribute; length too short or too large")

// u32Fields is, for each u32 attribute, where in a Link it is stored
// (its offset plus one; 0: not a u32 field). The decoder looks it up for
// each of a link's fifty-odd attributes, where a switch compared the type
// with each case in turn.
var u32Fields = [...]uintptr{
	unix.IFLA_MTU:             unsafe.Offsetof(Link{}.MTU) + 1,
	unix.IFLA_LINK:            unsafe.Offsetof(Link{}.Link) + 1,
	unix.IFLA_MASTER:          unsafe.Offsetof(Link{}.Master) + 1,
	unix.IFLA_TXQLEN:          unsafe.Offsetof(Link{}.TxQLen) + 1,
	unix.IFLA_GROUP:           unsafe.Offsetof(Link{}.Group) + 1,
	unix.IFLA_PROMISCUITY:     unsafe.Offsetof(Link{}.Promiscuity) + 1,
	unix.IFLA_ALLMULTI:        unsafe.Offsetof(Link{}.Allmulti) + 1,
	unix.IFLA_MIN_MTU:         unsafe.Offsetof(Link{}.MinMTU) + 1,
	unix.IFLA_MAX_MTU:         unsafe.Offsetof(Link{}.MaxMTU) + 1,
	unix.IFLA_NUM_TX_QUEUES:   unsafe.Offsetof(Link{}.NumTxQueues) + 1,
	unix.IFLA_NUM_RX_QUEUES:   unsafe.Offsetof(Link{}.NumRxQueues) + 1,
	unix.IFLA_GSO_MAX_SIZE:    unsafe.Offsetof(Link{}.GSOMaxSize) + 1,
	unix.IFLA_GSO_MAX_SEGS:    unsafe.Offsetof(Link{}.GSOMaxSegs) + 1,
	unix.IFLA_TSO_MAX_SIZE:    unsafe.Offsetof(Link{}.TSOMaxSize) + 1,
	unix.IFLA_TSO_MAX_SEGS:    unsafe.Offsetof(Link{}.TSOMaxSegs) + 1,
	unix.IFLA_GRO_MAX_SIZE:    unsafe.Offsetof(Link{}.GROMaxSize) + 1,
	unix.IFLA_CARRIER_CHANGES: unsafe.Offsetof(Link{}.CarrierChanges) + 1,
	unix.IFLA_EVENT:           unsafe.Offsetof(Link{}.Event) + 1,
}

// decodeBytes handles the attributes whose payload is kept or nested.
func (l *Link) decodeBytes(typ uint16, raw []byte) {
	l.mark(typ)
	switch typ {
	case unix.IFLA_IFNAME:
		l.Name = l.str(raw)
	case unix.IFLA_QDISC:
		l.Qdisc = l.intern(raw, qdiscName)
	case unix.IFLA_IFALIAS:
		l.Alias = l.str(raw)
	case unix.IFLA_ADDRESS:
		l.Address = raw
	case unix.IFLA_BROADCAST:
		l.Broadcast = raw
	case unix.IFLA_PERM_ADDRESS:
		l.PermAddress = raw
	case unix.IFLA_STATS64:
		l.statsRaw, l.statsWidth, l.Stats64 = raw, 8, true
	case unix.IFLA_STATS:
		if !l.Stats64 {
			l.statsRaw, l.statsWidth = raw, 4
		}
	}
}

// The nested decoders read without copying the nest; errors in a nest are
// dropped (iproute2 reads what it can).

func (l *Link) decodeLinkInfo(b []byte) {
	for ad := rtnl.NewAttrs(b); ad.Next(); {
		switch ad.Type() {
		case unix.IFLA_INFO_KIND:
			l.Kind = l.intern(ad.Data(), kindName)
		case unix.IFLA_INFO_DATA:
			l.InfoData = ad.Data()
		case unix.IFLA_INFO_SLAVE_KIND:
			l.SlaveKind = l.intern(ad.Data(), kindName)
		case unix.IFLA_INFO_SLAVE_DATA:
			l.SlaveData = ad.Data()
		}
	}
}

// AddrGenMode returns IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE and
// whether the message had it.
func (l *Link) AddrGenMode() (mode uint8, ok bool) {
	for ad := rtnl.NewAttrs(l.afSpec); ad.Next(); {
		if ad.Type() != unix.AF_INET6 {
			continue
		}
		for in6 := rtnl.NewAttrs(ad.Data()); in6.Next(); {
			if in6.Type() == unix.IFLA_INET6_ADDR_GEN_MODE {
				if v := in6.Data(); len(v) >= 1 {
					mode, ok = v[0], true
				}
			}
		}
	}
	return mode, ok
}

func (l *Link) decodePropList(b []byte) {
	for ad := rtnl.NewAttrs(b); ad.Next(); {
		if ad.Type() == unix.IFLA_ALT_IFNAME {
			l.AltNames = append(l.AltNames, l.str(ad.Data()))
		}
	}
}

// maxStats is the number of counters in struct rtnl_link_stats64 that
// fit in Link without allocating; a longer struct from a newer kernel is
// allocated for.
const maxStats = 32

// Counters are the link's statistics, struct rtnl_link_stats64's fields
// in order (IFLA_STATS widened to 64 bits), or nil when the message had
// none. The slice is l's and changes with it.
func (l *Link) Counters() []uint64 {
	if l.statsWidth == 0 {
		return nil
	}
	return l.decodeStats(l.statsRaw, l.statsWidth)
}

// decodeStats widens a struct rtnl_link_stats(64) of width-byte counters.
func (l *Link) decodeStats(b []byte, width int) []uint64 {
	n := len(b) / width
	var s []uint64
	if n <= len(l.statsBuf) {
		s = l.statsBuf[:n]
	} else {
		s = make([]uint64, n)
	}
	for i := range s {
		if width == 8 {
			s[i] = binary.NativeEndian.Uint64(b[i*8:])
		} else {
			s[i] = uint64(binary.NativeEndian.Uint32(b[i*4:]))
		}
	}
	return s
}

// intern is an attribute string, without allocating for the common
// values (common returns them, or "" for others).
func (l *Link) intern(b []byte, common func([]byte) string) string {
	if s := common(trimNUL(b)); s != "" {
		return s
	}
	return l.str(b)
}

// qdiscName and kindName are the common values of their attributes.
func qdiscName(b []byte) string {
	switch string(b) {
	case "noqueue":
		return "noqueue"
	case "noop":
		return "noop"
	case "pfifo_fast":
		return "pfifo_fast"
	case "fq_codel":
		return "fq_codel"
	case "mq":
		return "mq"
	case "fq":
		return "fq"
	}
	return ""
}

func kindName(b []byte) string {
	switch string(b) {
	case "veth":
		return "veth"
	case "bridge":
		return "bridge"
	case "vlan":
		return "vlan"
	case "vxlan":
		return "vxlan"
	case "dummy":
		return "dummy"
	case "bond":
		return "bond"
	case "macvlan":
		return "macvlan"
	case "tun":
		return "tun"
	}
	return ""
}

func trimNUL(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

// u32 reads a u32 attribute as iproute2's rta_getattr_u32 does (its first
// four bytes), refusing one too short to hold it.
func u32(b []byte) (uint32, bool) {
	if len(b) < 4 {
		return 0, false
	}
	return binary.NativeEndian.Uint32(b), true
}
