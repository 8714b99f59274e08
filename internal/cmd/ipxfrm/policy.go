package ipxfrm

import (
	"math"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/xfrm"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Buffer sizes of iproute2's requests, which bound what a command may
// carry.
const (
	tmplsBufSize = 1024 // XFRM_TMPLS_BUF_SIZE
)

// runPolicy is `ip xfrm policy`.
func runPolicy(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return policyList(env, args, false)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("add"):
		return policyModify(env, args, xfrm.MsgNewPolicy)
	case m("update"):
		return policyModify(env, args, xfrm.MsgUpdPolicy)
	case m("delete"):
		_, _, _, err := policyGetOrDelete(env, args, true)
		return err
	case m("deleteall"), m("delall"):
		return policyList(env, args, true)
	case m("list"), m("show"), m("lst"):
		return policyList(env, args, false)
	case m("get"):
		return policyGet(env, args)
	case m("flush"):
		return policyFlush(env, args)
	case m("count"):
		return spdInfo(env)
	case m("set"):
		return spdSet(env, args)
	case m("setdefault"):
		return setDefault(env, args)
	case m("getdefault"):
		return getDefault(env)
	case m("help"):
		return printUsage(env, usage.XfrmPolicy)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip xfrm policy help\".", w)
}

// policyRequest is xfrm_policy_modify's parse: the request body.
func policyRequest(ps *parser, args *cmdline.Args) ([]byte, error) {
	info := xfrm.PolicyInfo{Lft: xfrm.NoLimits()}
	info.Sel.Family = uint16(ps.family)
	var dir, sel, ptypeGiven, ctxGiven, ifIDSet bool
	var ptype uint8
	var tmpls []byte
	var mark xfrm.Mark
	var ctx string
	var ifID uint32
	for args.More() {
		w := args.Peek()
		var err error
		switch w {
		case "dir":
			if dir {
				return nil, cmdline.Duplicate("dir", w)
			}
			dir = true
			if err = nextArg(args); err == nil {
				info.Dir, err = parseDir(args)
			}
		case "ctx":
			if ctxGiven {
				return nil, cmdline.Duplicate("ctx", w)
			}
			ctxGiven = true
			if err = nextArg(args); err == nil {
				ctx = args.Peek()
			}
		case "mark":
			mark, err = parseMark(args)
		case "index":
			if err = nextArg(args); err == nil {
				info.Index, err = u32Value(args, "INDEX value is invalid")
			}
		case "ptype":
			if ptypeGiven {
				return nil, cmdline.Duplicate("ptype", w)
			}
			ptypeGiven = true
			if err = nextArg(args); err == nil {
				ptype, err = parsePtype(args)
			}
		case "action":
			if err = nextArg(args); err == nil {
				info.Action, err = parseAction(args)
			}
		case "priority":
			if err = nextArg(args); err == nil {
				info.Priority, err = u32Value(args, "PRIORITY value is invalid")
			}
		case "flag":
			if err = nextArg(args); err == nil {
				f := uint32(info.Flags)
				err = parseFlags(args, xfrm.PolicyFlags, math.MaxUint8, "FLAG value is invalid", &f)
				info.Flags = uint8(f)
			}
		case "limit":
			if err = nextArg(args); err == nil {
				err = parseLimit(args, &info.Lft)
			}
		case "tmpl":
			if len(tmpls)+xfrm.SizeofTmpl > tmplsBufSize {
				return nil, failed("Too many tmpls: buffer overflow")
			}
			t := xfrm.Tmpl{Family: uint16(ps.family), AAlgos: ^uint32(0), EAlgos: ^uint32(0), CAlgos: ^uint32(0)}
			if err = nextArg(args); err == nil {
				err = ps.parseTmpl(args, &t)
			}
			tmpls = t.Append(tmpls)
		case "if_id":
			if err = nextArg(args); err == nil {
				ifID, err = u32Value(args, "IF_ID value is invalid")
				ifIDSet = true
			}
		default:
			if sel {
				return nil, cmdline.Duplicate("unknown", w)
			}
			sel = true
			err = ps.parseSelector(args, &info.Sel)
			if ps.family == unix.AF_UNSPEC {
				ps.family = int(info.Sel.Family)
			}
		}
		if err != nil {
			return nil, err
		}
		args.Next()
	}
	if !dir {
		return nil, failed("Not enough information: DIR is required.")
	}
	if info.Sel.Family == unix.AF_UNSPEC {
		info.Sel.Family = unix.AF_INET
	}
	b := info.Append(nil)
	if ptypeGiven {
		b = xfrm.AppendAttr(b, xfrm.AttrPolicyType, xfrm.PolicyTypeAttr(ptype))
	}
	if len(tmpls) > 0 {
		b = xfrm.AppendAttr(b, xfrm.AttrTmpl, tmpls)
	}
	if mark.M != 0 {
		b = xfrm.AppendAttr(b, xfrm.AttrMark, mark.Append(nil))
	}
	if ctxGiven {
		b = xfrm.AppendAttr(b, xfrm.AttrSecCtx, xfrm.SecCtx(ctx))
	}
	if ifIDSet {
		b = xfrm.AppendAttrU32(b, xfrm.AttrIfID, ifID)
	}
	return b, nil
}

// parseTmpl is xfrm_tmpl_parse: ID [ mode MODE ] [ reqid REQID ]
// [ level LEVEL ].
func (ps *parser) parseTmpl(a *cmdline.Args, t *xfrm.Tmpl) error {
	start := a.Len()
	id := false
	for {
		var err error
		switch a.Peek() {
		case "mode":
			if err = nextArg(a); err == nil {
				t.Mode, err = parseMode(a)
			}
		case "reqid":
			if err = nextArg(a); err == nil {
				t.Reqid, err = parseReqid(a)
			}
		case "level":
			if err = nextArg(a); err == nil {
				switch a.Peek() {
				case "required":
					t.Optional = 0
				case "use":
					t.Optional = 1
				default:
					err = cmdline.InvalidArg("LEVEL value is invalid\n", a.Peek())
				}
			}
		default:
			if id {
				a.Back()
				goto done
			}
			id = true
			ps.family = unix.AF_UNSPEC
			err = ps.parseID(a, &t.Saddr, &t.ID, &t.Family, false)
			ps.family = int(t.Family)
		}
		if err != nil {
			return err
		}
		if !nextArgOK(a) {
			break
		}
		a.Next()
	}
done:
	if a.Len() == start {
		return missArg("TMPL")
	}
	return nil
}

// policyModify is add and update.
func policyModify(env *cli.Env, args *cmdline.Args, typ uint16) error {
	ps := newParser(env)
	b, err := policyRequest(ps, args)
	if err != nil {
		return err
	}
	return talk(env, typ, b)
}

// policyKeyRequest is xfrm_policy_get_or_delete's parse.
func policyKeyRequest(ps *parser, args *cmdline.Args) ([]byte, error) {
	var id xfrm.PolicyID
	var dir, sel, index, ptypeGiven, ctxGiven, ifIDSet bool
	var ptype uint8
	var mark xfrm.Mark
	var ctx string
	var ifID uint32
	for args.More() {
		w := args.Peek()
		var err error
		switch w {
		case "dir":
			if dir {
				return nil, cmdline.Duplicate("dir", w)
			}
			dir = true
			if err = nextArg(args); err == nil {
				id.Dir, err = parseDir(args)
			}
		case "ctx":
			if ctxGiven {
				return nil, cmdline.Duplicate("ctx", w)
			}
			ctxGiven = true
			if err = nextArg(args); err == nil {
				ctx = args.Peek()
			}
		case "mark":
			mark, err = parseMark(args)
		case "index":
			if index {
				return nil, cmdline.Duplicate("index", w)
			}
			index = true
			if err = nextArg(args); err == nil {
				id.Index, err = u32Value(args, "INDEX value is invalid")
			}
		case "ptype":
			if ptypeGiven {
				return nil, cmdline.Duplicate("ptype", w)
			}
			ptypeGiven = true
			if err = nextArg(args); err == nil {
				ptype, err = parsePtype(args)
			}
		case "if_id":
			if err = nextArg(args); err == nil {
				ifID, err = u32Value(args, "IF_ID value is invalid")
				ifIDSet = true
			}
		default:
			if sel {
				return nil, cmdline.InvalidArg("unknown", w)
			}
			sel = true
			err = ps.parseSelector(args, &id.Sel)
			if ps.family == unix.AF_UNSPEC {
				ps.family = int(id.Sel.Family)
			}
		}
		if err != nil {
			return nil, err
		}
		args.Next()
	}
	if !dir {
		return nil, failed("Not enough information: DIR is required.")
	}
	if !sel && !index {
		return nil, failed("Not enough information: either SELECTOR or INDEX is required.")
	}
	if sel && index {
		return nil, cmdline.Duplicate2("SELECTOR", "INDEX")
	}
	if id.Sel.Family == unix.AF_UNSPEC {
		id.Sel.Family = unix.AF_INET
	}
	b := id.Append(nil)
	if ptypeGiven {
		b = xfrm.AppendAttr(b, xfrm.AttrPolicyType, xfrm.PolicyTypeAttr(ptype))
	}
	if mark.M&mark.V != 0 {
		b = xfrm.AppendAttr(b, xfrm.AttrMark, mark.Append(nil))
	}
	if ctxGiven {
		b = xfrm.AppendAttr(b, xfrm.AttrSecCtx, xfrm.SecCtx(ctx))
	}
	if ifIDSet {
		b = xfrm.AppendAttrU32(b, xfrm.AttrIfID, ifID)
	}
	return b, nil
}

// policyGetOrDelete sends get or delete; get returns the answer.
func policyGetOrDelete(env *cli.Env, args *cmdline.Args, del bool) (*parser, uint16, []byte, error) {
	ps := newParser(env)
	b, err := policyKeyRequest(ps, args)
	if err != nil {
		return ps, 0, nil, err
	}
	if del {
		return ps, 0, nil, talk(env, xfrm.MsgDelPolicy, b)
	}
	typ, _, ans, err := query(env, xfrm.MsgGetPolicy, b)
	return ps, typ, ans, err
}

// policyGet is `ip xfrm policy get`.
func policyGet(env *cli.Env, args *cmdline.Args) error {
	ps, typ, ans, err := policyGetOrDelete(env, args, false)
	if err != nil {
		return err
	}
	names := env.LinkNames()
	defer names.Close()
	p := newPrinter(env, ps, names)
	if p.Policy(typ, 0, ans) != nil {
		return failed("An error :-)")
	}
	return nil
}

// policyList is list and deleteall: a filtered dump, printed or turned
// into deletions round after round until nothing matches.
func policyList(env *cli.Env, args *cmdline.Args, deleteAll bool) error {
	ps := newParser(env)
	f := &ps.filter
	if args.More() || ps.family != unix.AF_UNSPEC {
		f.use = true
	}
	f.pol.Sel.Family = uint16(ps.family)
	sel := false
	for args.More() {
		w := args.Peek()
		var err error
		switch w {
		case "dir":
			if err = nextArg(args); err == nil {
				f.pol.Dir, err = parseDir(args)
				f.dirMask = true
			}
		case "index":
			if err = nextArg(args); err == nil {
				f.pol.Index, err = u32Value(args, "INDEX value is invalid")
				f.indexMask = true
			}
		case "ptype":
			if err = nextArg(args); err == nil {
				f.ptype, err = parsePtype(args)
				f.ptypeMask = true
			}
		case "action":
			if err = nextArg(args); err == nil {
				f.pol.Action, err = parseAction(args)
				f.actionMask = true
			}
		case "priority":
			if err = nextArg(args); err == nil {
				f.pol.Priority, err = u32Value(args, "PRIORITY value is invalid")
				f.priorityMask = true
			}
		case "flag":
			if err = nextArg(args); err == nil {
				fl := uint32(f.pol.Flags)
				err = parseFlags(args, xfrm.PolicyFlags, math.MaxUint8, "FLAG value is invalid", &fl)
				f.pol.Flags = uint8(fl)
				f.policyFlagsMask = true
			}
		case "nosock":
			f.socket = true
		default:
			if sel {
				return cmdline.InvalidArg("unknown", w)
			}
			sel = true
			err = ps.parseSelector(args, &f.pol.Sel)
			if ps.family == unix.AF_UNSPEC {
				ps.family = int(f.pol.Sel.Family)
			}
		}
		if err != nil {
			return err
		}
		args.Next()
	}
	c, err := dial(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if deleteAll {
		if err := policyDeleteAll(env, c, ps); err != nil {
			return err
		}
		return cmdline.Exited(cmdline.StatusOK)
	}
	names := env.LinkNames()
	defer names.Close()
	p := newPrinter(env, ps, names)
	err = c.Dump(xfrm.MsgGetPolicy, nil, func(m netlink.Message) error {
		defer env.P.Flush()
		return p.Policy(uint16(m.Header.Type), uint16(m.Header.Flags), m.Data)
	})
	if err != nil {
		return dumpError(err, "Dump")
	}
	return cmdline.Exited(cmdline.StatusOK)
}

// deleteAllBufSize is NLMSG_DELETEALL_BUF_SIZE: how many bytes of
// deletions one round sends at most.
const deleteAllBufSize = 8192

// policyDeleteAll is deleteall's rounds (xfrm_policy_keep).
func policyDeleteAll(env *cli.Env, c *rtnl.Conn, ps *parser) error {
	for round := 0; ; round++ {
		if env.Opts.Stats > 1 {
			env.Warnf("Delete-all round = %d\n", round)
		}
		var bodies [][]byte
		size := 0
		var perr error
		err := c.Dump(xfrm.MsgGetPolicy, nil, func(m netlink.Message) error {
			if m.Header.Type != xfrm.MsgNewPolicy {
				env.Warnf("Not a policy: %08x %08x %08x\n", m.Header.Length, uint16(m.Header.Type), uint16(m.Header.Flags))
				return nil
			}
			if len(m.Data) < xfrm.SizeofPolicyInfo {
				env.Warnf("BUG: wrong nlmsg len %d\n", len(m.Data)-xfrm.SizeofPolicyInfo)
				perr = errPrint{}
				return perr
			}
			pi, _ := xfrm.ParsePolicyInfo(m.Data)
			tb := xfrm.ParseAttrs(m.Data[xfrm.SizeofPolicyInfo:])
			ptype := uint8(xfrm.TypeMain)
			if v := tb[xfrm.AttrPolicyType]; v != nil {
				if len(v) < xfrm.SizeofPolicyType {
					env.Warnf("too short XFRMA_POLICY_TYPE len\n")
					perr = errPrint{}
					return perr
				}
				ptype = v[0]
			}
			if !ps.filter.matchPolicy(&pi, ptype) || pi.Dir >= xfrm.DirMax {
				return nil
			}
			if size+16+xfrm.SizeofPolicyID > deleteAllBufSize {
				return nil
			}
			b := xfrm.PolicyID{Sel: pi.Sel, Index: pi.Index, Dir: pi.Dir}.Append(nil)
			if v := tb[xfrm.AttrMark]; v != nil {
				b = xfrm.AppendAttr(b, xfrm.AttrMark, rtaWhole(m.Data, v))
			}
			if v := tb[xfrm.AttrIfID]; v != nil {
				b = xfrm.AppendAttrU32(b, xfrm.AttrIfID, u32(v))
			}
			size += 16 + len(b)
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
		if err := sendUnacked(c, xfrm.MsgDelPolicy, bodies); err != nil {
			return cmdline.Fatal(cmdline.StatusFailed, "Failed to send delete-all request: %s", rtnl.ErrnoText(err))
		}
		if env.Opts.Stats > 1 {
			env.Warnf("Delete-all nlmsg count = %d\n", len(bodies))
		}
	}
}

// rtaWhole is what iproute2 copies when it re-sends an attribute with
// its rta_len as the payload length: the payload and the four bytes
// after it in the message (zeros past the message's end).
func rtaWhole(msg, payload []byte) []byte {
	out := make([]byte, len(payload)+4)
	copy(out, payload[:cap(payload)])
	// payload's capacity ends at its attribute; the bytes after it are
	// the message's, found by offset.
	off := -1
	for i := 0; i+len(payload) <= len(msg); i++ {
		if &msg[i] == &payload[0] {
			off = i
			break
		}
	}
	if off >= 0 {
		copy(out, msg[off:min(off+len(out), len(msg))])
	}
	return out
}

// policyFlush is `ip xfrm policy flush [ ptype PTYPE ]`.
func policyFlush(env *cli.Env, args *cmdline.Args) error {
	b, err := policyFlushRequest(args)
	if err != nil {
		return err
	}
	if env.Opts.Stats > 1 {
		// iproute2 says so after opening its socket.
		c, err := dial(env)
		if err != nil {
			return err
		}
		c.Close()
		env.Warnf("Flush policy\n")
	}
	return talk(env, xfrm.MsgFlushPolicy, b)
}

// policyFlushRequest is xfrm_policy_flush's parse: the request body.
func policyFlushRequest(args *cmdline.Args) ([]byte, error) {
	given := false
	var ptype uint8
	for args.More() {
		w := args.Peek()
		if w != "ptype" {
			return nil, cmdline.InvalidArg("unknown", w)
		}
		if given {
			return nil, cmdline.Duplicate("ptype", w)
		}
		given = true
		if err := nextArg(args); err != nil {
			return nil, err
		}
		var err error
		if ptype, err = parsePtype(args); err != nil {
			return nil, err
		}
		args.Next()
	}
	var b []byte
	if given {
		b = xfrm.AppendAttr(b, xfrm.AttrPolicyType, xfrm.PolicyTypeAttr(ptype))
	}
	return b, nil
}

// spdInfo is `ip xfrm policy count` (print_spdinfo).
func spdInfo(env *cli.Env) error {
	_, _, ans, err := query(env, xfrm.MsgGetSPDInfo, xfrm.InfoRequest())
	if err != nil {
		return err
	}
	if len(ans) < 4 {
		env.Warnf("SPDinfo: Wrong len %d\n", len(ans)-4)
		return nil
	}
	w := env.P.Writer()
	sl := env.P.NewlineToken()
	tb := xfrm.ParseAttrs(ans[4:])
	wrong := func() error { env.Warnf("SPDinfo: Wrong len %d\n", len(ans)-4); return nil }
	w.WriteString("\t SPD")
	if v := tb[xfrm.SPDInfo]; v != nil {
		if len(v) < xfrm.SizeofSPDInfo {
			return wrong()
		}
		fmtTo(w, " IN  %d OUT %d FWD %d", int32(u32(v)), int32(u32(v[4:])), int32(u32(v[8:])))
		if env.Opts.Stats != 0 {
			fmtTo(w, " (Sock: IN %d OUT %d FWD %d)", int32(u32(v[12:])), int32(u32(v[16:])), int32(u32(v[20:])))
		}
		w.WriteString(sl)
	}
	if env.Opts.Stats > 1 {
		if v := tb[xfrm.SPDHInfo]; v != nil {
			if len(v) < xfrm.SizeofSPDHInfo {
				return wrong()
			}
			fmtTo(w, "\t SPD buckets: count %d Max %d%s", int32(u32(v)), int32(u32(v[4:])), sl)
		}
		for _, t := range []struct {
			a    uint16
			name string
		}{{xfrm.SPDIPv4HThresh, "IPv4"}, {xfrm.SPDIPv6HThresh, "IPv6"}} {
			if v := tb[t.a]; v != nil {
				if len(v) < xfrm.SizeofHThresh {
					return wrong()
				}
				fmtTo(w, "\t SPD %s thresholds: local %d remote %d%s", t.name, v[0], v[1], sl)
			}
		}
	}
	if env.P.Oneline() {
		w.WriteString("\n")
	}
	return nil
}

// spdSet is `ip xfrm policy set [ hthresh4 LBITS RBITS ] [ hthresh6
// LBITS RBITS ]`.
func spdSet(env *cli.Env, args *cmdline.Args) error {
	b, err := spdSetRequest(args)
	if err != nil {
		return err
	}
	return talk(env, xfrm.MsgNewSPDInfo, b)
}

// spdSetRequest is xfrm_spd_setinfo's parse: the request body.
func spdSetRequest(args *cmdline.Args) ([]byte, error) {
	b := xfrm.InfoRequest()
	var thr4, thr6 bool
	for args.More() {
		w := args.Peek()
		var max uint64
		var attr uint16
		switch w {
		case "hthresh4":
			if thr4 {
				return nil, cmdline.Duplicate("hthresh4", w)
			}
			thr4, max, attr = true, 32, xfrm.SPDIPv4HThresh
		case "hthresh6":
			if thr6 {
				return nil, cmdline.Duplicate("hthresh6", w)
			}
			thr6, max, attr = true, 128, xfrm.SPDIPv6HThresh
		default:
			return nil, cmdline.InvalidArg("unknown", w)
		}
		if err := nextArg(args); err != nil {
			return nil, err
		}
		l, ok := cnum.Uint(args.Peek(), 0, math.MaxUint8)
		if !ok || l > max {
			return nil, cmdline.InvalidArg(w+" LBITS value is invalid", args.Peek())
		}
		if err := nextArg(args); err != nil {
			return nil, err
		}
		r, ok := cnum.Uint(args.Peek(), 0, math.MaxUint8)
		if !ok || r > max {
			return nil, cmdline.InvalidArg(w+" RBITS value is invalid", args.Peek())
		}
		b = xfrm.AppendAttr(b, attr, []byte{uint8(l), uint8(r)})
		args.Next()
	}
	return b, nil
}

// setDefault is `ip xfrm policy setdefault DIR ACTION …`.
func setDefault(env *cli.Env, args *cmdline.Args) error {
	up, err := setDefaultRequest(args)
	if err != nil {
		return err
	}
	return talk(env, xfrm.MsgSetDefault, up)
}

// setDefaultRequest is xfrm_spd_setdefault's parse: struct
// xfrm_userpolicy_default, 3 bytes, which the connection sends unpadded
// (nlmsg_len 19) as iproute2 does.
func setDefaultRequest(args *cmdline.Args) ([]byte, error) {
	var up [3]uint8 // in, fwd, out
	for args.More() {
		w := args.Peek()
		i := -1
		switch w {
		case "in":
			i = 0
		case "fwd":
			i = 1
		case "out":
			i = 2
		default:
			return nil, cmdline.InvalidArg("unknown direction", w)
		}
		if up[i] != 0 {
			return nil, cmdline.Duplicate(w, w)
		}
		if err := nextArg(args); err != nil {
			return nil, err
		}
		switch args.Peek() {
		case "block":
			up[i] = xfrm.UserPolicyBlock
		case "accept":
			up[i] = xfrm.UserPolicyAccept
		default:
			return nil, cmdline.InvalidArg(w+" policy value is invalid", args.Peek())
		}
		args.Next()
	}
	return up[:], nil
}

// getDefault is `ip xfrm policy getdefault`.
func getDefault(env *cli.Env) error {
	_, _, ans, err := query(env, xfrm.MsgGetDefault, make([]byte, xfrm.SizeofDefault))
	if err != nil {
		return err
	}
	printDefault(env, ans)
	return nil
}

// printDefault is xfrm_policy_default_print.
func printDefault(env *cli.Env, ans []byte) error {
	// NLMSG_SPACE(3) is 20: the kernel's 3 bytes come padded to 4.
	if len(ans) < 4 {
		env.Warnf("BUG: short nlmsg len %d (expect %d) for XFRM_MSG_GETDEFAULT\n", len(ans)+16, 20)
		return errPrint{}
	}
	fmtTo(env.P.Writer(), "Default policies:\n in:  %s\n fwd: %s\n out: %s\n",
		xfrm.DefaultName(ans[0]), xfrm.DefaultName(ans[1]), xfrm.DefaultName(ans[2]))
	env.P.Flush()
	return nil
}
