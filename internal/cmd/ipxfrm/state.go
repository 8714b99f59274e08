package ipxfrm

import (
	"math"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/xfrm"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Sizes of iproute2's buffers that bound what a state request may carry.
const (
	algoKeyBufSize = 512  // XFRM_ALGO_KEY_BUF_SIZE
	rtaBufSize     = 2048 // RTA_BUF_SIZE, the attributes' room
)

// runState is `ip xfrm state` (and `ip xfrm sa`).
func runState(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return stateList(env, args, false)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("add"):
		return stateModify(env, args, xfrm.MsgNewSA)
	case m("update"):
		return stateModify(env, args, xfrm.MsgUpdSA)
	case m("allocspi"):
		return stateAllocSPI(env, args)
	case m("delete"):
		return stateGetOrDelete(env, args, true)
	case m("deleteall"), m("delall"):
		return stateList(env, args, true)
	case m("list"), m("show"), m("lst"):
		return stateList(env, args, false)
	case m("get"):
		return stateGetOrDelete(env, args, false)
	case m("flush"):
		return stateFlush(env, args)
	case m("count"):
		return sadInfo(env)
	case m("help"):
		return printUsage(env, usage.XfrmState)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip xfrm state help\".", w)
}

// parseKey is xfrm_algo_parse's key: "0x" and hex digits (an odd count
// gets a leading zero), or the word's bytes.
func parseKey(key string) ([]byte, error) {
	if len(key) > 2 && strings.HasPrefix(key, "0x") {
		p := key[2:]
		n := (len(p) + 1) / 2
		if n > algoKeyBufSize {
			return nil, cmdline.InvalidArg("ALGO-KEYMAT value makes buffer overflow\n", key)
		}
		out := make([]byte, n)
		i := -(len(p) % 2)
		for j := 0; j < n; i, j = i+2, j+1 {
			var d string
			if i >= 0 {
				d = p[i : i+2]
			} else {
				d = "0" + p[i+1:i+2]
			}
			v, ok := cnum.Uint(d, 16, math.MaxUint8)
			if !ok {
				return nil, cmdline.InvalidArg("ALGO-KEYMAT value is invalid", key)
			}
			out[j] = byte(v)
		}
		return out, nil
	}
	if len(key) > algoKeyBufSize {
		return nil, cmdline.InvalidArg("ALGO-KEYMAT value makes buffer overflow\n", key)
	}
	return []byte(key), nil
}

// stateRequest is xfrm_state_modify's parse: the request body.
func stateRequest(ps *parser, args *cmdline.Args) ([]byte, error) {
	info := xfrm.SAInfo{Family: uint16(ps.family), Lft: xfrm.NoLimits()}
	var attrs []byte // those added as their words come
	var replayWindow, seq, oseq, seqHi, oseqHi, extraFlags, ifID, tfcpad uint32
	var idp, aeadp, ealgp, aalgp, calgp, coap, ctxp bool
	var offload, ifIDSet bool
	var xuo xfrm.Offload
	var mark, outMark xfrm.Mark
	for args.More() {
		w := args.Peek()
		var err error
		switch w {
		case "mode":
			if err = nextArg(args); err == nil {
				info.Mode, err = parseMode(args)
			}
		case "mark":
			mark, err = parseMark(args)
		case "reqid":
			if err = nextArg(args); err == nil {
				info.Reqid, err = parseReqid(args)
			}
		case "seq":
			if err = nextArg(args); err == nil {
				var v uint32
				v, err = u32Value(args, "SEQ value is invalid")
				info.Seq = v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
			}
		case "replay-window", "replay-seq", "replay-seq-hi", "replay-oseq", "replay-oseq-hi", "if_id", "tfcpad":
			if err = nextArg(args); err == nil {
				var v uint32
				v, err = u32Value(args, "value after \""+w+"\" is invalid")
				*map[string]*uint32{"replay-window": &replayWindow, "replay-seq": &seq, "replay-seq-hi": &seqHi,
					"replay-oseq": &oseq, "replay-oseq-hi": &oseqHi, "if_id": &ifID, "tfcpad": &tfcpad}[w] = v
				if w == "if_id" {
					ifIDSet = true
				}
			}
		case "flag":
			if err = nextArg(args); err == nil {
				f := uint32(info.Flags)
				err = parseFlags(args, xfrm.StateFlags, math.MaxUint8, "FLAG value is invalid", &f)
				info.Flags = uint8(f)
			}
		case "extra-flag":
			if err = nextArg(args); err == nil {
				err = parseFlags(args, xfrm.ExtraFlags, math.MaxUint32, "\"EXTRA-FLAG\" is invalid", &extraFlags)
			}
		case "sel":
			if err = nextArg(args); err == nil {
				ps.family = unix.AF_UNSPEC
				err = ps.parseSelector(args, &info.Sel)
				ps.family = int(info.Sel.Family)
			}
		case "limit":
			if err = nextArg(args); err == nil {
				err = parseLimit(args, &info.Lft)
			}
		case "encap":
			err = parseEncap(args, &attrs)
		case "coa":
			if coap {
				return nil, cmdline.Duplicate("coa", w)
			}
			coap = true
			if err = nextArg(args); err == nil {
				var p cnum.Prefix
				if p, err = ps.prefix(args.Peek()); err == nil {
					if p.Family == unix.AF_UNSPEC {
						return nil, cmdline.InvalidArg("value after \"coa\" has an unrecognized address family", args.Peek())
					}
					attrs = xfrm.AppendAttr(attrs, xfrm.AttrCoAddr, p.Data[:])
				}
			}
		case "ctx":
			if ctxp {
				return nil, cmdline.Duplicate("ctx", w)
			}
			ctxp = true
			if err = nextArg(args); err == nil {
				attrs = xfrm.AppendAttr(attrs, xfrm.AttrSecCtx, xfrm.SecCtx(args.Peek()))
			}
		case "offload":
			offload = true
			if err = nextArg(args); err != nil {
				break
			}
			if args.Peek() == "dev" {
				if err = nextArg(args); err != nil {
					break
				}
				var idx int32
				if idx, err = ps.index(args.Peek()); err != nil {
					break
				}
				if idx == 0 {
					return nil, cmdline.InvalidArg("value after \"offload dev\" is invalid", args.Peek())
				}
				xuo.Ifindex = idx
				if err = nextArg(args); err != nil {
					break
				}
			}
			if args.Peek() != "dir" {
				return nil, cmdline.InvalidArg("value after \"offload dir\" is invalid", args.Peek())
			}
			if err = nextArg(args); err != nil {
				break
			}
			switch args.Peek() {
			case "in":
				xuo.Flags = xfrm.OffloadInbound
			case "out":
				xuo.Flags = 0
			default:
				return nil, cmdline.InvalidArg("DIR value is invalid", args.Peek())
			}
		case "output-mark":
			if err = nextArg(args); err != nil {
				break
			}
			if outMark.V, err = u32Value(args, "value after \"output-mark\" is invalid"); err != nil {
				break
			}
			if args.Len() > 1 {
				args.Next()
				if args.Peek() == "mask" {
					if err = nextArg(args); err == nil {
						outMark.M, err = u32Value(args, "mask value is invalid\n")
					}
				} else {
					args.Back()
				}
			}
		default:
			t, isAlgo := xfrm.AlgTypeByName(w)
			if !isAlgo {
				if idp {
					return nil, cmdline.InvalidArg("unknown", w)
				}
				idp = true
				err = ps.parseID(args, &info.Saddr, &info.ID, &info.Family, false)
				if ps.family == unix.AF_UNSPEC {
					ps.family = int(info.Family)
				}
				break
			}
			switch t {
			case xfrm.AttrAlgAEAD:
				if ealgp || aalgp || aeadp {
					return nil, cmdline.Duplicate("ALGO-TYPE", w)
				}
				aeadp = true
			case xfrm.AttrAlgCrypt:
				if ealgp || aeadp {
					return nil, cmdline.Duplicate("ALGO-TYPE", w)
				}
				ealgp = true
			case xfrm.AttrAlgAuth, xfrm.AttrAlgAuthTrunc:
				if aalgp || aeadp {
					return nil, cmdline.Duplicate("ALGO-TYPE", w)
				}
				aalgp = true
			case xfrm.AttrAlgComp:
				if calgp {
					return nil, cmdline.Duplicate("ALGO-TYPE", w)
				}
				calgp = true
			}
			err = parseAlgo(args, t, &attrs)
		}
		if err != nil {
			return nil, err
		}
		args.Next()
	}
	if info.Flags&xfrm.StateESN != 0 && replayWindow == 0 {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: esn flag set without replay-window.")
	}
	if replayWindow > xfrm.ReplayESNMax {
		return nil, cmdline.Fatal(cmdline.StatusUsage, "Error: replay-window (%d) > XFRMA_REPLAY_ESN_MAX (%d).", replayWindow, xfrm.ReplayESNMax)
	}
	if offload {
		attrs = xfrm.AppendAttr(attrs, xfrm.AttrOffloadDev, xuo.Append(nil))
	}
	if info.Flags&xfrm.StateESN != 0 || replayWindow > 32 {
		r := xfrm.ReplayESN{Seq: seq, OSeq: oseq, SeqHi: seqHi, OSeqHi: oseqHi, ReplayWindow: replayWindow,
			BmpLen: (replayWindow + 31) / 32}
		attrs = xfrm.AppendAttr(attrs, xfrm.AttrReplayESNVal, r.Append(nil))
	} else {
		if seq != 0 || oseq != 0 {
			attrs = xfrm.AppendAttr(attrs, xfrm.AttrReplayVal, xfrm.Replay{OSeq: oseq, Seq: seq}.Append(nil))
		}
		info.ReplayWindow = uint8(replayWindow)
	}
	if extraFlags != 0 {
		attrs = xfrm.AppendAttrU32(attrs, xfrm.AttrSAExtraFlags, extraFlags)
	}
	if !idp {
		return nil, failed("Not enough information: ID is required")
	}
	if mark.M != 0 {
		attrs = xfrm.AppendAttr(attrs, xfrm.AttrMark, mark.Append(nil))
	}
	if ifIDSet {
		attrs = xfrm.AppendAttrU32(attrs, xfrm.AttrIfID, ifID)
	}
	if tfcpad != 0 {
		attrs = xfrm.AppendAttrU32(attrs, xfrm.AttrTFCPad, tfcpad)
	}
	proto := xfrm.ProtoName(info.ID.Proto)
	if xfrm.IsIPsec(info.ID.Proto) {
		switch {
		case info.Mode == xfrm.ModeTransport, info.Mode == xfrm.ModeTunnel:
		case info.Mode == xfrm.ModeBEET && info.ID.Proto == xfrm.ProtoESP:
		default:
			return nil, failed("MODE value is invalid with XFRM-PROTO value \"%s\"", proto)
		}
		switch info.ID.Proto {
		case xfrm.ProtoESP:
			if calgp {
				return nil, failed("ALGO-TYPE value \"comp\" is invalid with XFRM-PROTO value \"%s\"", proto)
			}
			if !ealgp && !aeadp {
				return nil, failed("ALGO-TYPE value \"enc\" or \"aead\" is required with XFRM-PROTO value \"%s\"", proto)
			}
		case xfrm.ProtoAH:
			if ealgp || aeadp || calgp {
				return nil, failed("ALGO-TYPE values \"enc\", \"aead\", and \"comp\" are invalid with XFRM-PROTO value \"%s\"", proto)
			}
			if !aalgp {
				return nil, failed("ALGO-TYPE value \"auth\" or \"auth-trunc\" is required with XFRM-PROTO value \"%s\"", proto)
			}
		case xfrm.ProtoComp:
			if ealgp || aalgp || aeadp {
				return nil, failed("ALGO-TYPE values \"enc\", \"auth\", \"auth-trunc\", and \"aead\" are invalid with XFRM-PROTO value \"%s\"", proto)
			}
			if !calgp {
				return nil, failed("ALGO-TYPE value \"comp\" is required with XFRM-PROTO value \"%s\"", proto)
			}
		}
	} else if ealgp || aalgp || aeadp || calgp {
		return nil, failed("ALGO is invalid with XFRM-PROTO value \"%s\"", proto)
	}
	if xfrm.IsRouteOptimization(info.ID.Proto) {
		switch info.Mode {
		case xfrm.ModeRouteOptimization, xfrm.ModeInTrigger:
		case 0:
			return nil, failed("\"mode\" is required with XFRM-PROTO value \"%s\"", proto)
		default:
			return nil, failed("MODE value is invalid with XFRM-PROTO value \"%s\"", proto)
		}
		if !coap {
			return nil, failed("\"coa\" is required with XFRM-PROTO value \"%s\"", proto)
		}
	} else if coap {
		return nil, failed("\"coa\" is invalid with XFRM-PROTO value \"%s\"", proto)
	}
	if outMark.V != 0 {
		attrs = xfrm.AppendAttrU32(attrs, xfrm.AttrOutputMark, outMark.V)
	}
	if outMark.M != 0 {
		attrs = xfrm.AppendAttrU32(attrs, xfrm.AttrSetMarkMask, outMark.M)
	}
	if len(attrs) > rtaBufSize {
		return nil, failed("addattr_l ERROR: message exceeded bound of %d", rtaBufSize)
	}
	if info.Family == unix.AF_UNSPEC {
		info.Family = unix.AF_INET
	}
	return append(info.Append(nil), attrs...), nil
}

// parseEncap reads `encap ENCAP-TYPE SPORT DPORT OADDR`, entered on
// "encap".
func parseEncap(args *cmdline.Args, attrs *[]byte) error {
	var e xfrm.Encap
	if err := nextArg(args); err != nil {
		return err
	}
	switch args.Peek() {
	case "espinudp-nonike":
		e.Type = xfrm.EncapESPInUDPNonIKE
	case "espinudp":
		e.Type = xfrm.EncapESPInUDP
	case "espintcp":
		e.Type = xfrm.EncapESPInTCP
	default:
		return cmdline.InvalidArg("ENCAP-TYPE value is invalid", args.Peek())
	}
	for _, port := range []struct {
		p   *uint16
		msg string
	}{{&e.Sport, "SPORT value after \"encap\" is invalid"}, {&e.Dport, "DPORT value after \"encap\" is invalid"}} {
		if err := nextArg(args); err != nil {
			return err
		}
		v, ok := cnum.Uint(args.Peek(), 0, math.MaxUint16)
		if !ok {
			return cmdline.InvalidArg(port.msg, args.Peek())
		}
		*port.p = uint16(v)
	}
	if err := nextArg(args); err != nil {
		return err
	}
	oa, err := cnum.GetAddr(args.Peek(), unix.AF_UNSPEC)
	if err != nil {
		return err
	}
	e.OA = xfrm.Address(oa.Data)
	*attrs = xfrm.AppendAttr(*attrs, xfrm.AttrEncap, e.Append(nil))
	return nil
}

// parseAlgo reads ALGO-NAME, ALGO-KEYMAT and the ICV or truncation
// length after an ALGO-TYPE word.
func parseAlgo(args *cmdline.Args, t uint16, attrs *[]byte) error {
	if !nextArgOK(args) {
		return missArg("ALGO-NAME")
	}
	args.Next()
	a := xfrm.Algo{Name: args.Peek()}
	key := ""
	if t != xfrm.AttrAlgComp {
		if !nextArgOK(args) {
			return missArg("ALGO-KEYMAT")
		}
		args.Next()
		key = args.Peek()
	}
	switch t {
	case xfrm.AttrAlgAEAD:
		if !nextArgOK(args) {
			return missArg("ALGO-ICV-LEN")
		}
		args.Next()
		v, err := u32Value(args, "ALGO-ICV-LEN value is invalid")
		if err != nil {
			return err
		}
		a.ICVLen = v
	case xfrm.AttrAlgAuthTrunc:
		if !nextArgOK(args) {
			return missArg("ALGO-TRUNC-LEN")
		}
		args.Next()
		v, err := u32Value(args, "ALGO-TRUNC-LEN value is invalid")
		if err != nil {
			return err
		}
		a.TruncLen = v
	}
	k, err := parseKey(key)
	if err != nil {
		return err
	}
	a.Key, a.KeyBits = k, uint32(len(k)*8)
	*attrs = xfrm.AppendAttr(*attrs, t, xfrm.AppendAlgo(nil, t, a))
	return nil
}

// stateModify is add and update.
func stateModify(env *cli.Env, args *cmdline.Args, typ uint16) error {
	b, err := stateRequest(newParser(env), args)
	if err != nil {
		return err
	}
	return talk(env, typ, b)
}

// stateAllocSPI is `ip xfrm state allocspi`.
func stateAllocSPI(env *cli.Env, args *cmdline.Args) error {
	ps := newParser(env)
	b, err := allocSPIRequest(ps, args)
	if err != nil {
		return err
	}
	typ, flags, ans, err := query(env, xfrm.MsgAllocSPI, b)
	if err != nil {
		return err
	}
	return printAnswer(env, ps, typ, flags, ans)
}

// allocSPIRequest is xfrm_state_allocspi's parse: the request body.
func allocSPIRequest(ps *parser, args *cmdline.Args) ([]byte, error) {
	info := xfrm.SAInfo{Family: uint16(ps.family)}
	var min, max uint32
	var idp, minp, maxp bool
	var mark xfrm.Mark
	for args.More() {
		w := args.Peek()
		var err error
		switch w {
		case "mode":
			if err = nextArg(args); err == nil {
				info.Mode, err = parseMode(args)
			}
		case "mark":
			mark, err = parseMark(args)
		case "reqid":
			if err = nextArg(args); err == nil {
				info.Reqid, err = parseReqid(args)
			}
		case "seq":
			if err = nextArg(args); err == nil {
				var v uint32
				v, err = u32Value(args, "SEQ value is invalid")
				info.Seq = v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
			}
		case "min", "max":
			given, val := &minp, &min
			if w == "max" {
				given, val = &maxp, &max
			}
			if *given {
				return nil, cmdline.Duplicate(w, w)
			}
			*given = true
			if err = nextArg(args); err == nil {
				*val, err = u32Value(args, "value after \""+w+"\" is invalid")
			}
		default:
			if idp {
				return nil, cmdline.InvalidArg("unknown", w)
			}
			idp = true
			if err = ps.parseID(args, &info.Saddr, &info.ID, &info.Family, false); err != nil {
				return nil, err
			}
			if info.ID.SPI != 0 {
				return nil, failed("\"spi\" is invalid")
			}
			if ps.family == unix.AF_UNSPEC {
				ps.family = int(info.Family)
			}
		}
		if err != nil {
			return nil, err
		}
		args.Next()
	}
	if !idp {
		return nil, failed("Not enough information: ID is required")
	}
	if minp {
		if !maxp {
			return nil, failed("\"max\" is missing")
		}
		if min > max {
			return nil, failed("value after \"min\" is larger than value after \"max\"")
		}
	} else {
		if maxp {
			return nil, failed("\"min\" is missing")
		}
		min, max = 0x100, 0x0fffffff
		if info.ID.Proto == xfrm.ProtoComp {
			max = 0xffff
		}
	}
	if info.Family == unix.AF_UNSPEC {
		info.Family = unix.AF_INET
	}
	b := xfrm.SPIInfo{Info: info, Min: min, Max: max}.Append(nil)
	if mark.M&mark.V != 0 {
		b = xfrm.AppendAttr(b, xfrm.AttrMark, mark.Append(nil))
	}
	return b, nil
}

// printAnswer prints a state a request answered with.
func printAnswer(env *cli.Env, ps *parser, typ, flags uint16, ans []byte) error {
	names := env.LinkNames()
	defer names.Close()
	p := newPrinter(env, ps, names)
	if p.State(typ, flags, ans, false) != nil {
		return failed("An error :-)")
	}
	return nil
}

// stateGetOrDelete is get and delete.
func stateGetOrDelete(env *cli.Env, args *cmdline.Args, del bool) error {
	ps := newParser(env)
	b, err := stateKeyRequest(ps, args)
	if err != nil {
		return err
	}
	if del {
		return talk(env, xfrm.MsgDelSA, b)
	}
	typ, flags, ans, err := query(env, xfrm.MsgGetSA, b)
	if err != nil {
		return err
	}
	return printAnswer(env, ps, typ, flags, ans)
}

// stateKeyRequest is xfrm_state_get_or_delete's parse: the request body.
func stateKeyRequest(ps *parser, args *cmdline.Args) ([]byte, error) {
	sid := xfrm.SAID{Family: uint16(ps.family)}
	var attrs []byte
	var mark xfrm.Mark
	idp := false
	for args.More() {
		w := args.Peek()
		if w == "mark" {
			var err error
			if mark, err = parseMark(args); err != nil {
				return nil, err
			}
		} else {
			if idp {
				return nil, cmdline.InvalidArg("unknown", w)
			}
			idp = true
			var id xfrm.ID
			var saddr xfrm.Address
			if err := ps.parseID(args, &saddr, &id, &sid.Family, false); err != nil {
				return nil, err
			}
			sid.Daddr, sid.SPI, sid.Proto = id.Daddr, id.SPI, id.Proto
			attrs = xfrm.AppendAttr(attrs, xfrm.AttrSrcAddr, saddr[:])
		}
		args.Next()
	}
	if mark.M&mark.V != 0 {
		attrs = xfrm.AppendAttr(attrs, xfrm.AttrMark, mark.Append(nil))
	}
	if sid.Family == unix.AF_UNSPEC {
		sid.Family = unix.AF_INET
	}
	return append(sid.Append(nil), attrs...), nil
}

// stateList is list and deleteall.
func stateList(env *cli.Env, args *cmdline.Args, deleteAll bool) error {
	ps := newParser(env)
	f := &ps.filter
	nokeys, err := parseStateFilter(ps, args)
	if err != nil {
		return err
	}
	c, err := dial(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if deleteAll {
		if err := stateDeleteAll(env, c, ps); err != nil {
			return err
		}
		return cmdline.Exited(cmdline.StatusOK)
	}
	req := stateDumpRequest(f)
	names := env.LinkNames()
	defer names.Close()
	p := newPrinter(env, ps, names)
	err = c.Dump(xfrm.MsgGetSA, req, func(m netlink.Message) error {
		defer env.P.Flush()
		return p.State(uint16(m.Header.Type), uint16(m.Header.Flags), m.Data, nokeys)
	})
	if err != nil {
		return dumpError(err, "Dump")
	}
	return cmdline.Exited(cmdline.StatusOK)
}

// parseStateFilter is list's and deleteall's parse: the filter, and
// whether keys are to be hidden.
func parseStateFilter(ps *parser, args *cmdline.Args) (nokeys bool, err error) {
	f := &ps.filter
	if args.More() || ps.family != unix.AF_UNSPEC {
		f.use = true
	}
	f.sa.Family = uint16(ps.family)
	idp := false
	for args.More() {
		w := args.Peek()
		var err error
		switch w {
		case "nokeys":
			nokeys = true
		case "mode":
			if err = nextArg(args); err == nil {
				f.sa.Mode, err = parseMode(args)
				f.modeMask = true
			}
		case "reqid":
			if err = nextArg(args); err == nil {
				f.sa.Reqid, err = parseReqid(args)
				f.reqidMask = true
			}
		case "flag":
			if err = nextArg(args); err == nil {
				fl := uint32(f.sa.Flags)
				err = parseFlags(args, xfrm.StateFlags, math.MaxUint8, "FLAG value is invalid", &fl)
				f.sa.Flags = uint8(fl)
				f.stateFlagsMask = true
			}
		default:
			if idp {
				return false, cmdline.InvalidArg("unknown", w)
			}
			idp = true
			err = ps.parseID(args, &f.sa.Saddr, &f.sa.ID, &f.sa.Family, true)
			if ps.family == unix.AF_UNSPEC {
				ps.family = int(f.sa.Family)
			}
		}
		if err != nil {
			return false, err
		}
		args.Next()
	}
	return nokeys, nil
}

// stateDumpRequest is the body of list's XFRM_MSG_GETSA dump: the
// protocol and the address filter for the kernel to apply.
func stateDumpRequest(f *filter) []byte {
	var req []byte
	if f.sa.ID.Proto != 0 {
		req = xfrm.AppendAttr(req, xfrm.AttrProto, []byte{f.sa.ID.Proto})
	}
	return xfrm.AppendAttr(req, xfrm.AttrAddressFilter, xfrm.AddressFilter{Saddr: f.sa.Saddr, Daddr: f.sa.ID.Daddr,
		Family: f.sa.Family, SPLen: f.idSrcMask, DPLen: f.idDstMask}.Append(nil))
}

// stateDeleteAll is deleteall's rounds (xfrm_state_keep).
func stateDeleteAll(env *cli.Env, c *rtnl.Conn, ps *parser) error {
	for round := 0; ; round++ {
		if env.Opts.Stats > 1 {
			env.Warnf("Delete-all round = %d\n", round)
		}
		var bodies [][]byte
		var perr error
		err := c.Dump(xfrm.MsgGetSA, nil, func(m netlink.Message) error {
			if m.Header.Type != xfrm.MsgNewSA {
				env.Warnf("Not a state: %08x %08x %08x\n", m.Header.Length, uint16(m.Header.Type), uint16(m.Header.Flags))
				return nil
			}
			if len(m.Data) < xfrm.SizeofSAInfo {
				env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-xfrm.SizeofSAInfo)
				perr = errPrint{}
				return perr
			}
			sa, _ := xfrm.ParseSAInfo(m.Data)
			if !ps.filter.matchState(&sa) || sa.ID.Proto == unix.IPPROTO_IPIP || sa.ID.Proto == unix.IPPROTO_IPV6 {
				return nil
			}
			b := xfrm.SAID{Daddr: sa.ID.Daddr, SPI: sa.ID.SPI, Family: sa.Family, Proto: sa.ID.Proto}.Append(nil)
			b = xfrm.AppendAttr(b, xfrm.AttrSrcAddr, sa.Saddr[:])
			tb := xfrm.ParseAttrs(m.Data[xfrm.SizeofSAInfo:])
			if v := tb[xfrm.AttrMark]; v != nil {
				b = xfrm.AppendAttr(b, xfrm.AttrMark, rtaWhole(m.Data, v))
			}
			bodies = append(bodies, b)
			return nil
		})
		if err != nil || perr != nil {
			if err == nil {
				err = perr
			}
			return dumpError(err, "Delete-all")
		}
		if len(bodies) == 0 {
			if env.Opts.Stats > 1 {
				env.Warnf("Delete-all completed\n")
			}
			return nil
		}
		if err := sendUnacked(c, xfrm.MsgDelSA, bodies); err != nil {
			return cmdline.Fatal(cmdline.StatusFailed, "Failed to send delete-all request\n: %s", rtnl.ErrnoText(err))
		}
		if env.Opts.Stats > 1 {
			env.Warnf("Delete-all nlmsg count = %d\n", len(bodies))
		}
	}
}

// stateFlush is `ip xfrm state flush [ proto XFRM-PROTO ]`.
func stateFlush(env *cli.Env, args *cmdline.Args) error {
	b, err := stateFlushRequest(args)
	if err != nil {
		return err
	}
	if env.Opts.Stats > 1 {
		env.Warnf("Flush state with XFRM-PROTO value \"%s\"\n", xfrm.ProtoName(b[0]))
	}
	return talk(env, xfrm.MsgFlushSA, b)
}

// stateFlushRequest is xfrm_state_flush's parse: struct
// xfrm_usersa_flush, one byte, which the connection sends unpadded
// (nlmsg_len 17) as iproute2 does.
func stateFlushRequest(args *cmdline.Args) ([]byte, error) {
	var proto uint8
	given := false
	for args.More() {
		w := args.Peek()
		if w != "proto" {
			return nil, cmdline.InvalidArg("unknown", w)
		}
		if given {
			return nil, cmdline.Duplicate("proto", w)
		}
		given = true
		if err := nextArg(args); err != nil {
			return nil, err
		}
		p, ok := xfrm.ProtoByName(args.Peek())
		if !ok {
			return nil, cmdline.InvalidArg("XFRM-PROTO value is invalid", args.Peek())
		}
		proto = p
		args.Next()
	}
	return []byte{proto}, nil
}

// sadInfo is `ip xfrm state count` (print_sadinfo).
func sadInfo(env *cli.Env) error {
	_, _, ans, err := query(env, xfrm.MsgGetSADInfo, xfrm.InfoRequest())
	if err != nil {
		return err
	}
	w := env.P.Writer()
	if len(ans) < 4 {
		env.Warnf("SADinfo: Wrong len %d\n", len(ans)-4)
		return nil
	}
	tb := xfrm.ParseAttrs(ans[4:])
	v := tb[xfrm.SADCount]
	if v == nil {
		w.WriteString("BAD SAD info returned\n")
		return nil
	}
	fmtTo(w, "\t SAD count %d", u32(v))
	if env.Opts.Stats != 0 {
		if h := tb[xfrm.SADHInfo]; h != nil {
			if len(h) < xfrm.SizeofSADHInfo {
				w.WriteString("BAD SAD length returned\n")
				return nil
			}
			fmtTo(w, " (buckets count %d Max %d)", int32(u32(h)), int32(u32(h[4:])))
		}
	}
	w.WriteString("\n")
	return nil
}

// sendUnacked sends a delete-all's requests in one datagram without
// asking for acknowledgements and checks the first answer queued, as
// iproute2's rtnl_send_check does (an rtnl.Flusher whose datagram holds
// them all).
func sendUnacked(c *rtnl.Conn, typ netlink.HeaderType, bodies [][]byte) error {
	size := 0
	for _, b := range bodies {
		size += (16 + len(b) + 3) &^ 3 // nlmsghdr, body, padding
	}
	f := c.NewFlusher(typ, size)
	for _, b := range bodies {
		if err := f.Add(b); err != nil {
			return err
		}
	}
	return f.Send()
}
