package addr

import (
	"encoding/binary"
	"strings"
	"unsafe"

	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// Addr is one decoded RTM_NEWADDR/RTM_DELADDR message, the zero-copy form
// the command line's dumps use: its address slices alias the message.
// List returns Address values instead, which own their memory.
type Addr struct {
	Family    uint8  // ifa_family: AF_INET or AF_INET6
	Prefixlen uint8  // ifa_prefixlen
	Scope     uint8  // ifa_scope: RT_SCOPE_*
	Index     uint32 // ifa_index: the link's ifindex
	// Flags are IFA_FLAGS when sent, else the header's 8 bits.
	Flags uint32

	// Local and Address are IFA_LOCAL and IFA_ADDRESS, each standing in
	// for the other when only one was sent (as iproute2 reads them).
	Local, Address []byte
	Broadcast      []byte // IFA_BROADCAST
	Anycast        []byte // IFA_ANYCAST
	Label          string // IFA_LABEL
	HasLabel       bool   // the message had IFA_LABEL
	Metric         uint32 // IFA_RT_PRIORITY
	HasMetric      bool   // the message had IFA_RT_PRIORITY
	// Valid and Preferred are IFA_CACHEINFO's lifetimes in seconds
	// (HasCacheInfo: the message had it).
	Valid, Preferred uint32
	HasCacheInfo     bool
}

// Decode parses an address message payload (ifaddrmsg and attributes).
// The address slices are slices of b; the label is a copy.
func Decode(b []byte) (*Addr, error) {
	a := &Addr{}
	if err := decodeInto(a, b); err != nil {
		return nil, err
	}
	if a.HasLabel {
		a.Label = strings.Clone(a.Label)
	}
	return a, nil
}

// decodeInto is Decode into an Addr the caller reuses, allocating nothing:
// everything in *a, the label too, borrows b.
func decodeInto(a *Addr, b []byte) error {
	hdr, attrs, err := rtnl.ParseIfAddrmsg(b)
	if err != nil {
		return err
	}
	*a = Addr{Family: hdr.Family, Prefixlen: hdr.Prefixlen, Scope: hdr.Scope, Index: hdr.Index, Flags: uint32(hdr.Flags)}
	ad := rtnl.NewAttrs(attrs)
	for ad.Next() {
		switch ad.Type() {
		case unix.IFA_LOCAL:
			a.Local = ad.Data()
		case unix.IFA_ADDRESS:
			a.Address = ad.Data()
		case unix.IFA_BROADCAST:
			a.Broadcast = ad.Data()
		case unix.IFA_ANYCAST:
			a.Anycast = ad.Data()
		case unix.IFA_LABEL:
			a.Label, a.HasLabel = borrowString(ad.Data()), true
		case unix.IFA_FLAGS:
			if v, ok := u32(ad.Data()); ok {
				a.Flags = v
			}
		case unix.IFA_RT_PRIORITY:
			if v, ok := u32(ad.Data()); ok {
				a.Metric, a.HasMetric = v, true
			}
		case unix.IFA_CACHEINFO:
			// struct ifa_cacheinfo: prefered, valid, cstamp, tstamp.
			if v := ad.Data(); len(v) >= 8 {
				a.Preferred = binary.NativeEndian.Uint32(v)
				a.Valid = binary.NativeEndian.Uint32(v[4:])
				a.HasCacheInfo = true
			}
		}
	}
	if err := ad.Err(); err != nil {
		return err
	}
	if a.Local == nil {
		a.Local = a.Address
	}
	if a.Address == nil {
		a.Address = a.Local
	}
	return nil
}

// borrowString is a NUL-terminated attribute string that shares b's
// memory; b must not change while the string is in use.
func borrowString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			b = b[:i]
			break
		}
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// u32 reads a u32 attribute as iproute2's rta_getattr_u32 does (its first
// four bytes), refusing one too short to hold it.
func u32(b []byte) (uint32, bool) {
	if len(b) < 4 {
		return 0, false
	}
	return binary.NativeEndian.Uint32(b), true
}
