// Package macsec is the kernel's MACsec secure channels and associations
// (on links of kind macsec) over generic netlink (family "macsec"): the
// constants of linux/if_macsec.h, the configuration requests ip macsec
// sends (add, set and delete of transmit SAs, receive SCs and receive
// SAs; the offload mode) and the decoder of the MACSEC_CMD_GET_TXSC dump.
//
// Requests are encoded as iproute2 6.1's ip macsec encodes them; the
// tests compare them with requests captured from it through an
// LD_PRELOAD shim (this kernel has no macsec family).
package macsec

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/genl"
	"github.com/mdlayher/netlink"
)

// FamilyName is the generic netlink family of MACsec (MACSEC_GENL_NAME).
const FamilyName = "macsec"

// Version is MACSEC_GENL_VERSION.
const Version = 1

// Sizes (MACSEC_*_LEN).
const (
	MaxKeyLen = 128
	KeyIDLen  = 16
	SaltLen   = 12
)

// Cipher suite ids (MACSEC_CIPHER_ID_*, IEEE 802.1AE-2018 table 14-1).
const (
	CipherGCMAES128    = 0x0080C20001000001
	CipherGCMAES256    = 0x0080C20001000002
	CipherGCMAESXPN128 = 0x0080C20001000003
	CipherGCMAESXPN256 = 0x0080C20001000004
	// CipherDefault is the deprecated id of GCM-AES-128.
	CipherDefault = 0x0080020001000001
)

// Commands (enum macsec_nl_commands).
const (
	CmdGetTXSC = iota
	CmdAddRXSC
	CmdDelRXSC
	CmdUpdRXSC
	CmdAddTXSA
	CmdDelTXSA
	CmdUpdTXSA
	CmdAddRXSA
	CmdDelRXSA
	CmdUpdRXSA
	CmdUpdOffload
)

// Top-level attributes (MACSEC_ATTR_*).
const (
	AttrIfIndex    = 1 // u32
	AttrRXSCConfig = 2 // nested RXSCAttr*
	AttrSAConfig   = 3 // nested SAAttr*
	AttrSecY       = 4 // nested SecYAttr* (dump)
	AttrTXSAList   = 5 // nested list of SAAttr* (dump)
	AttrRXSCList   = 6 // nested list of RXSCAttr* (dump)
	AttrTXSCStats  = 7 // nested TXSCStat* (dump)
	AttrSecYStats  = 8 // nested SecYStat* (dump)
	AttrOffload    = 9 // nested OffloadAttr*
	AttrMax        = AttrOffload
)

// SecY attributes (MACSEC_SECY_ATTR_*).
const (
	SecYAttrSCI         = 1 // be64
	SecYAttrEncodingSA  = 2 // u8
	SecYAttrWindow      = 3 // u32
	SecYAttrCipherSuite = 4 // u64
	SecYAttrICVLen      = 5 // u8
	SecYAttrProtect     = 6
	SecYAttrReplay      = 7
	SecYAttrOper        = 8
	SecYAttrValidate    = 9
	SecYAttrEncrypt     = 10
	SecYAttrIncSCI      = 11
	SecYAttrES          = 12
	SecYAttrSCB         = 13
	SecYAttrPad         = 14
	SecYAttrMax         = SecYAttrPad
)

// Receive SC attributes (MACSEC_RXSC_ATTR_*).
const (
	RXSCAttrSCI    = 1 // be64
	RXSCAttrActive = 2 // u8
	RXSCAttrSAList = 3 // nested list of SAAttr* (dump)
	RXSCAttrStats  = 4 // nested RXSCStat* (dump)
	RXSCAttrPad    = 5
	RXSCAttrMax    = RXSCAttrPad
)

// SA attributes (MACSEC_SA_ATTR_*).
const (
	SAAttrAN     = 1 // u8 0..3
	SAAttrActive = 2 // u8
	SAAttrPN     = 3 // u32, or u64 with an XPN cipher suite
	SAAttrKey    = 4
	SAAttrKeyID  = 5 // 16 bytes
	SAAttrStats  = 6 // nested SAStat* (dump)
	SAAttrPad    = 7
	SAAttrSSCI   = 8 // be32, XPN only
	SAAttrSalt   = 9 // 12 bytes, XPN only
	SAAttrMax    = SAAttrSalt
)

// Offload attributes and modes (MACSEC_OFFLOAD_ATTR_*, MACSEC_OFFLOAD_*).
const (
	OffloadAttrType = 1 // u8
	OffloadAttrMax  = 2

	OffloadOff = 0
	OffloadPHY = 1
	OffloadMAC = 2
)

// Validation modes (MACSEC_VALIDATE_*).
const (
	ValidateDisabled = 0
	ValidateCheck    = 1
	ValidateStrict   = 2
)

// Statistics: the attribute numbers of each nest, counted from 1, are the
// indexes of these names (the names ip macsec -s prints; "" for none).
var (
	TXSCStatNames = []string{"", "OutPktsProtected", "OutPktsEncrypted", "OutOctetsProtected", "OutOctetsEncrypted"}
	SecYStatNames = []string{"", "OutPktsUntagged", "InPktsUntagged", "OutPktsTooLong", "InPktsNoTag",
		"InPktsBadTag", "InPktsUnknownSCI", "InPktsNoSCI", "InPktsOverrun"}
	RXSCStatNames = []string{"", "InOctetsValidated", "InOctetsDecrypted", "InPktsUnchecked", "InPktsDelayed",
		"InPktsOK", "InPktsInvalid", "InPktsLate", "InPktsNotValid", "InPktsNotUsingSA", "InPktsUnusedSA"}
	// SA statistics share one numbering: receive SAs have the first five,
	// transmit SAs the last two.
	RXSAStatNames = []string{"", "InPktsOK", "InPktsInvalid", "InPktsNotValid", "InPktsNotUsingSA", "InPktsUnusedSA", "", ""}
	TXSAStatNames = []string{"", "", "", "", "", "", "OutPktsProtected", "OutPktsEncrypted"}
)

// IsXPN reports whether cipher suite id numbers packets with 64 bits.
func IsXPN(id uint64) bool { return id == CipherGCMAESXPN128 || id == CipherGCMAESXPN256 }

// CipherName is the name ip macsec prints for a cipher suite id.
func CipherName(id uint64) string {
	switch id {
	case CipherDefault, CipherGCMAES128:
		return "GCM-AES-128"
	case CipherGCMAES256:
		return "GCM-AES-256"
	case CipherGCMAESXPN128:
		return "GCM-AES-XPN-128"
	case CipherGCMAESXPN256:
		return "GCM-AES-XPN-256"
	}
	return "(unknown)"
}

// SA is the configuration of a secure association in a request. Fields
// left at their zero value are not sent.
type SA struct {
	// AN is the association number, 0 to 3.
	AN uint8
	// PN is the next packet number (0: not sent); with XPN it is sent as
	// 64 bits and Salt and SSCI go with it, without XPN they are not sent.
	PN  uint64
	XPN bool
	// Salt and SSCI (host order; sent big-endian), when set.
	Salt *[SaltLen]byte
	SSCI *uint32
	// KeyID and Key are sent together when Key is not empty.
	KeyID [KeyIDLen]byte
	Key   []byte
	// Active turns the association on or off, when set.
	Active *bool
}

// RXSC selects a receive secure channel by its SCI (as printed: the
// big-endian value of the 8 bytes, MAC address then port), with its
// state when Active is set.
type RXSC struct {
	SCI    uint64
	Active *bool
}

// Request is one configuration request of the family.
type Request struct {
	// Cmd is one of CmdAddRXSC … CmdUpdOffload.
	Cmd     uint8
	IfIndex uint32
	// RXSC and SA are the nests sent, when not nil.
	RXSC *RXSC
	SA   *SA
	// Offload is the mode of CmdUpdOffload.
	Offload *uint8
}

func u8(v bool) []byte {
	if v {
		return []byte{1}
	}
	return []byte{0}
}

// Body returns r's genlmsghdr and attributes in iproute2's order: the
// device, the receive SC (SCI, state), the SA (number, packet number,
// salt, SSCI, key id and key, state), the offload mode.
func (r *Request) Body() []byte {
	b := genl.Header(r.Cmd, Version)
	b = genl.AppendAttr(b, AttrIfIndex, binary.NativeEndian.AppendUint32(nil, r.IfIndex))
	if sc := r.RXSC; sc != nil {
		n := binary.BigEndian.AppendUint64(nil, sc.SCI)
		n = genl.AppendAttr(n[:0:0], RXSCAttrSCI, n)
		if sc.Active != nil {
			n = genl.AppendAttr(n, RXSCAttrActive, u8(*sc.Active))
		}
		b = genl.AppendAttr(b, AttrRXSCConfig, n)
	}
	if sa := r.SA; sa != nil {
		n := genl.AppendAttr(nil, SAAttrAN, []byte{sa.AN})
		switch {
		case sa.XPN:
			if sa.PN != 0 {
				n = genl.AppendAttr(n, SAAttrPN, binary.NativeEndian.AppendUint64(nil, sa.PN))
			}
			if sa.Salt != nil {
				n = genl.AppendAttr(n, SAAttrSalt, sa.Salt[:])
			}
			if sa.SSCI != nil {
				n = genl.AppendAttr(n, SAAttrSSCI, binary.BigEndian.AppendUint32(nil, *sa.SSCI))
			}
		case sa.PN != 0:
			n = genl.AppendAttr(n, SAAttrPN, binary.NativeEndian.AppendUint32(nil, uint32(sa.PN)))
		}
		if len(sa.Key) > 0 {
			n = genl.AppendAttr(n, SAAttrKeyID, sa.KeyID[:])
			n = genl.AppendAttr(n, SAAttrKey, sa.Key)
		}
		if sa.Active != nil {
			n = genl.AppendAttr(n, SAAttrActive, u8(*sa.Active))
		}
		b = genl.AppendAttr(b, AttrSAConfig, n)
	}
	if r.Offload != nil {
		b = genl.AppendAttr(b, AttrOffload, genl.AppendAttr(nil, OffloadAttrType, []byte{*r.Offload}))
	}
	return b
}

// DumpRequest is the body of the dump of every SecY (CmdGetTXSC,
// NLM_F_DUMP).
func DumpRequest() []byte { return genl.Header(CmdGetTXSC, Version) }

// Do sends r and waits for the kernel's answer.
func Do(ctx context.Context, c *genl.Conn, r Request) error {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return err
	}
	return c.ExecContext(ctx, netlink.HeaderType(f.ID), 0, r.Body())
}
