package addr

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/nl"
	"golang.org/x/sys/unix"
)

// Addr is one decoded RTM_NEWADDR/RTM_DELADDR message.
type Addr struct {
	Family    uint8
	Prefixlen uint8
	Scope     uint8
	Index     uint32
	// Flags are IFA_FLAGS when sent, else the header's 8 bits.
	Flags uint32

	// Local and Address are IFA_LOCAL and IFA_ADDRESS, each standing in
	// for the other when only one was sent (as iproute2 reads them).
	Local, Address     []byte
	Broadcast, Anycast []byte
	Label              string
	HasLabel           bool
	Metric             uint32
	HasMetric          bool
	Valid, Preferred   uint32
	HasCacheInfo       bool
}

// Decode parses an address message payload (ifaddrmsg and attributes).
func Decode(b []byte) (*Addr, error) {
	hdr, attrs, err := nl.ParseIfAddrmsg(b)
	if err != nil {
		return nil, err
	}
	a := &Addr{Family: hdr.Family, Prefixlen: hdr.Prefixlen, Scope: hdr.Scope, Index: hdr.Index, Flags: uint32(hdr.Flags)}
	ad, err := nl.Decoder(attrs)
	if err != nil {
		return nil, err
	}
	for ad.Next() {
		switch ad.Type() {
		case unix.IFA_LOCAL:
			a.Local = ad.Bytes()
		case unix.IFA_ADDRESS:
			a.Address = ad.Bytes()
		case unix.IFA_BROADCAST:
			a.Broadcast = ad.Bytes()
		case unix.IFA_ANYCAST:
			a.Anycast = ad.Bytes()
		case unix.IFA_LABEL:
			a.Label, a.HasLabel = cString(ad.Bytes()), true
		case unix.IFA_FLAGS:
			if v := ad.Bytes(); len(v) >= 4 {
				a.Flags = binary.NativeEndian.Uint32(v)
			}
		case unix.IFA_RT_PRIORITY:
			if v := ad.Bytes(); len(v) >= 4 {
				a.Metric, a.HasMetric = binary.NativeEndian.Uint32(v), true
			}
		case unix.IFA_CACHEINFO:
			// struct ifa_cacheinfo: prefered, valid, cstamp, tstamp.
			if v := ad.Bytes(); len(v) >= 8 {
				a.Preferred = binary.NativeEndian.Uint32(v)
				a.Valid = binary.NativeEndian.Uint32(v[4:])
				a.HasCacheInfo = true
			}
		}
	}
	if err := ad.Err(); err != nil {
		return nil, err
	}
	if a.Local == nil {
		a.Local = a.Address
	}
	if a.Address == nil {
		a.Address = a.Local
	}
	return a, nil
}

func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
