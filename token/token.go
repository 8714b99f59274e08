// Package token reads and sets the IPv6 interface identifiers (tokens)
// the kernel uses for the addresses it makes from router advertisements,
// as `ip token` does: through AF_INET6 link messages.
package token

import (
	"context"
	"encoding/binary"
	"net/netip"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// ifla6Token is IFLA_INET6_TOKEN, inside IFLA_PROTINFO (in the kernel's
// messages) or IFLA_AF_SPEC/AF_INET6 (in requests); x/sys/unix lacks it.
const ifla6Token = 7

// Token is one link's token.
type Token struct {
	Dev   int        // the link's index
	Token netip.Addr // :: when none is set
}

// DumpRequest is the body of the RTM_GETLINK dump that lists tokens
// (rtnl_linkdump_req's for AF_INET6: the header alone).
func DumpRequest() []byte { return rtnl.IfInfomsg{Family: unix.AF_INET6}.Append(nil) }

// SetRequest is the body of the RTM_SETLINK that gives link ifindex the
// token tok (16 bytes, network byte order; all zero deletes it).
func SetRequest(ifindex int32, tok []byte) []byte {
	b := rtnl.IfInfomsg{Family: unix.AF_INET6, Index: ifindex}.Append(nil)
	inner := nlattr(nil, ifla6Token, tok)
	spec := nlattr(nil, unix.AF_INET6, inner)
	return nlattr(b, unix.IFLA_AF_SPEC, spec)
}

// nlattr appends one attribute, padded to four bytes.
func nlattr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// Find returns the token in the attributes of an AF_INET6 link message
// (those after struct ifinfomsg). protinfo is false when the message has
// no IFLA_PROTINFO (a link without IPv6 settings); tok is nil when the
// settings hold no token. tok aliases attrs (zero-copy).
func Find(attrs []byte) (tok []byte, protinfo bool) {
	var pi []byte
	for ad := rtnl.NewAttrs(attrs); ad.Next(); {
		if ad.Type() == unix.IFLA_PROTINFO {
			pi = ad.Data()
		}
	}
	if pi == nil {
		return nil, false
	}
	for ad := rtnl.NewAttrs(pi); ad.Next(); {
		if ad.Type() == ifla6Token {
			tok = ad.Data()
		}
	}
	return tok, true
}

// List returns the token of every link with IPv6 settings of its own
// (loopback and NOARP links have none, as `ip token` shows).
func List(ctx context.Context, c *rtnl.Conn) ([]Token, error) {
	var list []Token
	err := c.DumpContext(ctx, unix.RTM_GETLINK, DumpRequest(), func(m netlink.Message) error {
		hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
		if err != nil || m.Header.Type != unix.RTM_NEWLINK || hdr.Family != unix.AF_INET6 || hdr.Index == 0 ||
			hdr.Flags&(unix.IFF_LOOPBACK|unix.IFF_NOARP) != 0 {
			return nil
		}
		tok, _ := Find(attrs)
		if a, ok := netip.AddrFromSlice(tok); ok {
			list = append(list, Token{Dev: int(hdr.Index), Token: a})
		}
		return nil
	})
	return list, err
}

// Set gives link dev the token tok (an IPv6 address; only its last 64
// bits count).
func Set(ctx context.Context, c *rtnl.Conn, dev int, tok netip.Addr) error {
	b := tok.As16()
	return c.ExecContext(ctx, unix.RTM_SETLINK, 0, SetRequest(int32(dev), b[:]))
}

// Delete takes link dev's token away (sets it to ::).
func Delete(ctx context.Context, c *rtnl.Conn, dev int) error {
	return Set(ctx, c, dev, netip.IPv6Unspecified())
}
