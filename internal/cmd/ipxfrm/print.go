package ipxfrm

import (
	"fmt"
	"strconv"
	"time"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/xfrm"
	"golang.org/x/sys/unix"
)

// Printer prints xfrm messages as iproute2's xfrm printers do: text
// only (ip xfrm has no JSON output; -j changes nothing), with "\" for
// each line end under -oneline. One Printer serves list, get, allocspi
// and monitor.
type Printer struct {
	w       *format.Output
	sl      string // iproute2's _SL_
	oneline bool
	stats   int // -s given (show_stats)
	family  int // ip's preferred family when the message is printed
	name    func(uint32) string
	warn    func(format string, v ...any)
	filter  *filter
}

func (p *Printer) s(v string) { p.w.WriteString(v) }

func (p *Printer) f(format string, v ...any) { fmt.Fprintf(p.w, format, v...) }

// flagList is XFRM_FLAG_PRINT over table, then the bits left in hex.
func (p *Printer) flagList(flags uint32, table []xfrm.Flag) {
	for _, f := range table {
		if flags&f.Bit != 0 {
			flags &^= f.Bit
			p.s(f.Name)
			if flags != 0 {
				p.s(" ")
			}
		}
	}
	if flags != 0 {
		p.f("%x", flags)
	}
}

// mask8 is strxf_mask8: the bits of m, high first.
func mask8(m uint8) string {
	b := make([]byte, 8)
	for i := 0; i < 8; i++ {
		if m&(0x80>>i) != 0 {
			b[i] = '1'
		} else {
			b[i] = '0'
		}
	}
	return string(b)
}

// limit is strxf_limit.
func limit(v uint64) string {
	if v == xfrm.Inf {
		return "(INF)"
	}
	return strconv.FormatUint(v, 10)
}

// timeText is strxf_time: local time, "-" for 0.
func timeText(t uint64) string {
	if t == 0 {
		return "-"
	}
	return time.Unix(int64(t), 0).Format("2006-01-02 15:04:05")
}

// idInfo is xfrm_id_info_print.
func (p *Printer) idInfo(saddr xfrm.Address, id xfrm.ID, mode uint8, reqid uint32, family uint16, forceSPI bool, prefix, title string) {
	p.s(title)
	p.s("src " + saddr.String(family) + " ")
	p.s("dst " + id.Daddr.String(family))
	p.s(p.sl)
	p.s(prefix)
	p.s("\t")
	p.s("proto " + xfrm.ProtoName(id.Proto) + " ")
	if p.stats > 0 || forceSPI || id.SPI != 0 {
		p.f("spi 0x%08x", id.SPI)
		if p.stats > 0 {
			p.f("(%d)", id.SPI)
		}
		p.s(" ")
	}
	p.f("reqid %d", reqid)
	if p.stats > 0 {
		p.f("(0x%08x)", reqid)
	}
	p.s(" ")
	p.s("mode " + xfrm.ModeName(mode))
	p.s(p.sl)
}

// lifetime is xfrm_lifetime_print.
func (p *Printer) lifetime(cfg *xfrm.LifetimeCfg, cur *xfrm.LifetimeCur, prefix string) {
	if cfg != nil {
		p.s(prefix + "lifetime config:" + p.sl)
		p.s(prefix)
		p.f("  limit: soft %s(bytes), hard %s(bytes)%s", limit(cfg.SoftByteLimit), limit(cfg.HardByteLimit), p.sl)
		p.s(prefix)
		p.f("  limit: soft %s(packets), hard %s(packets)%s", limit(cfg.SoftPacketLimit), limit(cfg.HardPacketLimit), p.sl)
		p.s(prefix)
		p.f("  expire add: soft %d(sec), hard %d(sec)%s", cfg.SoftAddExpiresSeconds, cfg.HardAddExpiresSeconds, p.sl)
		p.s(prefix)
		p.f("  expire use: soft %d(sec), hard %d(sec)%s", cfg.SoftUseExpiresSeconds, cfg.HardUseExpiresSeconds, p.sl)
	}
	if cur != nil {
		p.s(prefix + "lifetime current:" + p.sl)
		p.s(prefix)
		p.f("  %d(bytes), %d(packets)%s", cur.Bytes, cur.Packets, p.sl)
		p.s(prefix)
		p.s("  add " + timeText(cur.AddTime) + " ")
		p.s("use " + timeText(cur.UseTime) + p.sl)
	}
}

// selector is xfrm_selector_print.
func (p *Printer) selector(sel *xfrm.Selector, family uint16, prefix string) {
	f := sel.Family
	if f == unix.AF_UNSPEC {
		f = family
	}
	if f == unix.AF_UNSPEC {
		f = uint16(p.family)
	}
	p.s(prefix)
	p.f("src %s/%d ", sel.Saddr.String(f), sel.PrefixLenS)
	p.f("dst %s/%d ", sel.Daddr.String(f), sel.PrefixLenD)
	if sel.Proto != 0 {
		p.s("proto " + protoName(sel.Proto) + " ")
	}
	switch sel.Proto {
	case unix.IPPROTO_ICMP, unix.IPPROTO_ICMPV6:
		if sel.SportMask != 0 {
			p.f("type %d ", sel.Sport)
		}
		if sel.DportMask != 0 {
			p.f("code %d ", sel.Dport)
		}
	case unix.IPPROTO_GRE:
		if sel.SportMask != 0 || sel.DportMask != 0 {
			p.f("key %d ", uint32(sel.Sport)<<16+uint32(sel.Dport))
		}
	case ipprotoMH:
		if sel.SportMask != 0 {
			p.f("type %d ", sel.Sport)
		}
		if sel.DportMask != 0 && p.stats > 0 {
			// iproute2 prints the field as it lies in memory.
			p.f("(dport) 0x%.4x ", sel.Dport>>8|sel.Dport<<8)
		}
	default:
		if sel.SportMask != 0 {
			p.f("sport %d ", sel.Sport)
		}
		if sel.DportMask != 0 {
			p.f("dport %d ", sel.Dport)
		}
	}
	if sel.Ifindex > 0 {
		p.s("dev " + p.name(uint32(sel.Ifindex)) + " ")
	}
	if p.stats > 0 {
		p.f("uid %d", sel.User)
	}
	p.s(p.sl)
}

// algo is __xfrm_algo_print: type t's algorithm in payload b.
func (p *Printer) algo(t uint16, b []byte, prefix string, nokeys bool) {
	p.s(prefix)
	p.s(xfrm.AlgTypeName(t) + " ")
	a, short := xfrm.ParseAlgo(t, b)
	// iproute2 checks the length against struct xfrm_algo for every
	// type, and the key against what follows that structure.
	if len(b) < xfrm.SizeofAlgo {
		p.s("(ERROR truncated)")
	} else {
		p.s(a.Name + " ")
		keylen := int(a.KeyBits / 8)
		if len(b)-xfrm.SizeofAlgo < keylen || (short && t != xfrm.AttrAlgAuthTrunc && t != xfrm.AttrAlgAEAD) {
			p.s("(ERROR truncated)")
		} else if nokeys {
			p.s("<<Keys hidden>>")
		} else if keylen > 0 {
			key := a.Key
			if key == nil {
				// The longer structures' keys start four bytes later
				// than iproute2 checked for.
				key = b[len(b)-min(keylen, len(b)):]
			}
			p.s("0x")
			for _, c := range key {
				p.f("%.2x", c)
			}
			if p.stats > 0 {
				p.f(" (%d bits)", a.KeyBits)
			}
		}
	}
	switch t {
	case xfrm.AttrAlgAEAD:
		p.f(" %d", int32(a.ICVLen))
	case xfrm.AttrAlgAuthTrunc:
		p.f(" %d", int32(a.TruncLen))
	}
	p.s(p.sl)
}

// tmpls is xfrm_tmpl_print.
func (p *Printer) tmpls(b []byte, prefix string) {
	ts := xfrm.ParseTmpls(b)
	if len(ts) == 0 {
		p.s(prefix + "(ERROR \"tmpl\" truncated)" + p.sl)
		return
	}
	for _, t := range ts {
		p.s(prefix)
		p.idInfo(t.Saddr, t.ID, t.Mode, t.Reqid, t.Family, false, prefix, "tmpl ")
		if p.stats > 0 || t.Optional != 0 {
			p.s(prefix + "\t")
			switch t.Optional {
			case 0:
				if p.stats > 0 {
					p.s("level required ")
				}
			case 1:
				p.s("level use ")
			default:
				p.f("level %d ", t.Optional)
			}
			if p.stats > 0 {
				p.s("share " + xfrm.ShareName(t.Share) + " ")
			}
			p.s(p.sl)
		}
		if p.stats > 0 {
			p.s(prefix + "\t")
			p.f("enc-mask %.8x auth-mask %.8x comp-mask %.8x", t.EAlgos, t.AAlgos, t.CAlgos)
			p.s(p.sl)
		}
	}
}

func u32(b []byte) uint32 {
	var v [4]byte
	copy(v[:], b)
	return uint32(v[0]) | uint32(v[1])<<8 | uint32(v[2])<<16 | uint32(v[3])<<24
}

func u64(b []byte) uint64 {
	var v [8]byte
	copy(v[:], b)
	return uint64(u32(v[:4])) | uint64(u32(v[4:]))<<32
}

// outputMark is xfrm_output_mark_print.
func (p *Printer) outputMark(tb *xfrm.Attrs) {
	p.f("output-mark 0x%x", u32(tb[xfrm.AttrOutputMark]))
	if tb[xfrm.AttrSetMarkMask] != nil {
		p.f("/0x%x", u32(tb[xfrm.AttrSetMarkMask]))
	}
}

// cHex is C's %#x: 0 without the 0x.
func cHex(v uint32) string {
	if v == 0 {
		return "0"
	}
	return "0x" + strconv.FormatUint(uint64(v), 16)
}

// attrs is xfrm_xfrma_print.
func (p *Printer) attrs(tb *xfrm.Attrs, family uint16, prefix string, nokeys bool) {
	if m := tb[xfrm.AttrMark]; m != nil {
		p.s("\tmark " + cHex(u32(m)) + "/" + cHex(u32(pad(m, 8)[4:])) + " ")
		if tb[xfrm.AttrOutputMark] != nil {
			p.outputMark(tb)
		}
		p.s(p.sl)
	} else if tb[xfrm.AttrOutputMark] != nil {
		p.s("\t")
		p.outputMark(tb)
		p.s(p.sl)
	}
	if tb[xfrm.AttrAlgAuth] != nil && tb[xfrm.AttrAlgAuthTrunc] == nil {
		p.algo(xfrm.AttrAlgAuth, tb[xfrm.AttrAlgAuth], prefix, nokeys)
	}
	if v := tb[xfrm.AttrAlgAuthTrunc]; v != nil {
		p.algo(xfrm.AttrAlgAuthTrunc, v, prefix, nokeys)
	}
	if v := tb[xfrm.AttrAlgAEAD]; v != nil {
		p.algo(xfrm.AttrAlgAEAD, v, prefix, nokeys)
	}
	if v := tb[xfrm.AttrAlgCrypt]; v != nil {
		p.algo(xfrm.AttrAlgCrypt, v, prefix, nokeys)
	}
	if v := tb[xfrm.AttrAlgComp]; v != nil {
		p.algo(xfrm.AttrAlgComp, v, prefix, nokeys)
	}
	if v := tb[xfrm.AttrEncap]; v != nil {
		p.s(prefix + "encap ")
		e, err := xfrm.ParseEncap(v)
		if err != nil {
			p.s("(ERROR truncated)" + p.sl)
			return
		}
		p.s("type " + xfrm.EncapName(e.Type) + " ")
		p.f("sport %d ", e.Sport)
		p.f("dport %d ", e.Dport)
		p.s("addr " + e.OA.String(family) + p.sl)
	}
	if v := tb[xfrm.AttrTmpl]; v != nil {
		p.tmpls(v, prefix)
	}
	if v := tb[xfrm.AttrCoAddr]; v != nil {
		p.s(prefix + "coa ")
		if len(v) < 16 {
			p.s("(ERROR truncated)" + p.sl)
			return
		}
		p.s(xfrm.Address(v[:16]).String(family) + p.sl)
	}
	if v := tb[xfrm.AttrLastUsed]; v != nil {
		p.s(prefix + "lastused ")
		if len(v) < 8 {
			p.s("(ERROR truncated)" + p.sl)
			return
		}
		p.s(timeText(u64(v)) + p.sl)
	}
	if v := tb[xfrm.AttrReplayVal]; v != nil {
		p.s(prefix + "anti-replay context: ")
		if len(v) < xfrm.SizeofReplay {
			p.s("(ERROR truncated)" + p.sl)
			return
		}
		// xfrm_replay_state is oseq, seq, bitmap.
		p.f("seq 0x%x, oseq 0x%x, bitmap 0x%08x", u32(v[4:]), u32(v), u32(v[8:]))
		p.s(p.sl)
	}
	if v := tb[xfrm.AttrReplayESNVal]; v != nil {
		p.s(prefix + "anti-replay esn context:")
		r, err := xfrm.ParseReplayESN(v)
		if err != nil {
			p.s("(ERROR truncated)" + p.sl)
			return
		}
		p.s(p.sl)
		p.s(prefix)
		p.f(" seq-hi 0x%x, seq 0x%x, oseq-hi 0x%x, oseq 0x%x", r.SeqHi, r.Seq, r.OSeqHi, r.OSeq)
		p.s(p.sl)
		p.s(prefix)
		p.f(" replay_window %d, bitmap-length %d", r.ReplayWindow, r.BmpLen)
		// iproute2 reads bmp_len words whatever the payload holds;
		// words past the message read here as zero.
		for i, j := r.BmpLen, 0; i > 0; i-- {
			if j%8 == 0 {
				p.s(p.sl + prefix + " ")
			}
			j++
			var w uint32
			if int(i-1) < len(r.Bmp) {
				w = r.Bmp[i-1]
			}
			p.f("%08x ", w)
		}
		p.s(p.sl)
	}
	if v := tb[xfrm.AttrOffloadDev]; v != nil {
		p.s(prefix + "crypto offload parameters: ")
		if len(v) < xfrm.SizeofOffload {
			p.s("(ERROR truncated)" + p.sl)
			return
		}
		dir := "out"
		if v[4]&xfrm.OffloadInbound != 0 {
			dir = "in"
		}
		p.s("dev " + p.name(u32(v)) + " dir " + dir + p.sl)
	}
	if v := tb[xfrm.AttrIfID]; v != nil {
		p.s(prefix + "if_id " + cHex(u32(v)) + p.sl)
	}
	if v := tb[xfrm.AttrTFCPad]; v != nil {
		p.f("%stfcpad %d%s", prefix, u32(v), p.sl)
	}
}

// pad is b with zeros up to n bytes (what a short attribute's reader
// finds there).
func pad(b []byte, n int) []byte {
	if len(b) >= n {
		return b
	}
	c := make([]byte, n)
	copy(c, b)
	return c
}

// secCtx is xfrm_sec_ctx_print.
func (p *Printer) secCtx(v []byte) {
	p.s("\tsecurity context ")
	if len(v) < xfrm.SizeofSecCtx {
		p.s("(ERROR truncated)")
	}
	s, _ := xfrm.SecCtxText(pad(v, xfrm.SizeofSecCtx))
	p.s(s + " " + p.sl)
}

// stateInfo is xfrm_state_info_print.
func (p *Printer) stateInfo(sa *xfrm.SAInfo, tb *xfrm.Attrs, prefix, title string, nokeys bool) {
	p.idInfo(sa.Saddr, sa.ID, sa.Mode, sa.Reqid, sa.Family, xfrm.IsIPsec(sa.ID.Proto), prefix, title)
	buf := prefix + "\t"
	p.s(buf)
	p.f("replay-window %d ", sa.ReplayWindow)
	if p.stats > 0 {
		p.f("seq 0x%08d ", sa.Seq)
	}
	if p.stats > 0 || sa.Flags != 0 {
		p.s("flag ")
		p.flagList(uint32(sa.Flags), xfrm.StateFlags)
	}
	if v := tb[xfrm.AttrSAExtraFlags]; p.stats > 0 && v != nil {
		p.s("extra_flag ")
		p.flagList(u32(v), xfrm.ExtraFlags)
	}
	if p.stats > 0 {
		p.s(" (0x" + mask8(sa.Flags) + ")")
	}
	p.s(p.sl)
	p.attrs(tb, sa.Family, buf, nokeys)
	if !sa.Sel.IsZero() {
		p.selector(&sa.Sel, sa.Family, buf+"sel ")
	}
	if p.stats > 0 {
		p.lifetime(&sa.Lft, &sa.Curlft, buf)
		p.s(buf + "stats:" + p.sl)
		p.s(buf)
		p.f("  replay-window %d replay %d failed %d%s", sa.Stats.ReplayWindow, sa.Stats.Replay, sa.Stats.IntegrityFailed, p.sl)
	}
	if v := tb[xfrm.AttrSecCtx]; v != nil {
		p.secCtx(v)
	}
}

// policyInfo is xfrm_policy_info_print.
func (p *Printer) policyInfo(pi *xfrm.PolicyInfo, tb *xfrm.Attrs, prefix, title string) {
	p.selector(&pi.Sel, uint16(p.family), title)
	if v := tb[xfrm.AttrSecCtx]; v != nil {
		p.secCtx(v)
	}
	buf := prefix + "\t"
	p.s(buf)
	dir := pi.Dir
	if dir >= xfrm.DirMax {
		dir -= xfrm.DirMax
		p.s("socket ")
	} else {
		p.s("dir ")
	}
	p.s(xfrm.DirName(dir) + " ")
	switch pi.Action {
	case xfrm.ActionAllow:
		if p.stats > 0 {
			p.s("action allow ")
		}
	case xfrm.ActionBlock:
		p.s("action block ")
	default:
		p.f("action %d ", pi.Action)
	}
	if p.stats != 0 {
		p.f("index %d ", pi.Index)
	}
	p.f("priority %d ", pi.Priority)
	if v := tb[xfrm.AttrPolicyType]; v != nil {
		p.s("ptype ")
		if len(v) < xfrm.SizeofPolicyType {
			p.s("(ERROR truncated)")
		}
		p.s(xfrm.PolicyTypeName(pad(v, 1)[0]) + " ")
	}
	if p.stats > 0 {
		p.s("share " + xfrm.ShareName(pi.Share) + " ")
	}
	if p.stats > 0 || pi.Flags != 0 {
		p.s("flag ")
		p.flagList(uint32(pi.Flags), xfrm.PolicyFlags)
	}
	if p.stats > 0 {
		p.s(" (0x" + mask8(pi.Flags) + ")")
	}
	p.s(p.sl)
	if p.stats > 0 {
		p.lifetime(&pi.Lft, &pi.Curlft, buf)
	}
	p.attrs(tb, pi.Sel.Family, buf, false)
}

// errPrint is a message a printer refused (its reason was printed):
// the -1 of iproute2's printers.
type errPrint struct{}

func (errPrint) Error() string { return "" }

// Policy is xfrm_policy_print: a policy message (new, updated, deleted,
// expired). A policy the filter drops prints nothing.
func (p *Printer) Policy(typ uint16, flags uint16, body []byte) error {
	var hdr int
	switch typ {
	case xfrm.MsgNewPolicy, xfrm.MsgUpdPolicy:
		hdr = xfrm.SizeofPolicyInfo
	case xfrm.MsgDelPolicy:
		hdr = xfrm.SizeofPolicyID
	case xfrm.MsgPolExpire:
		hdr = xfrm.SizeofPolExpire
	default:
		p.warn("Not a policy: %08x %08x %08x\n", len(body)+16, typ, flags)
		return nil
	}
	if len(body) < hdr {
		p.warn("BUG: wrong nlmsg len %d\n", len(body)-hdr)
		return errPrint{}
	}
	tb := xfrm.ParseAttrs(body[hdr:])
	ptype := uint8(xfrm.TypeMain)
	if v := tb[xfrm.AttrPolicyType]; v != nil {
		if len(v) < xfrm.SizeofPolicyType {
			p.warn("too short XFRMA_POLICY_TYPE len\n")
			return errPrint{}
		}
		ptype = v[0]
	}
	var pi xfrm.PolicyInfo
	if typ != xfrm.MsgDelPolicy {
		pi, _ = xfrm.ParsePolicyInfo(body)
		if !p.filter.matchPolicy(&pi, ptype) {
			return nil
		}
	}
	switch typ {
	case xfrm.MsgDelPolicy:
		p.s("Deleted ")
	case xfrm.MsgUpdPolicy:
		p.s("Updated ")
	case xfrm.MsgPolExpire:
		p.s("Expired ")
	}
	if typ == xfrm.MsgDelPolicy {
		v := tb[xfrm.AttrPolicy]
		if v == nil {
			p.warn("Buggy XFRM_MSG_DELPOLICY: no XFRMA_POLICY\n")
			return errPrint{}
		}
		if len(v) < xfrm.SizeofPolicyInfo {
			p.warn("Buggy XFRM_MSG_DELPOLICY: too short XFRMA_POLICY len\n")
			return errPrint{}
		}
		pi, _ = xfrm.ParsePolicyInfo(v)
	}
	p.policyInfo(&pi, &tb, "", "")
	if typ == xfrm.MsgPolExpire {
		p.f("\thard %d%s", body[xfrm.SizeofPolicyInfo], p.sl)
	}
	if p.oneline {
		p.s("\n")
	}
	return nil
}

// State is __do_xfrm_state_print: a state message (new, updated,
// deleted, expired). A state the filter drops prints nothing.
func (p *Printer) State(typ uint16, flags uint16, body []byte, nokeys bool) error {
	var hdr int
	switch typ {
	case xfrm.MsgNewSA, xfrm.MsgUpdSA:
		hdr = xfrm.SizeofSAInfo
	case xfrm.MsgDelSA:
		hdr = xfrm.SizeofSAID
	case xfrm.MsgExpire:
		hdr = xfrm.SizeofExpire
	default:
		p.warn("Not a state: %08x %08x %08x\n", len(body)+16, typ, flags)
		return nil
	}
	if len(body) < hdr {
		p.warn("BUG: wrong nlmsg len %d\n", len(body)-hdr)
		return errPrint{}
	}
	var sa xfrm.SAInfo
	if typ != xfrm.MsgDelSA {
		sa, _ = xfrm.ParseSAInfo(body)
		if !p.filter.matchState(&sa) {
			return nil
		}
	}
	switch typ {
	case xfrm.MsgDelSA:
		p.s("Deleted ")
	case xfrm.MsgUpdSA:
		p.s("Updated ")
	case xfrm.MsgExpire:
		p.s("Expired ")
	}
	tb := xfrm.ParseAttrs(body[hdr:])
	if typ == xfrm.MsgDelSA {
		v := tb[xfrm.AttrSA]
		if v == nil {
			p.warn("Buggy XFRM_MSG_DELSA: no XFRMA_SA\n")
			return errPrint{}
		}
		if len(v) < xfrm.SizeofSAInfo {
			p.warn("Buggy XFRM_MSG_DELPOLICY: too short XFRMA_POLICY len\n")
			return errPrint{}
		}
		sa, _ = xfrm.ParseSAInfo(v)
	}
	p.stateInfo(&sa, &tb, "", "", nokeys)
	if typ == xfrm.MsgExpire {
		p.f("\thard %d%s", body[xfrm.SizeofSAInfo], p.sl)
	}
	if p.oneline {
		p.s("\n")
	}
	return nil
}

// addrMatch is xfrm_addr_match: the first bits of x1 and x2 agree.
func addrMatch(x1, x2 *xfrm.Address, bits uint8) bool {
	words := int(bits) >> 5
	for i := 0; i < words*4; i++ {
		if x1[i] != x2[i] {
			return false
		}
	}
	if r := bits & 0x1f; r != 0 {
		w1 := uint32(x1[words*4])<<24 | uint32(x1[words*4+1])<<16 | uint32(x1[words*4+2])<<8 | uint32(x1[words*4+3])
		w2 := uint32(x2[words*4])<<24 | uint32(x2[words*4+1])<<16 | uint32(x2[words*4+2])<<8 | uint32(x2[words*4+3])
		mask := uint32(0xffffffff) << (32 - r)
		if (w1^w2)&mask != 0 {
			return false
		}
	}
	return true
}

// matchPolicy is xfrm_policy_filter_match.
func (f *filter) matchPolicy(pi *xfrm.PolicyInfo, ptype uint8) bool {
	if f == nil || !f.use {
		return true
	}
	fp := &f.pol
	switch {
	case fp.Sel.Family != unix.AF_UNSPEC && fp.Sel.Family != pi.Sel.Family,
		f.dirMask && pi.Dir != fp.Dir,
		f.socket && pi.Dir >= xfrm.DirMax,
		f.ptypeMask && ptype != f.ptype,
		f.selSrcMask != 0 && !addrMatch(&pi.Sel.Saddr, &fp.Sel.Saddr, f.selSrcMask),
		f.selDstMask != 0 && !addrMatch(&pi.Sel.Daddr, &fp.Sel.Daddr, f.selDstMask),
		f.selDevMask && pi.Sel.Ifindex != fp.Sel.Ifindex,
		f.upspecProtoMask && pi.Sel.Proto != fp.Sel.Proto,
		f.upspecSportMask && pi.Sel.Sport != fp.Sel.Sport,
		f.upspecDportMask && pi.Sel.Dport != fp.Sel.Dport,
		f.indexMask && pi.Index != fp.Index,
		f.actionMask && pi.Action != fp.Action,
		f.priorityMask && pi.Priority != fp.Priority,
		f.policyFlagsMask && pi.Flags&fp.Flags == 0:
		return false
	}
	return true
}

// matchState is xfrm_state_filter_match.
func (f *filter) matchState(sa *xfrm.SAInfo) bool {
	if f == nil || !f.use {
		return true
	}
	fs := &f.sa
	switch {
	case fs.Family != unix.AF_UNSPEC && fs.Family != sa.Family,
		f.idSrcMask != 0 && !addrMatch(&sa.Saddr, &fs.Saddr, f.idSrcMask),
		f.idDstMask != 0 && !addrMatch(&sa.ID.Daddr, &fs.ID.Daddr, f.idDstMask),
		f.idProtoMask && sa.ID.Proto != fs.ID.Proto,
		f.idSPIMask && sa.ID.SPI != fs.ID.SPI,
		f.modeMask && sa.Mode != fs.Mode,
		f.reqidMask && sa.Reqid != fs.Reqid,
		f.stateFlagsMask && sa.Flags&fs.Flags == 0:
		return false
	}
	return true
}

// fmtTo is fmt.Fprintf to the output.
func fmtTo(w *format.Output, format string, v ...any) { fmt.Fprintf(w, format, v...) }
