// Package seg6 is the kernel's SRv6 settings over generic netlink (family
// "SEG6"): the tunnel source address of SRv6 encapsulation and the HMAC
// keys of segment routing headers.
//
// Requests are encoded as iproute2 6.1's ip sr encodes them.
package seg6

import (
	"context"
	"encoding/binary"
	"net/netip"

	"github.com/gipnet/gip/genl"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// FamilyName is the generic netlink family of SRv6.
const FamilyName = "SEG6"

// Version is SEG6_GENL_VERSION.
const Version = 1

// Commands (SEG6_CMD_*).
const (
	CmdSetHMAC   = 1
	CmdDumpHMAC  = 2
	CmdSetTunsrc = 3
	CmdGetTunsrc = 4
)

// Attributes (SEG6_ATTR_*).
const (
	AttrDst       = 1 // in6_addr
	AttrDstLen    = 2
	AttrHMACKeyID = 3 // u32
	AttrSecret    = 4 // bytes
	AttrSecretLen = 5 // u8
	AttrAlgID     = 6 // u8
	AttrHMACInfo  = 7

	attrMax = AttrHMACInfo
)

// HMAC algorithms (SEG6_HMAC_ALGO_*).
const (
	AlgSHA1   = 1
	AlgSHA256 = 2
)

// AlgName is the word ip sr uses for an HMAC algorithm, "<unknown>" for
// others.
func AlgName(alg uint8) string {
	switch alg {
	case AlgSHA1:
		return "sha1"
	case AlgSHA256:
		return "sha256"
	}
	return "<unknown>"
}

// HMACKey is one HMAC key.
type HMACKey struct {
	ID  uint32
	Alg uint8
	// Secret is the key's secret; empty in a request deletes the key.
	Secret []byte
}

// TunsrcRequest is the body of CmdSetTunsrc for address a (16 bytes).
func TunsrcRequest(a [16]byte) []byte {
	return genl.AppendAttr(genl.Header(CmdSetTunsrc, Version), AttrDst, a[:])
}

// GetTunsrcRequest is the body of CmdGetTunsrc.
func GetTunsrcRequest() []byte { return genl.Header(CmdGetTunsrc, Version) }

// DumpHMACRequest is the body of the HMAC key dump (NLM_F_DUMP).
func DumpHMACRequest() []byte { return genl.Header(CmdDumpHMAC, Version) }

// HMACRequest is the body of CmdSetHMAC: key id, secret length (its low
// byte, as iproute2's u8 attribute holds it), algorithm, and the secret
// when it is not empty.
func HMACRequest(k HMACKey) []byte {
	b := genl.Header(CmdSetHMAC, Version)
	b = genl.AppendAttr(b, AttrHMACKeyID, binary.NativeEndian.AppendUint32(nil, k.ID))
	b = genl.AppendAttr(b, AttrSecretLen, []byte{uint8(len(k.Secret))})
	b = genl.AppendAttr(b, AttrAlgID, []byte{k.Alg})
	if len(k.Secret) > 0 {
		b = genl.AppendAttr(b, AttrSecret, k.Secret)
	}
	return b
}

// Message is a decoded SEG6 message: its command and its attributes by
// number (nil when absent; they alias the message).
type Message struct {
	Cmd   uint8
	Attrs [attrMax + 1][]byte
}

// Parse decodes a SEG6 message body; ok is false when it is shorter than
// a genlmsghdr. The last of a repeated attribute counts.
func Parse(body []byte) (m Message, ok bool) {
	cmd, attrs, ok := genl.Split(body)
	if !ok {
		return m, false
	}
	m.Cmd = cmd
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		if t := a.Type(); t != 0 && t <= attrMax {
			m.Attrs[t] = a.Data()
		}
	}
	return m, true
}

// Tunsrc returns the tunnel source a CmdGetTunsrc answer holds (its
// first 16 bytes, zero-padded).
func (m *Message) Tunsrc() [16]byte {
	var a [16]byte
	copy(a[:], m.Attrs[AttrDst])
	return a
}

// HMAC returns the key a CmdDumpHMAC message holds. The secret is the
// SECRETLEN first bytes of SECRET, cut at 63 as iproute2 does (truncated
// reports that), and it is a copy.
func (m *Message) HMAC() (k HMACKey, truncated bool) {
	k.ID = u32(m.Attrs[AttrHMACKeyID])
	k.Alg = uint8(u32(m.Attrs[AttrAlgID]))
	n := int(uint8(u32(m.Attrs[AttrSecretLen])))
	if n > 63 {
		n, truncated = 63, true
	}
	k.Secret = make([]byte, n)
	copy(k.Secret, m.Attrs[AttrSecret])
	return k, truncated
}

func u32(b []byte) uint32 {
	var v [4]byte
	copy(v[:], b)
	return binary.NativeEndian.Uint32(v[:])
}

// Tunsrc returns the tunnel source address of SRv6 encapsulation.
func Tunsrc(ctx context.Context, c *genl.Conn) (netip.Addr, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return netip.Addr{}, err
	}
	reply, err := c.QueryContext(ctx, netlink.HeaderType(f.ID), 0, GetTunsrcRequest())
	if err != nil {
		return netip.Addr{}, err
	}
	m, ok := Parse(reply.Data)
	if !ok {
		return netip.Addr{}, unix.EINVAL
	}
	return netip.AddrFrom16(m.Tunsrc()), nil
}

// SetTunsrc sets the tunnel source address.
func SetTunsrc(ctx context.Context, c *genl.Conn, a netip.Addr) error {
	return exec(ctx, c, TunsrcRequest(a.As16()))
}

// SetHMAC adds, changes or (with an empty secret) deletes an HMAC key.
func SetHMAC(ctx context.Context, c *genl.Conn, k HMACKey) error {
	return exec(ctx, c, HMACRequest(k))
}

// HMACKeys lists the HMAC keys.
func HMACKeys(ctx context.Context, c *genl.Conn) ([]HMACKey, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return nil, err
	}
	var keys []HMACKey
	err = c.DumpContext(ctx, netlink.HeaderType(f.ID), DumpHMACRequest(), func(reply netlink.Message) error {
		if m, ok := Parse(reply.Data); ok && m.Cmd == CmdDumpHMAC {
			k, _ := m.HMAC()
			keys = append(keys, k)
		}
		return nil
	})
	return keys, err
}

func exec(ctx context.Context, c *genl.Conn, body []byte) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(f.ID), 0, body)
}
