package tunnel

import (
	"encoding/binary"
	"errors"
	"net/netip"
)

// The GRE header flags of the IFlags and OFlags fields (linux/if_tunnel.h),
// as host numbers of the big-endian fields.
const (
	FlagCsum    = 0x8000 // GRE_CSUM: checksums (csum, icsum, ocsum)
	FlagRouting = 0x4000 // GRE_ROUTING
	FlagKey     = 0x2000 // GRE_KEY: the key field is used (key, ikey, okey)
	FlagSeq     = 0x1000 // GRE_SEQ: sequence numbers (seq, iseq, oseq)
)

// Protocol numbers of the tunnel modes (Parm.Protocol, Parm6.Proto).
const (
	ProtoAny  = 0   // any: every inner protocol (ip6tnl)
	ProtoIPIP = 4   // IPPROTO_IPIP: ipip, vti, ip4ip6
	ProtoGRE  = 47  // IPPROTO_GRE: gre, ip6gre
	ProtoIPv6 = 41  // IPPROTO_IPV6: sit, isatap, ip6ip6, vti6
	ProtoESP  = 50  // IPPROTO_ESP
	ProtoMPLS = 137 // IPPROTO_MPLS
)

// IPDF is the Don't Fragment bit of Parm.FragOff: path MTU discovery.
const IPDF = 0x4000

// ParmLen is the size of struct ip_tunnel_parm.
const ParmLen = 52

// Parm is struct ip_tunnel_parm: the settings of an IPv4 tunnel (ipip,
// gre, sit, isatap, vti).
type Parm struct {
	// Name is the tunnel device (at most 15 bytes).
	Name string
	// Link is the ifindex of the device the tunnel is bound to (dev), 0
	// for none.
	Link int32
	// IFlags and OFlags are the GRE flags (Flag*) of received and sent
	// packets; IFlags also carries FlagVTI and FlagISATAP.
	IFlags, OFlags uint16
	// IKey and OKey are the GRE keys of received and sent packets.
	IKey, OKey uint32

	// The outer IPv4 header (struct iphdr).
	Version, IHL uint8 // 4 and 5 for a tunnel to be made
	TOS          uint8 // 1 alone is "inherit"; bit 0 with others is "inherit/TOS"
	TotLen, ID   uint16
	FragOff      uint16 // IPDF: path MTU discovery
	TTL          uint8  // 0 is "inherit"
	Protocol     uint8  // Proto*: the mode
	Check        uint16
	// Local and Remote are the endpoints (saddr, daddr); 0.0.0.0 is any.
	Local, Remote netip.Addr
}

// errShort is the error of a decoder given fewer bytes than its
// structure has.
var errShort = errors.New("tunnel: structure too short")

// putName writes name as the kernel's char[IFNAMSIZ]: NUL-padded, cut
// to 16 bytes.
func putName(b []byte, name string) {
	clear(b[:16])
	copy(b[:16], name)
}

// getName reads a char[IFNAMSIZ]: up to the first NUL.
func getName(b []byte) string {
	for i := 0; i < 16; i++ {
		if b[i] == 0 {
			return string(b[:i])
		}
	}
	return string(b[:16])
}

// put4 writes an IPv4 address (zeros for an invalid Addr).
func put4(b []byte, a netip.Addr) {
	clear(b[:4])
	if a.Is4() || a.Is4In6() {
		v := a.As4()
		copy(b, v[:])
	}
}

// put16 writes an IPv6 address (zeros for an invalid Addr).
func put16(b []byte, a netip.Addr) {
	clear(b[:16])
	if a.IsValid() {
		v := a.As16()
		copy(b, v[:])
	}
}

// Marshal returns p as the kernel reads it (ParmLen bytes).
func (p *Parm) Marshal() []byte {
	b := make([]byte, ParmLen)
	putName(b, p.Name)
	binary.NativeEndian.PutUint32(b[16:], uint32(p.Link))
	binary.BigEndian.PutUint16(b[20:], p.IFlags)
	binary.BigEndian.PutUint16(b[22:], p.OFlags)
	binary.BigEndian.PutUint32(b[24:], p.IKey)
	binary.BigEndian.PutUint32(b[28:], p.OKey)
	b[32] = p.Version<<4 | p.IHL&0xf
	b[33] = p.TOS
	binary.BigEndian.PutUint16(b[34:], p.TotLen)
	binary.BigEndian.PutUint16(b[36:], p.ID)
	binary.BigEndian.PutUint16(b[38:], p.FragOff)
	b[40] = p.TTL
	b[41] = p.Protocol
	binary.BigEndian.PutUint16(b[42:], p.Check)
	put4(b[44:], p.Local)
	put4(b[48:], p.Remote)
	return b
}

// DecodeParm reads a struct ip_tunnel_parm (the first ParmLen bytes of b).
func DecodeParm(b []byte) (Parm, error) {
	if len(b) < ParmLen {
		return Parm{}, errShort
	}
	return Parm{
		Name:     getName(b),
		Link:     int32(binary.NativeEndian.Uint32(b[16:])),
		IFlags:   binary.BigEndian.Uint16(b[20:]),
		OFlags:   binary.BigEndian.Uint16(b[22:]),
		IKey:     binary.BigEndian.Uint32(b[24:]),
		OKey:     binary.BigEndian.Uint32(b[28:]),
		Version:  b[32] >> 4,
		IHL:      b[32] & 0xf,
		TOS:      b[33],
		TotLen:   binary.BigEndian.Uint16(b[34:]),
		ID:       binary.BigEndian.Uint16(b[36:]),
		FragOff:  binary.BigEndian.Uint16(b[38:]),
		TTL:      b[40],
		Protocol: b[41],
		Check:    binary.BigEndian.Uint16(b[42:]),
		Local:    netip.AddrFrom4([4]byte(b[44:48])),
		Remote:   netip.AddrFrom4([4]byte(b[48:52])),
	}, nil
}

// NewParm returns the settings `ip tunnel` starts from: an IPv4 header
// of version 4 and length 5 with path MTU discovery on, everything else
// zero (any endpoint, ttl and tos inherited).
func NewParm() Parm {
	return Parm{Version: 4, IHL: 5, FragOff: IPDF, Local: netip.IPv4Unspecified(), Remote: netip.IPv4Unspecified()}
}

// FallbackDevice is the device that creates tunnels of p's mode: tunl0
// (ipip), ip_vti0 (vti), gre0 or sit0 (sit and isatap); "" when
// p.Protocol is none of those.
func (p *Parm) FallbackDevice() string {
	switch p.Protocol {
	case ProtoIPIP:
		if p.IFlags&FlagVTI != 0 {
			return "ip_vti0"
		}
		return "tunl0"
	case ProtoGRE:
		return "gre0"
	case ProtoIPv6:
		return "sit0"
	}
	return ""
}

// The flags of Parm6.Flags (linux/ip6_tunnel.h).
const (
	IgnEncapLimit    = 0x01 // IP6_TNL_F_IGN_ENCAP_LIMIT: encaplimit none
	UseOrigTClass    = 0x02 // IP6_TNL_F_USE_ORIG_TCLASS: tclass inherit
	UseOrigFlowlabel = 0x04 // IP6_TNL_F_USE_ORIG_FLOWLABEL: flowlabel inherit
	MIP6Dev          = 0x08 // IP6_TNL_F_MIP6_DEV
	RcvDSCPCopy      = 0x10 // IP6_TNL_F_RCV_DSCP_COPY: dscp inherit
	UseOrigFwmark    = 0x20 // IP6_TNL_F_USE_ORIG_FWMARK
	AllowLocalRemote = 0x40 // IP6_TNL_F_ALLOW_LOCAL_REMOTE: allow-localremote
)

// The parts of Parm6.Flowinfo.
const (
	FlowinfoTClass    = 0x0ff00000 // the traffic class, shifted by 20
	FlowinfoFlowlabel = 0x000fffff // the flow label
)

// Defaults of a new IPv6 tunnel.
const (
	DefaultHopLimit   = 64 // DEFAULT_TNL_HOP_LIMIT
	DefaultEncapLimit = 4  // IPV6_DEFAULT_TNL_ENCAP_LIMIT
)

// Parm6Len is the size of struct ip6_tnl_parm2.
const Parm6Len = 76

// Parm6 is struct ip6_tnl_parm2: the settings of an IPv6 tunnel (ip6ip6,
// ip4ip6, ip6gre, vti6, any).
type Parm6 struct {
	// Name is the tunnel device (at most 15 bytes).
	Name string
	// Link is the ifindex of the device the tunnel is bound to (dev).
	Link int32
	// Proto is the inner protocol (Proto*): the mode.
	Proto uint8
	// EncapLimit is the tunnel encapsulation limit (unless
	// IgnEncapLimit), HopLimit the outer hop limit (0: inherit).
	EncapLimit, HopLimit uint8
	// Pad is the structure's padding byte after HopLimit.
	Pad uint8
	// Flowinfo is the traffic class and flow label (Flowinfo*).
	Flowinfo uint32
	// Flags are the IP6_TNL_F_* flags.
	Flags uint32
	// Local and Remote are the endpoints (laddr, raddr); :: is any.
	Local, Remote netip.Addr
	// IFlags, OFlags, IKey and OKey are as in Parm (ip6gre).
	IFlags, OFlags uint16
	IKey, OKey     uint32
}

// NewParm6 returns the settings `ip -6 tunnel add` starts from: mode
// ip6ip6 with hop limit 64 and encapsulation limit 4.
func NewParm6() Parm6 {
	return Parm6{Proto: ProtoIPv6, HopLimit: DefaultHopLimit, EncapLimit: DefaultEncapLimit,
		Local: netip.IPv6Unspecified(), Remote: netip.IPv6Unspecified()}
}

// Marshal returns p as the kernel reads it (Parm6Len bytes).
func (p *Parm6) Marshal() []byte {
	b := make([]byte, Parm6Len)
	putName(b, p.Name)
	binary.NativeEndian.PutUint32(b[16:], uint32(p.Link))
	b[20], b[21], b[22], b[23] = p.Proto, p.EncapLimit, p.HopLimit, p.Pad
	binary.BigEndian.PutUint32(b[24:], p.Flowinfo)
	binary.NativeEndian.PutUint32(b[28:], p.Flags)
	put16(b[32:], p.Local)
	put16(b[48:], p.Remote)
	binary.BigEndian.PutUint16(b[64:], p.IFlags)
	binary.BigEndian.PutUint16(b[66:], p.OFlags)
	binary.BigEndian.PutUint32(b[68:], p.IKey)
	binary.BigEndian.PutUint32(b[72:], p.OKey)
	return b
}

// DecodeParm6 reads a struct ip6_tnl_parm2 (the first Parm6Len bytes of b).
func DecodeParm6(b []byte) (Parm6, error) {
	if len(b) < Parm6Len {
		return Parm6{}, errShort
	}
	return Parm6{
		Name:       getName(b),
		Link:       int32(binary.NativeEndian.Uint32(b[16:])),
		Proto:      b[20],
		EncapLimit: b[21],
		HopLimit:   b[22],
		Pad:        b[23],
		Flowinfo:   binary.BigEndian.Uint32(b[24:]),
		Flags:      binary.NativeEndian.Uint32(b[28:]),
		Local:      netip.AddrFrom16([16]byte(b[32:48])),
		Remote:     netip.AddrFrom16([16]byte(b[48:64])),
		IFlags:     binary.BigEndian.Uint16(b[64:]),
		OFlags:     binary.BigEndian.Uint16(b[66:]),
		IKey:       binary.BigEndian.Uint32(b[68:]),
		OKey:       binary.BigEndian.Uint32(b[72:]),
	}, nil
}

// FallbackDevice is the device that creates tunnels of p's mode:
// ip6gre0, ip6_vti0 or ip6tnl0.
func (p *Parm6) FallbackDevice() string {
	switch {
	case p.Proto == ProtoGRE:
		return "ip6gre0"
	case p.IFlags&FlagVTI != 0:
		return "ip6_vti0"
	}
	return "ip6tnl0"
}

// ValidName reports whether name can name a tunnel device, as iproute2's
// check_ifname (and the kernel's dev_valid_name) decide: 1 to 15 bytes,
// no '/' and no white space.
func ValidName(name string) bool {
	if name == "" || len(name) >= 16 {
		return false
	}
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '/', ' ', '\t', '\n', '\v', '\f', '\r':
			return false
		}
	}
	return true
}
