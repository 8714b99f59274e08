package macsec

import (
	"context"
	"encoding/binary"

	"github.com/gipnet/gip/genl"
	"github.com/mdlayher/netlink"
)

// Table holds a nest's attributes by number, as iproute2's parse_rtattr
// fills its table: the first of a repeated attribute counts, numbers
// above the table's size are skipped, and the walk stops at an attribute
// whose length does not fit. Entries alias the message.
type Table [][]byte

// ParseTable decodes the attributes in b into a table of max+1 entries.
func ParseTable(b []byte, max int) Table {
	t := make(Table, max+1)
	Walk(b, func(typ uint16, data []byte) {
		if int(typ) <= max && t[typ] == nil {
			t[typ] = data
		}
	})
	return t
}

// Get returns attribute n, nil when absent.
func (t Table) Get(n int) []byte {
	if n < 0 || n >= len(t) {
		return nil
	}
	return t[n]
}

// Has reports whether attribute n is present.
func (t Table) Has(n int) bool { return t.Get(n) != nil }

// Walk calls fn with each attribute of b in order (a list nest's entries,
// whatever their numbers), stopping where RTA_OK would.
func Walk(b []byte, fn func(typ uint16, data []byte)) {
	for len(b) >= 4 {
		l := int(binary.NativeEndian.Uint16(b))
		if l < 4 || l > len(b) {
			return
		}
		fn(binary.NativeEndian.Uint16(b[2:]), b[4:l:l])
		l = (l + 3) &^ 3
		if l >= len(b) {
			return
		}
		b = b[l:]
	}
}

// Uint reads a little value as rta_getattr_u8/u16/u32/u64 would: the
// first n bytes of b (zeros past its end). iproute2 reads some attributes
// with a wider getter than the kernel writes them (an SC's state as u32);
// gip reads the attribute's own bytes, zero-extended.
func Uint(b []byte, n int) uint64 {
	var buf [8]byte
	copy(buf[:n], b)
	return binary.NativeEndian.Uint64(buf[:])
}

// BE64 reads a big-endian 64-bit value (an SCI), zero-extended.
func BE64(b []byte) uint64 {
	var buf [8]byte
	copy(buf[:], b)
	return binary.BigEndian.Uint64(buf[:])
}

// BE32 reads a big-endian 32-bit value (an SSCI), zero-extended.
func BE32(b []byte) uint32 {
	var buf [4]byte
	copy(buf[:], b)
	return binary.BigEndian.Uint32(buf[:])
}

// Stat reads a statistic as ip macsec does: its size picks the width (8,
// 4, 2 or 1 bytes); ok is false for any other size.
func Stat(b []byte) (v uint64, ok bool) {
	switch len(b) {
	case 8, 4, 2, 1:
		return Uint(b, len(b)), true
	}
	return 0, false
}

// Message is one message of the MACSEC_CMD_GET_TXSC dump: its command and
// top-level attributes.
type Message struct {
	Cmd   uint8
	Attrs Table
}

// Parse decodes a dump message body; ok is false when it is shorter than
// a genlmsghdr.
func Parse(body []byte) (m Message, ok bool) {
	cmd, attrs, ok := genl.Split(body)
	if !ok {
		return m, false
	}
	return Message{Cmd: cmd, Attrs: ParseTable(attrs, AttrMax)}, true
}

// Complete reports whether m has what ip macsec show needs of a SecY: the
// device, the SecY nest (with its SCI, encoding SA, cipher suite, ICV
// length and switches), both SC lists and both statistics nests.
func (m *Message) Complete() bool {
	a := m.Attrs
	if !a.Has(AttrIfIndex) || !a.Has(AttrSecY) || !a.Has(AttrTXSAList) || !a.Has(AttrRXSCList) ||
		!a.Has(AttrTXSCStats) || !a.Has(AttrSecYStats) {
		return false
	}
	s := ParseTable(a[AttrSecY], SecYAttrMax)
	for _, n := range []int{SecYAttrSCI, SecYAttrEncodingSA, SecYAttrCipherSuite, SecYAttrICVLen,
		SecYAttrProtect, SecYAttrReplay, SecYAttrOper, SecYAttrValidate, SecYAttrEncrypt,
		SecYAttrIncSCI, SecYAttrES, SecYAttrSCB} {
		if !s.Has(n) {
			return false
		}
	}
	return true
}

// SAState is a secure association as the dump shows it.
type SAState struct {
	AN     uint8
	Active bool
	// PN is the next packet number (64 bits with an XPN cipher suite).
	PN    uint64
	KeyID []byte
	// SSCI is the short SCI of XPN suites (host order).
	SSCI  uint32
	Stats map[string]uint64
}

// RXSCState is a receive secure channel as the dump shows it.
type RXSCState struct {
	SCI    uint64
	Active bool
	Stats  map[string]uint64
	SAs    []SAState
}

// SecY is one MACsec device's secure entity as the dump shows it.
type SecY struct {
	IfIndex     uint32
	SCI         uint64
	EncodingSA  uint8
	CipherSuite uint64
	ICVLen      uint8
	// Switches (0 or 1) and the validation mode.
	Protect, Replay, Oper, Encrypt, IncSCI, ES, SCB uint8
	Validate                                        uint8
	// Window is the replay window, when the kernel sent one.
	Window *uint32
	// Offload is the offload mode, when the kernel sent one.
	Offload   *uint8
	TXSCStats map[string]uint64
	SecYStats map[string]uint64
	TXSAs     []SAState
	RXSCs     []RXSCState
}

func stats(b []byte, names []string) map[string]uint64 {
	if b == nil {
		return nil
	}
	t := ParseTable(b, len(names)-1)
	m := map[string]uint64{}
	for i, name := range names {
		if name == "" || t[i] == nil {
			continue
		}
		if v, ok := Stat(t[i]); ok {
			m[name] = v
		}
	}
	return m
}

func sas(b []byte, xpn bool, names []string) []SAState {
	var list []SAState
	Walk(b, func(_ uint16, e []byte) {
		t := ParseTable(e, SAAttrMax)
		s := SAState{
			AN:     uint8(Uint(t[SAAttrAN], 1)),
			Active: Uint(t[SAAttrActive], 1) != 0,
			KeyID:  append([]byte(nil), t[SAAttrKeyID]...),
			Stats:  stats(t[SAAttrStats], names),
		}
		if xpn {
			s.PN, s.SSCI = Uint(t[SAAttrPN], 8), BE32(t[SAAttrSSCI])
		} else {
			s.PN = Uint(t[SAAttrPN], 4)
		}
		list = append(list, s)
	})
	return list
}

// SecY decodes m (which should be Complete) into a value that owns its
// memory.
func (m *Message) SecY() SecY {
	a := m.Attrs
	s := ParseTable(a.Get(AttrSecY), SecYAttrMax)
	v := SecY{
		IfIndex:     uint32(Uint(a.Get(AttrIfIndex), 4)),
		SCI:         BE64(s[SecYAttrSCI]),
		EncodingSA:  uint8(Uint(s[SecYAttrEncodingSA], 1)),
		CipherSuite: Uint(s[SecYAttrCipherSuite], 8),
		ICVLen:      uint8(Uint(s[SecYAttrICVLen], 1)),
		Protect:     uint8(Uint(s[SecYAttrProtect], 1)),
		Replay:      uint8(Uint(s[SecYAttrReplay], 1)),
		Oper:        uint8(Uint(s[SecYAttrOper], 1)),
		Validate:    uint8(Uint(s[SecYAttrValidate], 1)),
		Encrypt:     uint8(Uint(s[SecYAttrEncrypt], 1)),
		IncSCI:      uint8(Uint(s[SecYAttrIncSCI], 1)),
		ES:          uint8(Uint(s[SecYAttrES], 1)),
		SCB:         uint8(Uint(s[SecYAttrSCB], 1)),
		TXSCStats:   stats(a.Get(AttrTXSCStats), TXSCStatNames),
		SecYStats:   stats(a.Get(AttrSecYStats), SecYStatNames),
	}
	if w := s[SecYAttrWindow]; w != nil {
		x := uint32(Uint(w, 4))
		v.Window = &x
	}
	if o := a.Get(AttrOffload); o != nil {
		if t := ParseTable(o, OffloadAttrMax); t[OffloadAttrType] != nil {
			x := uint8(Uint(t[OffloadAttrType], 1))
			v.Offload = &x
		}
	}
	xpn := IsXPN(v.CipherSuite)
	v.TXSAs = sas(a.Get(AttrTXSAList), xpn, TXSAStatNames)
	Walk(a.Get(AttrRXSCList), func(_ uint16, e []byte) {
		t := ParseTable(e, RXSCAttrMax)
		v.RXSCs = append(v.RXSCs, RXSCState{
			SCI:    BE64(t[RXSCAttrSCI]),
			Active: Uint(t[RXSCAttrActive], 1) != 0,
			Stats:  stats(t[RXSCAttrStats], RXSCStatNames),
			SAs:    sas(t[RXSCAttrSAList], xpn, RXSAStatNames),
		})
	})
	return v
}

// List dumps every SecY of the connection's namespace; messages that are
// not complete SecYs are skipped.
func List(ctx context.Context, c *genl.Conn) ([]SecY, error) {
	f, err := c.Family(ctx, FamilyName)
	if err != nil {
		return nil, err
	}
	var list []SecY
	err = c.DumpContext(ctx, netlink.HeaderType(f.ID), DumpRequest(), func(reply netlink.Message) error {
		if uint16(reply.Header.Type) != f.ID {
			return nil
		}
		if m, ok := Parse(reply.Data); ok && m.Cmd == CmdGetTXSC && m.Complete() {
			list = append(list, m.SecY())
		}
		return nil
	})
	return list, err
}
