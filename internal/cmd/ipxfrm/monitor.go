package ipxfrm

import (
	"errors"
	"os"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/ipmonitor"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/xfrm"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// xmonitor is one `ip xfrm monitor` run.
type xmonitor struct {
	env     *cli.Env
	p       *Printer
	allNSID bool
	nokeys  bool
}

// runMonitor is `ip xfrm monitor [ nokeys ] [ all-nsid ] [ all | OBJECTS ]
// [ file FILE ]`.
func runMonitor(env *cli.Env, args *cmdline.Args) error {
	file, fileGiven := "", false
	groups := ^uint32(0)
	m := &xmonitor{env: env}
	var want uint32
	for args.More() {
		w := args.Next()
		switch {
		case cmdline.Matches(w, "file"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			file, fileGiven = v, true
		case w == "nokeys":
			m.nokeys = true
		case w == "all":
		case cmdline.Matches(w, "all-nsid"):
			m.allNSID = true
		case cmdline.Matches(w, "acquire"):
			want |= 1 << (xfrm.GroupAcquire - 1)
			groups = 0
		case cmdline.Matches(w, "expire"):
			want |= 1 << (xfrm.GroupExpire - 1)
			groups = 0
		case cmdline.Matches(w, "SA"):
			want |= 1 << (xfrm.GroupSA - 1)
			groups = 0
		case cmdline.Matches(w, "aevent"):
			want |= 1 << (xfrm.GroupAEvents - 1)
			groups = 0
		case cmdline.Matches(w, "policy"):
			want |= 1 << (xfrm.GroupPolicy - 1)
			groups = 0
		case cmdline.Matches(w, "report"):
			want |= 1 << (xfrm.GroupReport - 1)
			groups = 0
		case cmdline.Matches(w, "help"):
			return printUsage(env, usage.XfrmMonitor)
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "Argument \"%s\" is unknown, try \"ip xfrm monitor help\".", w)
		}
	}
	groups |= want
	names := link.NewNames(env.NetNSFD)
	names.Volatile()
	defer names.Close()
	ps := newParser(env)
	m.p = newPrinter(env, ps, names)
	m.p.filter = nil
	if fileGiven {
		return m.replay(file)
	}
	s, err := rtnl.SubscribeProto(env.NetNSFD, unix.NETLINK_XFRM, groups, env.Opts.RcvBuf)
	if err != nil {
		return cmdline.Fatal(cmdline.StatusFailed, "Cannot open netlink socket: %s", rtnl.ErrnoText(err))
	}
	defer s.Close()
	if m.allNSID {
		if err := s.ListenAllNSID(); err != nil {
			return cmdline.Fatal(cmdline.StatusFailed, "NETLINK_LISTEN_ALL_NSID: %s", rtnl.ErrnoText(err))
		}
	}
	return ipmonitor.Loop(env, s, m.accept)
}

// replay prints the messages of a saved stream (rtnl_from_file).
func (m *xmonitor) replay(file string) error {
	f, err := os.Open(file)
	if err != nil {
		m.env.Warnf("Cannot fopen: %s\n", rtnl.ErrnoText(err))
		return cmdline.Exited(cmdline.StatusUsage)
	}
	defer f.Close()
	err = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
		return m.accept(h, body, rtnl.NSIDCurrent)
	})
	m.env.P.Flush()
	var se *rtnl.SavedError
	switch {
	case errors.As(err, &se):
		return cmdline.Exit(cmdline.StatusFailed, "%s", se.Msg)
	case err != nil:
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// accept is xfrm_accept_msg: one message to its printer, flushed.
func (m *xmonitor) accept(h netlink.Header, body []byte, nsid int) error {
	env := m.env
	p := m.p
	defer env.P.Flush()
	if env.Opts.Timestamp > 0 {
		ipmonitor.Timestamp(env)
	}
	if m.allNSID {
		if nsid < 0 {
			p.s("[nsid current]")
		} else {
			p.f("[nsid %d]", nsid)
		}
	}
	typ, flags := uint16(h.Type), uint16(h.Flags)
	switch typ {
	case xfrm.MsgNewSA, xfrm.MsgDelSA, xfrm.MsgUpdSA, xfrm.MsgExpire:
		_ = p.State(typ, flags, body, false)
	case xfrm.MsgNewPolicy, xfrm.MsgDelPolicy, xfrm.MsgUpdPolicy, xfrm.MsgPolExpire:
		_ = p.Policy(typ, flags, body)
	case xfrm.MsgAcquire:
		p.acquire(body)
	case xfrm.MsgFlushSA:
		if len(body) < 4 {
			p.warn("BUG: wrong nlmsg len %d\n", len(body)-4)
			return nil
		}
		p.s("Flushed state proto " + xfrm.ProtoName(body[0]) + p.sl)
		if p.oneline {
			p.s("\n")
		}
	case xfrm.MsgFlushPolicy:
		p.s("Flushed policy ")
		tb := xfrm.ParseAttrs(body)
		if v := tb[xfrm.AttrPolicyType]; v != nil {
			p.s("ptype ")
			if len(v) < xfrm.SizeofPolicyType {
				p.s("(ERROR truncated)")
			}
			p.s(xfrm.PolicyTypeName(pad(v, 1)[0]) + " ")
		}
		p.s(p.sl)
		if p.oneline {
			p.s("\n")
		}
	case xfrm.MsgReport:
		p.report(body, m.nokeys)
	case xfrm.MsgNewAE:
		p.aevent(body)
	case xfrm.MsgMapping:
		p.mapping(body)
	case xfrm.MsgGetDefault:
		_ = printDefault(env, body)
	case unix.NLMSG_ERROR, unix.NLMSG_NOOP, unix.NLMSG_DONE:
	default:
		p.f("Unknown message: %08d 0x%08x 0x%08x\n", h.Length, typ, flags)
	}
	return nil
}

// acquire is xfrm_acquire_print.
func (p *Printer) acquire(body []byte) {
	if len(body) < xfrm.SizeofAcquire {
		p.warn("BUG: wrong nlmsg len %d\n", len(body)-xfrm.SizeofAcquire)
		return
	}
	// struct xfrm_user_acquire: id, saddr, sel, policy, the masks, seq.
	id := xfrm.ID{Daddr: xfrm.Address(body[0:16]), SPI: u32be(body[16:]), Proto: body[20]}
	sel, _ := xfrm.ParseSelector(body[40:])
	pol, _ := xfrm.ParsePolicyInfo(body[96:])
	tb := xfrm.ParseAttrs(body[xfrm.SizeofAcquire:])
	family := sel.Family
	if family == unix.AF_UNSPEC {
		family = pol.Sel.Family
	}
	if family == unix.AF_UNSPEC {
		family = uint16(p.family)
	}
	p.s("acquire proto " + xfrm.ProtoName(id.Proto) + " ")
	if p.stats > 0 || id.SPI != 0 {
		p.f("spi 0x%08x", id.SPI)
		if p.stats > 0 {
			p.f("(%d)", id.SPI)
		}
		p.s(" ")
	}
	p.s(p.sl)
	p.selector(&sel, family, "  sel ")
	p.policyInfo(&pol, &tb, "    ", "  policy ")
	if p.stats > 0 {
		p.f("  seq 0x%08d ", u32(body[276:]))
		p.f("enc-mask %.8x auth-mask %.8x comp-mask %.8x", u32(body[268:]), u32(body[264:]), u32(body[272:]))
	}
	p.s(p.sl)
	if p.oneline {
		p.s("\n")
	}
}

// report is xfrm_report_print.
func (p *Printer) report(body []byte, nokeys bool) {
	if len(body) < xfrm.SizeofReport {
		p.warn("BUG: wrong nlmsg len %d\n", len(body)-xfrm.SizeofReport)
		return
	}
	sel, _ := xfrm.ParseSelector(body[4:])
	family := sel.Family
	if family == unix.AF_UNSPEC {
		family = uint16(p.family)
	}
	p.s("report proto " + xfrm.ProtoName(body[0]) + " " + p.sl)
	p.selector(&sel, family, "  sel ")
	tb := xfrm.ParseAttrs(body[(xfrm.SizeofReport+3)&^3:])
	p.attrs(&tb, family, "  ", nokeys)
	if p.oneline {
		p.s("\n")
	}
}

// saID is xfrm_usersa_print.
func (p *Printer) saID(b []byte, reqid uint32) {
	sid, _ := xfrm.ParseSAID(b)
	p.s("dst " + sid.Daddr.String(sid.Family) + " ")
	p.f(" reqid 0x%x", reqid)
	p.s(" protocol " + protoName(sid.Proto) + " ")
	p.f(" SPI 0x%x", sid.SPI)
}

// aevent is xfrm_ae_print.
func (p *Printer) aevent(body []byte) {
	body = pad(body, xfrm.SizeofAEventID)
	flags := u32(body[40:])
	p.s("Async event ")
	p.f(" (0x%x) ", flags)
	if flags&xfrm.AECR != 0 {
		p.s(" replay update ")
	}
	if flags&xfrm.AECE != 0 {
		p.s(" timer expired ")
	}
	if flags&xfrm.AECU != 0 {
		p.s(" policy updated ")
	}
	p.s("\n\t")
	sid, _ := xfrm.ParseSAID(body)
	p.s("src " + xfrm.Address(body[24:40]).String(sid.Family) + " ")
	p.saID(body, u32(body[44:]))
	p.s("\n")
}

// mapping is xfrm_mapping_print.
func (p *Printer) mapping(body []byte) {
	body = pad(body, xfrm.SizeofMapping)
	sid, _ := xfrm.ParseSAID(body)
	p.s("Mapping change " + xfrm.Address(body[28:44]).String(sid.Family))
	p.f(":%d -> ", uint16(body[60])<<8|uint16(body[61]))
	p.s(xfrm.Address(body[44:60]).String(sid.Family))
	p.f(":%d\n\t", uint16(body[62])<<8|uint16(body[63]))
	p.saID(body, u32(body[24:]))
	p.s("\n")
}

func u32be(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}
