package tunnel

import (
	"encoding/binary"
	"net/netip"
)

// PRLDefault is the flag of a default router in the potential router list
// (PRL_DEFAULT: prl-default).
const PRLDefault = 0x0001

// PRLEntryLen is the size of struct ip_tunnel_prl.
const PRLEntryLen = 16

// PRLEntry is struct ip_tunnel_prl: one router of an ISATAP tunnel's
// potential router list.
type PRLEntry struct {
	Addr  netip.Addr // the router's IPv4 address
	Flags uint16     // PRLDefault or 0
	// DataLen is the room for entries after this one, in bytes (only
	// the first entry of a SIOCGETPRL buffer has it).
	DataLen uint32
}

// Marshal returns e as the kernel reads it (PRLEntryLen bytes).
func (e *PRLEntry) Marshal() []byte {
	b := make([]byte, PRLEntryLen)
	put4(b, e.Addr)
	binary.NativeEndian.PutUint16(b[4:], e.Flags)
	binary.NativeEndian.PutUint32(b[8:], e.DataLen)
	return b
}

// DecodePRLEntry reads a struct ip_tunnel_prl.
func DecodePRLEntry(b []byte) (PRLEntry, error) {
	if len(b) < PRLEntryLen {
		return PRLEntry{}, errShort
	}
	return PRLEntry{
		Addr:    netip.AddrFrom4([4]byte(b[:4])),
		Flags:   binary.NativeEndian.Uint16(b[4:]),
		DataLen: binary.NativeEndian.Uint32(b[8:]),
	}, nil
}

// SixRDLen is the size of struct ip_tunnel_6rd.
const SixRDLen = 24

// SixRD is struct ip_tunnel_6rd: the 6rd prefix and relay prefix of a sit
// tunnel.
type SixRD struct {
	Prefix         netip.Addr // the IPv6 6rd prefix (6rd-prefix)
	RelayPrefix    netip.Addr // the IPv4 relay prefix (6rd-relay_prefix)
	PrefixLen      uint16
	RelayPrefixLen uint16
}

// Marshal returns r as the kernel reads it (SixRDLen bytes).
func (r *SixRD) Marshal() []byte {
	b := make([]byte, SixRDLen)
	put16(b, r.Prefix)
	put4(b[16:], r.RelayPrefix)
	binary.NativeEndian.PutUint16(b[20:], r.PrefixLen)
	binary.NativeEndian.PutUint16(b[22:], r.RelayPrefixLen)
	return b
}

// DecodeSixRD reads a struct ip_tunnel_6rd.
func DecodeSixRD(b []byte) (SixRD, error) {
	if len(b) < SixRDLen {
		return SixRD{}, errShort
	}
	return SixRD{
		Prefix:         netip.AddrFrom16([16]byte(b[:16])),
		RelayPrefix:    netip.AddrFrom4([4]byte(b[16:20])),
		PrefixLen:      binary.NativeEndian.Uint16(b[20:]),
		RelayPrefixLen: binary.NativeEndian.Uint16(b[22:]),
	}, nil
}
