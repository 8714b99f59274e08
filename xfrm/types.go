package xfrm

import (
	"errors"
	"net/netip"
	"strconv"

	"github.com/gipnet/gip/internal/endian"
	"golang.org/x/sys/unix"
)

var (
	ne endian.Native
	be endian.Big
)

// ErrShort is a structure cut short: fewer bytes than its size.
var ErrShort = errors.New("xfrm: message too short")

// Address is xfrm_address_t: an IPv4 address in its first four bytes, or
// an IPv6 address.
type Address [16]byte

// AddressFrom is a as an xfrm_address_t.
func AddressFrom(a netip.Addr) Address {
	var x Address
	if a.Is4() {
		b := a.As4()
		copy(x[:], b[:])
	} else if a.Is6() {
		x = a.As16()
	}
	return x
}

// Addr is the address as family's (AF_INET, AF_INET6); invalid for
// another family.
func (a Address) Addr(family uint16) netip.Addr {
	switch family {
	case unix.AF_INET:
		return netip.AddrFrom4([4]byte(a[:4]))
	case unix.AF_INET6:
		return netip.AddrFrom16(a)
	}
	return netip.Addr{}
}

// String is the address as iproute2 prints family's addresses
// (rt_addr_n2a): dotted quad, IPv6 text as glibc's inet_ntop writes it,
// "???" for another family.
func (a Address) String(family uint16) string {
	switch family {
	case unix.AF_INET:
		return netip.AddrFrom4([4]byte(a[:4])).String()
	case unix.AF_INET6:
		zero := true
		for _, c := range a[:12] {
			if c != 0 {
				zero = false
			}
		}
		if zero && (a[12] != 0 || a[13] != 0) {
			return "::" + netip.AddrFrom4([4]byte(a[12:16])).String()
		}
		return netip.AddrFrom16(a).String()
	}
	return "???"
}

// Selector is xfrm_selector: what traffic a policy or state applies
// to. Ports and their masks are in host order here (network order in
// the kernel's structure).
type Selector struct {
	Daddr, Saddr           Address
	Dport, DportMask       uint16
	Sport, SportMask       uint16
	Family                 uint16
	PrefixLenD, PrefixLenS uint8
	Proto                  uint8
	Ifindex                int32
	User                   uint32
}

func (s *Selector) put(b []byte) {
	copy(b[0:16], s.Daddr[:])
	copy(b[16:32], s.Saddr[:])
	be.PutUint16(b[32:], s.Dport)
	be.PutUint16(b[34:], s.DportMask)
	be.PutUint16(b[36:], s.Sport)
	be.PutUint16(b[38:], s.SportMask)
	ne.PutUint16(b[40:], s.Family)
	b[42], b[43], b[44] = s.PrefixLenD, s.PrefixLenS, s.Proto
	ne.PutUint32(b[48:], uint32(s.Ifindex))
	ne.PutUint32(b[52:], s.User)
}

func (s *Selector) get(b []byte) {
	copy(s.Daddr[:], b[0:16])
	copy(s.Saddr[:], b[16:32])
	s.Dport, s.DportMask = be.Uint16(b[32:]), be.Uint16(b[34:])
	s.Sport, s.SportMask = be.Uint16(b[36:]), be.Uint16(b[38:])
	s.Family = ne.Uint16(b[40:])
	s.PrefixLenD, s.PrefixLenS, s.Proto = b[42], b[43], b[44]
	s.Ifindex = int32(ne.Uint32(b[48:]))
	s.User = ne.Uint32(b[52:])
}

// IsZero reports whether every field of the selector is zero.
func (s *Selector) IsZero() bool { return *s == Selector{} }

// ID is xfrm_id: a state's destination, SPI (host order here) and
// protocol.
type ID struct {
	Daddr Address
	SPI   uint32
	Proto uint8
}

func (id *ID) put(b []byte) {
	copy(b[0:16], id.Daddr[:])
	be.PutUint32(b[16:], id.SPI)
	b[20] = id.Proto
}

func (id *ID) get(b []byte) {
	copy(id.Daddr[:], b[0:16])
	id.SPI = be.Uint32(b[16:])
	id.Proto = b[20]
}

// LifetimeCfg is xfrm_lifetime_cfg: the limits a state or policy
// expires at.
type LifetimeCfg struct {
	SoftByteLimit, HardByteLimit                 uint64
	SoftPacketLimit, HardPacketLimit             uint64
	SoftAddExpiresSeconds, HardAddExpiresSeconds uint64
	SoftUseExpiresSeconds, HardUseExpiresSeconds uint64
}

// NoLimits is the configuration iproute2 starts a request from: byte
// and packet limits infinite, no expiry times.
func NoLimits() LifetimeCfg {
	return LifetimeCfg{SoftByteLimit: Inf, HardByteLimit: Inf, SoftPacketLimit: Inf, HardPacketLimit: Inf}
}

func (l *LifetimeCfg) fields() []*uint64 {
	return []*uint64{&l.SoftByteLimit, &l.HardByteLimit, &l.SoftPacketLimit, &l.HardPacketLimit,
		&l.SoftAddExpiresSeconds, &l.HardAddExpiresSeconds, &l.SoftUseExpiresSeconds, &l.HardUseExpiresSeconds}
}

func (l *LifetimeCfg) put(b []byte) {
	for i, f := range l.fields() {
		ne.PutUint64(b[8*i:], *f)
	}
}

func (l *LifetimeCfg) get(b []byte) {
	for i, f := range l.fields() {
		*f = ne.Uint64(b[8*i:])
	}
}

// LifetimeCur is xfrm_lifetime_cur: what a state or policy has used
// so far; the times are seconds since the epoch, 0 for never.
type LifetimeCur struct {
	Bytes, Packets, AddTime, UseTime uint64
}

func (l *LifetimeCur) put(b []byte) {
	ne.PutUint64(b[0:], l.Bytes)
	ne.PutUint64(b[8:], l.Packets)
	ne.PutUint64(b[16:], l.AddTime)
	ne.PutUint64(b[24:], l.UseTime)
}

func (l *LifetimeCur) get(b []byte) {
	l.Bytes, l.Packets = ne.Uint64(b[0:]), ne.Uint64(b[8:])
	l.AddTime, l.UseTime = ne.Uint64(b[16:]), ne.Uint64(b[24:])
}

// Stats is xfrm_stats.
type Stats struct {
	ReplayWindow, Replay, IntegrityFailed uint32
}

// SAInfo is xfrm_usersa_info: a state. Seq is the field as the kernel
// holds it (iproute2 stores its `seq` word byte-swapped there).
type SAInfo struct {
	Sel          Selector
	ID           ID
	Saddr        Address
	Lft          LifetimeCfg
	Curlft       LifetimeCur
	Stats        Stats
	Seq          uint32
	Reqid        uint32
	Family       uint16
	Mode         uint8
	ReplayWindow uint8
	Flags        uint8
}

func (s *SAInfo) put(b []byte) {
	s.Sel.put(b[0:])
	s.ID.put(b[56:])
	copy(b[80:96], s.Saddr[:])
	s.Lft.put(b[96:])
	s.Curlft.put(b[160:])
	ne.PutUint32(b[192:], s.Stats.ReplayWindow)
	ne.PutUint32(b[196:], s.Stats.Replay)
	ne.PutUint32(b[200:], s.Stats.IntegrityFailed)
	ne.PutUint32(b[204:], s.Seq)
	ne.PutUint32(b[208:], s.Reqid)
	ne.PutUint16(b[212:], s.Family)
	b[214], b[215], b[216] = s.Mode, s.ReplayWindow, s.Flags
}

func (s *SAInfo) get(b []byte) {
	s.Sel.get(b[0:])
	s.ID.get(b[56:])
	copy(s.Saddr[:], b[80:96])
	s.Lft.get(b[96:])
	s.Curlft.get(b[160:])
	s.Stats = Stats{ne.Uint32(b[192:]), ne.Uint32(b[196:]), ne.Uint32(b[200:])}
	s.Seq, s.Reqid = ne.Uint32(b[204:]), ne.Uint32(b[208:])
	s.Family = ne.Uint16(b[212:])
	s.Mode, s.ReplayWindow, s.Flags = b[214], b[215], b[216]
}

// Append appends the structure's SizeofSAInfo bytes to b.
func (s SAInfo) Append(b []byte) []byte { return appendPut(b, SizeofSAInfo, s.put) }

// ParseSAInfo decodes an xfrm_usersa_info.
func ParseSAInfo(b []byte) (SAInfo, error) {
	var s SAInfo
	if len(b) < SizeofSAInfo {
		return s, ErrShort
	}
	s.get(b)
	return s, nil
}

// AppendSelector appends the selector's SizeofSelector bytes to b.
func (s Selector) Append(b []byte) []byte { return appendPut(b, SizeofSelector, s.put) }

// ParseSelector decodes an xfrm_selector.
func ParseSelector(b []byte) (Selector, error) {
	var s Selector
	if len(b) < SizeofSelector {
		return s, ErrShort
	}
	s.get(b)
	return s, nil
}

// SAID is xfrm_usersa_id: the key of a state (get, delete).
type SAID struct {
	Daddr  Address
	SPI    uint32 // host order
	Family uint16
	Proto  uint8
}

func (s *SAID) put(b []byte) {
	copy(b[0:16], s.Daddr[:])
	be.PutUint32(b[16:], s.SPI)
	ne.PutUint16(b[20:], s.Family)
	b[22] = s.Proto
}

func (s *SAID) get(b []byte) {
	copy(s.Daddr[:], b[0:16])
	s.SPI = be.Uint32(b[16:])
	s.Family = ne.Uint16(b[20:])
	s.Proto = b[22]
}

// Append appends the structure's SizeofSAID bytes to b.
func (s SAID) Append(b []byte) []byte { return appendPut(b, SizeofSAID, s.put) }

// ParseSAID decodes an xfrm_usersa_id.
func ParseSAID(b []byte) (SAID, error) {
	var s SAID
	if len(b) < SizeofSAID {
		return s, ErrShort
	}
	s.get(b)
	return s, nil
}

// SPIInfo is xfrm_userspi_info: an SPI allocation (the state to make
// and the range to pick its SPI from).
type SPIInfo struct {
	Info     SAInfo
	Min, Max uint32
}

// Append appends the structure's SizeofSPIInfo bytes to b.
func (s SPIInfo) Append(b []byte) []byte {
	return appendPut(b, SizeofSPIInfo, func(p []byte) {
		s.Info.put(p)
		ne.PutUint32(p[224:], s.Min)
		ne.PutUint32(p[228:], s.Max)
	})
}

// PolicyInfo is xfrm_userpolicy_info: a policy.
type PolicyInfo struct {
	Sel      Selector
	Lft      LifetimeCfg
	Curlft   LifetimeCur
	Priority uint32
	Index    uint32
	Dir      uint8
	Action   uint8
	Flags    uint8
	Share    uint8
}

func (p *PolicyInfo) put(b []byte) {
	p.Sel.put(b[0:])
	p.Lft.put(b[56:])
	p.Curlft.put(b[120:])
	ne.PutUint32(b[152:], p.Priority)
	ne.PutUint32(b[156:], p.Index)
	b[160], b[161], b[162], b[163] = p.Dir, p.Action, p.Flags, p.Share
}

func (p *PolicyInfo) get(b []byte) {
	p.Sel.get(b[0:])
	p.Lft.get(b[56:])
	p.Curlft.get(b[120:])
	p.Priority, p.Index = ne.Uint32(b[152:]), ne.Uint32(b[156:])
	p.Dir, p.Action, p.Flags, p.Share = b[160], b[161], b[162], b[163]
}

// Append appends the structure's SizeofPolicyInfo bytes to b.
func (p PolicyInfo) Append(b []byte) []byte { return appendPut(b, SizeofPolicyInfo, p.put) }

// ParsePolicyInfo decodes an xfrm_userpolicy_info.
func ParsePolicyInfo(b []byte) (PolicyInfo, error) {
	var p PolicyInfo
	if len(b) < SizeofPolicyInfo {
		return p, ErrShort
	}
	p.get(b)
	return p, nil
}

// PolicyID is xfrm_userpolicy_id: the key of a policy (get, delete).
type PolicyID struct {
	Sel   Selector
	Index uint32
	Dir   uint8
}

// Append appends the structure's SizeofPolicyID bytes to b.
func (p PolicyID) Append(b []byte) []byte {
	return appendPut(b, SizeofPolicyID, func(q []byte) {
		p.Sel.put(q)
		ne.PutUint32(q[56:], p.Index)
		q[60] = p.Dir
	})
}

// ParsePolicyID decodes an xfrm_userpolicy_id.
func ParsePolicyID(b []byte) (PolicyID, error) {
	var p PolicyID
	if len(b) < SizeofPolicyID {
		return p, ErrShort
	}
	p.Sel.get(b)
	p.Index, p.Dir = ne.Uint32(b[56:]), b[60]
	return p, nil
}

// Tmpl is xfrm_user_tmpl: one template of a policy (the state it needs).
type Tmpl struct {
	ID                     ID
	Family                 uint16
	Saddr                  Address
	Reqid                  uint32
	Mode, Share, Optional  uint8
	AAlgos, EAlgos, CAlgos uint32
}

// Append appends the structure's SizeofTmpl bytes to b.
func (t Tmpl) Append(b []byte) []byte {
	return appendPut(b, SizeofTmpl, func(q []byte) {
		t.ID.put(q)
		ne.PutUint16(q[24:], t.Family)
		copy(q[28:44], t.Saddr[:])
		ne.PutUint32(q[44:], t.Reqid)
		q[48], q[49], q[50] = t.Mode, t.Share, t.Optional
		ne.PutUint32(q[52:], t.AAlgos)
		ne.PutUint32(q[56:], t.EAlgos)
		ne.PutUint32(q[60:], t.CAlgos)
	})
}

// ParseTmpls decodes the templates of an XFRMA_TMPL attribute (whole
// templates only).
func ParseTmpls(b []byte) []Tmpl {
	var ts []Tmpl
	for ; len(b) >= SizeofTmpl; b = b[SizeofTmpl:] {
		var t Tmpl
		t.ID.get(b)
		t.Family = ne.Uint16(b[24:])
		copy(t.Saddr[:], b[28:44])
		t.Reqid = ne.Uint32(b[44:])
		t.Mode, t.Share, t.Optional = b[48], b[49], b[50]
		t.AAlgos, t.EAlgos, t.CAlgos = ne.Uint32(b[52:]), ne.Uint32(b[56:]), ne.Uint32(b[60:])
		ts = append(ts, t)
	}
	return ts
}

// Mark is xfrm_mark: a mark value and mask.
type Mark struct{ V, M uint32 }

// Append appends the structure's 8 bytes to b.
func (m Mark) Append(b []byte) []byte { return ne.AppendUint32(ne.AppendUint32(b, m.V), m.M) }

// ParseMark decodes an xfrm_mark.
func ParseMark(b []byte) (Mark, error) {
	if len(b) < SizeofMark {
		return Mark{}, ErrShort
	}
	return Mark{ne.Uint32(b), ne.Uint32(b[4:])}, nil
}

// SecCtx is the payload of XFRMA_SEC_CTX as iproute2 builds it from a
// context string: xfrm_user_sec_ctx, then the string and its NUL.
func SecCtx(ctx string) []byte {
	slen := len(ctx) + 1
	b := ne.AppendUint16(nil, uint16(SizeofSecCtx+slen))
	b = ne.AppendUint16(b, AttrSecCtx)
	b = append(b, SecCtxAlg, SecCtxDOI)
	b = ne.AppendUint16(b, uint16(slen))
	b = append(b, ctx...)
	return append(b, 0)
}

// SecCtxText is the context string of an XFRMA_SEC_CTX payload (ctx_len
// bytes after the header, cut at the payload's end), and whether the
// payload holds the whole header.
func SecCtxText(b []byte) (string, bool) {
	if len(b) < SizeofSecCtx {
		return "", false
	}
	n := int(ne.Uint16(b[6:]))
	s := b[SizeofSecCtx:]
	if n < len(s) {
		s = s[:n]
	}
	if i := indexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	return string(s), true
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// Algo is xfrm_algo, xfrm_algo_auth or xfrm_algo_aead: an algorithm by
// the kernel's name with its key. TruncLen is auth-trunc's truncation
// length, ICVLen aead's ICV length (bits).
type Algo struct {
	Name     string
	KeyBits  uint32
	Key      []byte
	TruncLen uint32
	ICVLen   uint32
}

// AppendAlgo appends algorithm a as attribute type t's payload
// (XFRMA_ALG_AUTH_TRUNC and XFRMA_ALG_AEAD carry the longer
// structures): the name cut to 63 bytes and NUL-padded, the key length,
// the key.
func AppendAlgo(b []byte, t uint16, a Algo) []byte {
	var name [64]byte
	copy(name[:63], a.Name)
	b = append(b, name[:]...)
	b = ne.AppendUint32(b, a.KeyBits)
	switch t {
	case AttrAlgAuthTrunc:
		b = ne.AppendUint32(b, a.TruncLen)
	case AttrAlgAEAD:
		b = ne.AppendUint32(b, a.ICVLen)
	}
	return append(b, a.Key...)
}

// ParseAlgo decodes attribute type t's algorithm. The key is as many of
// KeyBits/8 bytes as the payload holds (short is set when it holds
// fewer, or not even the structure).
func ParseAlgo(t uint16, b []byte) (a Algo, short bool) {
	size := SizeofAlgo
	if t == AttrAlgAuthTrunc || t == AttrAlgAEAD {
		size = SizeofAlgoAuth
	}
	if len(b) < SizeofAlgo {
		return a, true
	}
	name := b[:64]
	if i := indexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	a.Name = string(name)
	a.KeyBits = ne.Uint32(b[64:])
	if size > SizeofAlgo {
		if len(b) < size {
			return a, true
		}
		if t == AttrAlgAuthTrunc {
			a.TruncLen = ne.Uint32(b[68:])
		} else {
			a.ICVLen = ne.Uint32(b[68:])
		}
	}
	key := b[size:]
	n := int(a.KeyBits / 8)
	if n > len(key) {
		return a, true
	}
	a.Key = append([]byte(nil), key[:n]...)
	return a, false
}

// Encap is xfrm_encap_tmpl: UDP or TCP encapsulation of ESP. Ports in
// host order.
type Encap struct {
	Type         uint16
	Sport, Dport uint16
	OA           Address
}

// Append appends the structure's SizeofEncap bytes to b.
func (e Encap) Append(b []byte) []byte {
	return appendPut(b, SizeofEncap, func(q []byte) {
		ne.PutUint16(q, e.Type)
		be.PutUint16(q[2:], e.Sport)
		be.PutUint16(q[4:], e.Dport)
		copy(q[8:24], e.OA[:])
	})
}

// ParseEncap decodes an xfrm_encap_tmpl.
func ParseEncap(b []byte) (Encap, error) {
	var e Encap
	if len(b) < SizeofEncap {
		return e, ErrShort
	}
	e.Type, e.Sport, e.Dport = ne.Uint16(b), be.Uint16(b[2:]), be.Uint16(b[4:])
	copy(e.OA[:], b[8:24])
	return e, nil
}

// EncapName is the ENCAP-TYPE word of t, or its number.
func EncapName(t uint16) string {
	switch t {
	case EncapESPInUDPNonIKE:
		return "espinudp-nonike"
	case EncapESPInUDP:
		return "espinudp"
	case EncapESPInTCP:
		return "espintcp"
	}
	return strconv.Itoa(int(t))
}

// Replay is xfrm_replay_state.
type Replay struct{ OSeq, Seq, Bitmap uint32 }

// Append appends the structure's 12 bytes to b.
func (r Replay) Append(b []byte) []byte {
	return ne.AppendUint32(ne.AppendUint32(ne.AppendUint32(b, r.OSeq), r.Seq), r.Bitmap)
}

// ReplayESN is xfrm_replay_state_esn with its bitmap.
type ReplayESN struct {
	BmpLen, OSeq, Seq, OSeqHi, SeqHi, ReplayWindow uint32
	Bmp                                            []uint32
}

// Append appends the structure and its bitmap words to b.
func (r ReplayESN) Append(b []byte) []byte {
	for _, v := range []uint32{r.BmpLen, r.OSeq, r.Seq, r.OSeqHi, r.SeqHi, r.ReplayWindow} {
		b = ne.AppendUint32(b, v)
	}
	for _, v := range r.Bmp {
		b = ne.AppendUint32(b, v)
	}
	return b
}

// ParseReplayESN decodes an xfrm_replay_state_esn and as many bitmap
// words as the payload holds.
func ParseReplayESN(b []byte) (ReplayESN, error) {
	var r ReplayESN
	if len(b) < SizeofReplayESN {
		return r, ErrShort
	}
	r.BmpLen, r.OSeq, r.Seq = ne.Uint32(b), ne.Uint32(b[4:]), ne.Uint32(b[8:])
	r.OSeqHi, r.SeqHi, r.ReplayWindow = ne.Uint32(b[12:]), ne.Uint32(b[16:]), ne.Uint32(b[20:])
	for p := b[SizeofReplayESN:]; len(p) >= 4; p = p[4:] {
		r.Bmp = append(r.Bmp, ne.Uint32(p))
	}
	return r, nil
}

// Offload is xfrm_user_offload.
type Offload struct {
	Ifindex int32
	Flags   uint8
}

// Append appends the structure's 8 bytes to b.
func (o Offload) Append(b []byte) []byte {
	return append(ne.AppendUint32(b, uint32(o.Ifindex)), o.Flags, 0, 0, 0)
}

// AddressFilter is xfrm_address_filter, the state dump's address filter.
type AddressFilter struct {
	Saddr, Daddr Address
	Family       uint16
	SPLen, DPLen uint8
}

// Append appends the structure's 36 bytes to b.
func (f AddressFilter) Append(b []byte) []byte {
	return appendPut(b, SizeofAddressFilter, func(q []byte) {
		copy(q[0:16], f.Saddr[:])
		copy(q[16:32], f.Daddr[:])
		ne.PutUint16(q[32:], f.Family)
		q[34], q[35] = f.SPLen, f.DPLen
	})
}

// appendPut appends n zero bytes to b and fills them with put.
func appendPut(b []byte, n int, put func([]byte)) []byte {
	l := len(b)
	b = append(b, make([]byte, n)...)
	put(b[l:])
	return b
}
