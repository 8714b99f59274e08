package xfrm

import (
	"context"

	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Attrs is a message's attributes by type, as iproute2's parse_rtattr
// keeps them: the first of each type, nil when absent. The slices alias
// the message.
type Attrs [AttrMax + 1][]byte

// ParseAttrs indexes the attributes in b (well-formed ones up to the
// first that is not).
func ParseAttrs(b []byte) Attrs {
	var tb Attrs
	for len(b) >= 4 {
		l := int(ne.Uint16(b))
		t := ne.Uint16(b[2:])
		if l < 4 || l > len(b) {
			break
		}
		if int(t) <= AttrMax && tb[t] == nil {
			tb[t] = b[4:l:l]
		}
		a := (l + 3) &^ 3
		if a > len(b) {
			a = len(b)
		}
		b = b[a:]
	}
	return tb
}

// AppendAttr appends one attribute (type t, payload data) to b, padded
// to four bytes.
func AppendAttr(b []byte, t uint16, data []byte) []byte {
	b = ne.AppendUint16(b, uint16(4+len(data)))
	b = ne.AppendUint16(b, t)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// AppendAttrU32 appends a four-byte attribute.
func AppendAttrU32(b []byte, t uint16, v uint32) []byte {
	return AppendAttr(b, t, ne.AppendUint32(nil, v))
}

// PolicyTypeAttr is the payload of XFRMA_POLICY_TYPE
// (xfrm_userpolicy_type) for type t.
func PolicyTypeAttr(t uint8) []byte { return []byte{t, 0, 0, 0, 0, 0} }

// Policy is a policy with the attributes gip knows how to send.
type Policy struct {
	Info   PolicyInfo
	Type   *uint8 // XFRMA_POLICY_TYPE; nil: not sent (main)
	Tmpls  []Tmpl
	Mark   *Mark
	SecCtx *string
	IfID   *uint32
}

// Request is the body of an XFRM_MSG_NEWPOLICY or UPDPOLICY for p, in
// iproute2's attribute order (type, templates, mark, context, if_id).
// A mark with a zero mask is not sent, as iproute2 does not.
func (p Policy) Request() []byte {
	b := p.Info.Append(nil)
	if p.Type != nil {
		b = AppendAttr(b, AttrPolicyType, PolicyTypeAttr(*p.Type))
	}
	if len(p.Tmpls) > 0 {
		var t []byte
		for _, x := range p.Tmpls {
			t = x.Append(t)
		}
		b = AppendAttr(b, AttrTmpl, t)
	}
	if p.Mark != nil && p.Mark.M != 0 {
		b = AppendAttr(b, AttrMark, p.Mark.Append(nil))
	}
	if p.SecCtx != nil {
		b = AppendAttr(b, AttrSecCtx, SecCtx(*p.SecCtx))
	}
	if p.IfID != nil {
		b = AppendAttrU32(b, AttrIfID, *p.IfID)
	}
	return b
}

// DecodePolicy decodes the body of an XFRM_MSG_NEWPOLICY (a dump's
// message, or a get's answer). The result owns its memory.
func DecodePolicy(body []byte) (Policy, error) {
	var p Policy
	info, err := ParsePolicyInfo(body)
	if err != nil {
		return p, err
	}
	p.Info = info
	tb := ParseAttrs(body[SizeofPolicyInfo:])
	if v := tb[AttrPolicyType]; len(v) >= SizeofPolicyType {
		t := v[0]
		p.Type = &t
	}
	if v := tb[AttrTmpl]; v != nil {
		p.Tmpls = ParseTmpls(v)
	}
	if m, err := ParseMark(tb[AttrMark]); err == nil {
		p.Mark = &m
	}
	if v := tb[AttrSecCtx]; v != nil {
		if s, ok := SecCtxText(v); ok {
			p.SecCtx = &s
		}
	}
	if v := tb[AttrIfID]; len(v) >= 4 {
		x := ne.Uint32(v)
		p.IfID = &x
	}
	return p, nil
}

// State is a state with the attributes gip knows how to send.
type State struct {
	Info                               SAInfo
	Crypt, Auth, AuthTrunc, AEAD, Comp *Algo
	Encap                              *Encap
	CoA                                *Address
	SecCtx                             *string
	Offload                            *Offload
	Replay                             *Replay
	ReplayESN                          *ReplayESN
	ExtraFlags                         *uint32
	Mark                               *Mark
	IfID                               *uint32
	TFCPad                             *uint32
	OutputMark, OutputMarkMask         *uint32
}

// Request is the body of an XFRM_MSG_NEWSA or UPDSA for s: the
// algorithms (enc, auth, auth-trunc, aead, comp), encap, coa and
// context first (iproute2 sends those in the order of its words), then
// the others in iproute2's fixed order.
func (s State) Request() []byte {
	b := s.Info.Append(nil)
	for _, a := range []struct {
		t uint16
		a *Algo
	}{{AttrAlgCrypt, s.Crypt}, {AttrAlgAuth, s.Auth}, {AttrAlgAuthTrunc, s.AuthTrunc}, {AttrAlgAEAD, s.AEAD}, {AttrAlgComp, s.Comp}} {
		if a.a != nil {
			b = AppendAttr(b, a.t, AppendAlgo(nil, a.t, *a.a))
		}
	}
	if s.Encap != nil {
		b = AppendAttr(b, AttrEncap, s.Encap.Append(nil))
	}
	if s.CoA != nil {
		b = AppendAttr(b, AttrCoAddr, s.CoA[:])
	}
	if s.SecCtx != nil {
		b = AppendAttr(b, AttrSecCtx, SecCtx(*s.SecCtx))
	}
	if s.Offload != nil {
		b = AppendAttr(b, AttrOffloadDev, s.Offload.Append(nil))
	}
	if s.ReplayESN != nil {
		b = AppendAttr(b, AttrReplayESNVal, s.ReplayESN.Append(nil))
	} else if s.Replay != nil {
		b = AppendAttr(b, AttrReplayVal, s.Replay.Append(nil))
	}
	if s.ExtraFlags != nil {
		b = AppendAttrU32(b, AttrSAExtraFlags, *s.ExtraFlags)
	}
	if s.Mark != nil && s.Mark.M != 0 {
		b = AppendAttr(b, AttrMark, s.Mark.Append(nil))
	}
	for _, a := range []struct {
		t uint16
		v *uint32
	}{{AttrIfID, s.IfID}, {AttrTFCPad, s.TFCPad}, {AttrOutputMark, s.OutputMark}, {AttrSetMarkMask, s.OutputMarkMask}} {
		if a.v != nil {
			b = AppendAttrU32(b, a.t, *a.v)
		}
	}
	return b
}

// DecodeState decodes the body of an XFRM_MSG_NEWSA (a dump's message,
// or a get's answer). The result owns its memory.
func DecodeState(body []byte) (State, error) {
	var s State
	info, err := ParseSAInfo(body)
	if err != nil {
		return s, err
	}
	s.Info = info
	tb := ParseAttrs(body[SizeofSAInfo:])
	for _, a := range []struct {
		t uint16
		p **Algo
	}{{AttrAlgCrypt, &s.Crypt}, {AttrAlgAuth, &s.Auth}, {AttrAlgAuthTrunc, &s.AuthTrunc}, {AttrAlgAEAD, &s.AEAD}, {AttrAlgComp, &s.Comp}} {
		if v := tb[a.t]; v != nil {
			if al, short := ParseAlgo(a.t, v); !short {
				*a.p = &al
			}
		}
	}
	if e, err := ParseEncap(tb[AttrEncap]); err == nil {
		s.Encap = &e
	}
	if v := tb[AttrCoAddr]; len(v) >= 16 {
		a := Address(v[:16])
		s.CoA = &a
	}
	if v := tb[AttrSecCtx]; v != nil {
		if x, ok := SecCtxText(v); ok {
			s.SecCtx = &x
		}
	}
	if v := tb[AttrOffloadDev]; len(v) >= SizeofOffload {
		s.Offload = &Offload{Ifindex: int32(ne.Uint32(v)), Flags: v[4]}
	}
	if v := tb[AttrReplayVal]; len(v) >= SizeofReplay {
		s.Replay = &Replay{ne.Uint32(v), ne.Uint32(v[4:]), ne.Uint32(v[8:])}
	}
	if r, err := ParseReplayESN(tb[AttrReplayESNVal]); err == nil {
		s.ReplayESN = &r
	}
	if m, err := ParseMark(tb[AttrMark]); err == nil {
		s.Mark = &m
	}
	for _, a := range []struct {
		t uint16
		p **uint32
	}{{AttrSAExtraFlags, &s.ExtraFlags}, {AttrIfID, &s.IfID}, {AttrTFCPad, &s.TFCPad}, {AttrOutputMark, &s.OutputMark}, {AttrSetMarkMask, &s.OutputMarkMask}} {
		if v := tb[a.t]; len(v) >= 4 {
			x := ne.Uint32(v)
			*a.p = &x
		}
	}
	return s, nil
}

// StateKey is what names one state: destination, SPI, protocol, family
// and source (XFRMA_SRCADDR), and an optional mark.
type StateKey struct {
	ID    SAID
	Saddr Address
	Mark  *Mark
}

// Request is the body of an XFRM_MSG_GETSA or DELSA for k, as iproute2
// sends it (the mark only when value and mask share a bit).
func (k StateKey) Request() []byte {
	b := k.ID.Append(nil)
	b = AppendAttr(b, AttrSrcAddr, k.Saddr[:])
	if k.Mark != nil && k.Mark.M&k.Mark.V != 0 {
		b = AppendAttr(b, AttrMark, k.Mark.Append(nil))
	}
	return b
}

// PolicyKey is what names one policy: selector or index, direction,
// and the optional type, mark, context and if_id.
type PolicyKey struct {
	ID     PolicyID
	Type   *uint8
	Mark   *Mark
	SecCtx *string
	IfID   *uint32
}

// Request is the body of an XFRM_MSG_GETPOLICY or DELPOLICY for k, in
// iproute2's order (type, mark when value and mask share a bit,
// context, if_id).
func (k PolicyKey) Request() []byte {
	b := k.ID.Append(nil)
	if k.Type != nil {
		b = AppendAttr(b, AttrPolicyType, PolicyTypeAttr(*k.Type))
	}
	if k.Mark != nil && k.Mark.M&k.Mark.V != 0 {
		b = AppendAttr(b, AttrMark, k.Mark.Append(nil))
	}
	if k.SecCtx != nil {
		b = AppendAttr(b, AttrSecCtx, SecCtx(*k.SecCtx))
	}
	if k.IfID != nil {
		b = AppendAttrU32(b, AttrIfID, *k.IfID)
	}
	return b
}

// InfoRequest is the body of XFRM_MSG_GETSPDINFO and GETSADINFO: a u32
// of all ones.
func InfoRequest() []byte { return []byte{0xff, 0xff, 0xff, 0xff} }

// HThresh is xfrmu_spdhthresh: the prefix lengths from which policies
// are hashed by address.
type HThresh struct{ LBits, RBits uint8 }

// SPDInfo is the answer to XFRM_MSG_GETSPDINFO.
type SPDInfoMsg struct {
	Flags        uint32
	Counts       *[6]uint32 // in, out, fwd, then the socket policies' in, out, fwd
	HCount, HMax *[2]uint32
	IPv4, IPv6   *HThresh
}

// Dial opens a NETLINK_XFRM socket in the namespace open at nsFD (-1:
// the current one).
func Dial(nsFD int) (*rtnl.Conn, error) {
	c, err := rtnl.DialProto(nsFD, unix.NETLINK_XFRM)
	if err != nil {
		return nil, err
	}
	// The flush and default-policy requests are bare odd-sized structs,
	// which iproute2 sends unpadded.
	c.ExactLength = true
	return c, nil
}

// ListPolicies returns every policy (the XFRM_MSG_GETPOLICY dump).
func ListPolicies(ctx context.Context, c *rtnl.Conn) ([]Policy, error) {
	var ps []Policy
	err := c.DumpContext(ctx, MsgGetPolicy, nil, func(m netlink.Message) error {
		if m.Header.Type != MsgNewPolicy {
			return nil
		}
		p, err := DecodePolicy(m.Data)
		if err == nil {
			ps = append(ps, p)
		}
		return nil
	})
	return ps, err
}

// AddPolicy adds policy p (XFRM_MSG_NEWPOLICY).
func AddPolicy(ctx context.Context, c *rtnl.Conn, p Policy) error {
	return c.ExecContext(ctx, MsgNewPolicy, 0, p.Request())
}

// UpdatePolicy adds or replaces policy p (XFRM_MSG_UPDPOLICY).
func UpdatePolicy(ctx context.Context, c *rtnl.Conn, p Policy) error {
	return c.ExecContext(ctx, MsgUpdPolicy, 0, p.Request())
}

// DeletePolicy deletes the policy k names.
func DeletePolicy(ctx context.Context, c *rtnl.Conn, k PolicyKey) error {
	return c.ExecContext(ctx, MsgDelPolicy, 0, k.Request())
}

// FlushPolicies deletes every policy of type t (nil: main, as the
// kernel takes a request without XFRMA_POLICY_TYPE).
func FlushPolicies(ctx context.Context, c *rtnl.Conn, t *uint8) error {
	var b []byte
	if t != nil {
		b = AppendAttr(b, AttrPolicyType, PolicyTypeAttr(*t))
	}
	return c.ExecContext(ctx, MsgFlushPolicy, 0, b)
}

// ListStates returns every state (the XFRM_MSG_GETSA dump).
func ListStates(ctx context.Context, c *rtnl.Conn) ([]State, error) {
	var ss []State
	err := c.DumpContext(ctx, MsgGetSA, nil, func(m netlink.Message) error {
		if m.Header.Type != MsgNewSA {
			return nil
		}
		s, err := DecodeState(m.Data)
		if err == nil {
			ss = append(ss, s)
		}
		return nil
	})
	return ss, err
}

// AddState adds state s (XFRM_MSG_NEWSA).
func AddState(ctx context.Context, c *rtnl.Conn, s State) error {
	return c.ExecContext(ctx, MsgNewSA, 0, s.Request())
}

// UpdateState changes state s (XFRM_MSG_UPDSA).
func UpdateState(ctx context.Context, c *rtnl.Conn, s State) error {
	return c.ExecContext(ctx, MsgUpdSA, 0, s.Request())
}

// DeleteState deletes the state k names.
func DeleteState(ctx context.Context, c *rtnl.Conn, k StateKey) error {
	return c.ExecContext(ctx, MsgDelSA, 0, k.Request())
}

// FlushStates deletes every state of protocol proto (0: of every
// IPsec protocol).
func FlushStates(ctx context.Context, c *rtnl.Conn, proto uint8) error {
	return c.ExecContext(ctx, MsgFlushSA, 0, []byte{proto})
}

// AllocSPI makes a larval state with an SPI the kernel picks in
// [min, max] and returns it.
func AllocSPI(ctx context.Context, c *rtnl.Conn, info SAInfo, min, max uint32) (State, error) {
	m, err := c.QueryContext(ctx, MsgAllocSPI, 0, SPIInfo{Info: info, Min: min, Max: max}.Append(nil))
	if err != nil {
		return State{}, err
	}
	return DecodeState(m.Data)
}
