// Package addrlabel reads and writes the kernel's IPv6 address labels,
// the policy table of RFC 6724 source and destination address selection
// that `ip addrlabel` lists and changes.
package addrlabel

import (
	"context"
	"encoding/binary"
	"errors"
	"net/netip"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Message types (linux/rtnetlink.h; x/sys/unix lacks them).
const (
	RTMNewAddrLabel = 72
	RTMDelAddrLabel = 73
	RTMGetAddrLabel = 74
)

// IFAL_* attributes.
const (
	ifalAddress = 1
	ifalLabel   = 2
)

// HeaderLen is the size of struct ifaddrlblmsg: family, reserved,
// prefix length, flags, device index, sequence number.
const HeaderLen = 12

// Header is struct ifaddrlblmsg (the fields gip uses).
type Header struct {
	Family    uint8  // AF_INET6 (the kernel keeps labels for IPv6 only)
	PrefixLen uint8  // the prefix's length in bits
	Index     uint32 // the device, 0 for any
}

// Append appends h in its wire form to b.
func (h Header) Append(b []byte) []byte {
	b = append(b, h.Family, 0, h.PrefixLen, 0)
	b = binary.NativeEndian.AppendUint32(b, h.Index)
	return binary.NativeEndian.AppendUint32(b, 0)
}

// Request is the body of an RTM_NEWADDRLABEL or RTM_DELADDRLABEL: h, then
// IFAL_LABEL and IFAL_ADDRESS (addr in network byte order), in iproute2's
// order.
func Request(h Header, label uint32, addr []byte) []byte {
	b := h.Append(nil)
	b = appendAttr(b, ifalLabel, binary.NativeEndian.AppendUint32(nil, label))
	return appendAttr(b, ifalAddress, addr)
}

// DumpRequest is the body of an RTM_GETADDRLABEL dump for family.
func DumpRequest(family int) []byte { return Header{Family: uint8(family)}.Append(nil) }

// appendAttr appends one attribute, padded to four bytes.
func appendAttr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// ErrShort is a message shorter than struct ifaddrlblmsg.
var ErrShort = errors.New("address label message shorter than its header")

// View is a decoded address label message. It is the zero-copy form:
// Address and Label alias the message and are valid only as long as the
// message's buffer (during a dump's callback).
type View struct {
	Header  Header // struct ifaddrlblmsg
	Address []byte // IFAL_ADDRESS's payload, nil when absent
	Label   []byte // IFAL_LABEL's payload, nil when absent
}

// DecodeView decodes an address label message body (the last of a
// repeated attribute counts, as in iproute2).
func DecodeView(body []byte) (View, error) {
	if len(body) < HeaderLen {
		return View{}, ErrShort
	}
	v := View{Header: Header{Family: body[0], PrefixLen: body[2], Index: binary.NativeEndian.Uint32(body[4:])}}
	for ad := rtnl.NewAttrs(body[HeaderLen:]); ad.Next(); {
		switch ad.Type() {
		case ifalAddress:
			v.Address = ad.Data()
		case ifalLabel:
			v.Label = ad.Data()
		}
	}
	return v, nil
}

// Label is one address label: the addresses of Prefix (through device
// Dev, or any when 0) carry the label Label.
type Label struct {
	Prefix netip.Prefix // the addresses labelled
	Dev    int          // the device's index, 0 for any
	Label  uint32       // the label
}

// Decode decodes an address label message body into an owned Label. A
// label without a 4-byte IFAL_LABEL has Label 0; one whose address is
// neither 4 nor 16 bytes has the invalid Prefix.
func Decode(body []byte) (Label, error) {
	v, err := DecodeView(body)
	if err != nil {
		return Label{}, err
	}
	l := Label{Dev: int(v.Header.Index)}
	if len(v.Label) == 4 {
		l.Label = binary.NativeEndian.Uint32(v.Label)
	}
	if a, ok := netip.AddrFromSlice(v.Address); ok {
		l.Prefix = netip.PrefixFrom(a, int(v.Header.PrefixLen))
	}
	return l, nil
}

// Encode is the request body that adds or deletes l, as `ip addrlabel add
// prefix PREFIX [dev DEV] label LABEL` sends it.
func Encode(l Label) []byte {
	h := Header{Family: unix.AF_INET6, PrefixLen: uint8(l.Prefix.Bits()), Index: uint32(l.Dev)}
	if l.Prefix.Addr().Is4() {
		h.Family = unix.AF_INET
	}
	return Request(h, l.Label, l.Prefix.Addr().AsSlice())
}

// List returns the IPv6 address labels of c's namespace.
func List(ctx context.Context, c *rtnl.Conn) ([]Label, error) {
	var list []Label
	err := c.DumpContext(ctx, RTMGetAddrLabel, DumpRequest(unix.AF_INET6), func(m netlink.Message) error {
		if m.Header.Type != RTMNewAddrLabel {
			return nil
		}
		l, err := Decode(m.Data)
		if err != nil {
			return err
		}
		list = append(list, l)
		return nil
	})
	return list, err
}

// Add adds l; one for the same prefix and device is the kernel's refusal
// (EEXIST).
func Add(ctx context.Context, c *rtnl.Conn, l Label) error {
	return c.ExecContext(ctx, RTMNewAddrLabel, rtnl.Create|rtnl.Excl, Encode(l))
}

// Delete deletes l (its prefix, device and label must match).
func Delete(ctx context.Context, c *rtnl.Conn, l Label) error {
	return c.ExecContext(ctx, RTMDelAddrLabel, 0, Encode(l))
}
