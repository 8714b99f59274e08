package iprule

import (
	"encoding/binary"
	"errors"
	"math"
	"os"
	"strconv"
	"unsafe"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/rule"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// ruleAction is what a rule listing does with the rules it selects.
type ruleAction int

const (
	ruleShow ruleAction = iota
	ruleFlush
	ruleSave
)

// portRangeSel is a fib_rule_port_range to match; start 0 matches any.
type portRangeSel struct{ start, end uint16 }

// ruleFilter selects the rules show, flush and save act on; zero fields
// match anything, as in iproute2.
type ruleFilter struct {
	family       int // the -family option, not the dump's
	not          bool
	l3mdev       bool
	pref         uint32
	hasPref      bool
	tos          uint8
	hasTOS       bool
	fwmark       uint32
	fwmask       uint32
	iif, oif     string
	hasIif       bool
	hasOif       bool
	uidStart     uint32
	uidEnd       uint32
	hasUID       bool
	src, dst     cnum.Prefix
	table        uint32
	protocol     uint8
	protocolMask bool // flush only: a protocol was given (not "all")
	ipproto      uint8
	sport, dport portRangeSel
	tunID        uint64
}

// matchPrefix is filter_nlmsg's test of a from/to selector against a
// rule's address and length.
func matchPrefix(sel *cnum.Prefix, family uint8, plen uint8, addr []byte) bool {
	if sel.Family == unix.AF_UNSPEC {
		return true
	}
	if sel.Family != int(family) || sel.BitLen > int(plen) {
		return false
	}
	if addr == nil || sel.BitLen <= 0 {
		return true
	}
	var a [16]byte
	copy(a[:], addr)
	return route.AddrMatch(&a, &sel.Data, sel.BitLen)
}

// matchPorts is filter_nlmsg's test of a sport/dport selector.
func matchPorts(sel portRangeSel, r []byte) bool {
	if sel.start == 0 {
		return true
	}
	return r != nil && binary.NativeEndian.Uint16(r) == sel.start &&
		binary.NativeEndian.Uint16(r[2:]) == sel.end
}

// match is filter_nlmsg.
func (f *ruleFilter) match(e *rule.Message) bool {
	switch {
	case f.family != unix.AF_UNSPEC && int(e.Family) != f.family,
		f.hasPref && f.pref != e.Priority,
		f.not && e.Flags&unix.FIB_RULE_INVERT == 0,
		!matchPrefix(&f.src, e.Family, e.SrcLen, e.Src),
		!matchPrefix(&f.dst, e.Family, e.DstLen, e.Dst),
		f.hasTOS && f.tos != e.TOS,
		f.fwmark != 0 && f.fwmark != e.FwMark,
		f.fwmask != 0 && f.fwmask != e.FwMask,
		f.hasIif && (!e.HasIIF || e.IIF != f.iif),
		f.hasOif && (!e.HasOIF || e.OIF != f.oif),
		f.l3mdev && e.L3MDev == 0,
		f.hasUID && (e.UIDRange == nil || binary.NativeEndian.Uint32(e.UIDRange) != f.uidStart ||
			binary.NativeEndian.Uint32(e.UIDRange[4:]) != f.uidEnd),
		f.ipproto != 0 && f.ipproto != e.IPProto,
		!matchPorts(f.sport, e.SPortRange),
		!matchPorts(f.dport, e.DPortRange),
		f.tunID != 0 && (!e.HasTunID || f.tunID != e.TunID),
		f.table != 0 && f.table != e.Table:
		return false
	}
	return true
}

// parseRuleFilter reads the selectors of show, flush and save; family is
// the one addresses are read in.
func parseRuleFilter(args *cmdline.Args, family int) (ruleFilter, error) {
	var f ruleFilter
	for args.More() {
		w := args.Next()
		m := func(kw string) bool { return cmdline.Matches(w, kw) }
		var v string
		if w != "not" && w != "l3mdev" {
			if !ruleSelectorTakesValue(w) && !m("dst") && !m("to") {
				v = w // a bare prefix
			} else {
				var err error
				if v, err = args.Value(); err != nil {
					return f, err
				}
			}
		}
		switch {
		case m("preference") || m("order") || m("priority"):
			pref, ok := cnum.Uint32(v, 0)
			if !ok {
				return f, cmdline.InvalidArg("preference value is invalid\n", v)
			}
			f.pref, f.hasPref = pref, true
		case w == "not":
			f.not = true
		case w == "l3mdev":
			f.l3mdev = true
		case w == "tos" || w == "dsfield":
			t, ok := route.ParseDSField(v)
			if !ok {
				return f, cmdline.InvalidArg("TOS value is invalid\n", v)
			}
			f.tos, f.hasTOS = t, true
		case w == "fwmark":
			mark, mask, _, err := fwmarkValue(v)
			if err != nil {
				return f, err
			}
			f.fwmark = mark
			if mask != 0 {
				f.fwmask = mask
			}
		case w == "dev" || w == "iif":
			if !ifnameOK(v) {
				return f, cmdline.InvalidArg("\"iif\"/\"dev\" not a valid ifname", v)
			}
			f.iif, f.hasIif = v, true
		case w == "oif":
			if !ifnameOK(v) {
				return f, cmdline.InvalidArg("\"oif\" not a valid ifname", v)
			}
			f.oif, f.hasOif = v, true
		case w == "uidrange":
			f.hasUID = true
			start, end, n := scanRange(v, 32)
			if n != 2 {
				return f, cmdline.InvalidArg("invalid UID range\n", v)
			}
			f.uidStart, f.uidEnd = start, end
		case m("tun_id"):
			id, ok := cnum.Uint(v, 0, math.MaxUint64)
			if !ok {
				return f, cmdline.InvalidArg("\"tun_id\" value is invalid\n", v)
			}
			f.tunID = id
		case m("lookup") || m("table"):
			id, ok := route.ParseTable(v)
			if !ok {
				return f, cmdline.InvalidArg("table id value is invalid\n", v)
			}
			f.table = id
		case m("from") || m("src"):
			p, err := cnum.GetPrefix(v, family)
			if err != nil {
				return f, err
			}
			f.src = p
		case m("protocol"):
			f.protocolMask = true
			p, ok := route.ParseProtocol(v)
			if !ok {
				if v != "all" {
					return f, cmdline.InvalidArg("invalid \"protocol\"\n", v)
				}
				p, f.protocolMask = 0, false
			}
			f.protocol = p
		case w == "ipproto":
			p, ok := parseIPProto(v)
			if !ok {
				return f, cmdline.InvalidArg("Invalid \"ipproto\" value\n", v)
			}
			f.ipproto = p
		case w == "sport" || w == "dport":
			msg := "invalid port range\n"
			if w == "dport" {
				msg = "invalid dport range\n"
			}
			r, err := portRange(v, msg)
			if err != nil {
				return f, err
			}
			sel := portRangeSel{binary.NativeEndian.Uint16(r), binary.NativeEndian.Uint16(r[2:])}
			if w == "sport" {
				f.sport = sel
			} else {
				f.dport = sel
			}
		default:
			p, err := cnum.GetPrefix(v, family)
			if err != nil {
				return f, err
			}
			f.dst = p
		}
	}
	return f, nil
}

// ruleSelectorTakesValue says whether w is a show/flush selector keyword
// that reads a value (iproute2 tries them before taking w as a prefix).
func ruleSelectorTakesValue(w string) bool {
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	return m("preference") || m("order") || m("priority") ||
		w == "tos" || w == "dsfield" || w == "fwmark" || w == "dev" ||
		w == "iif" || w == "oif" || w == "uidrange" || m("tun_id") ||
		m("lookup") || m("table") || m("from") || m("src") ||
		m("protocol") || w == "ipproto" || w == "sport" || w == "dport"
}

// rulePrinter prints rules as iproute2's print_rule does.
type rulePrinter struct {
	p       *format.Printer
	f       *ruleFilter
	names   route.Names
	details bool
	resolve bool
	buf     []byte
}

func newRulePrinter(env *cli.Env, f *ruleFilter) *rulePrinter {
	return &rulePrinter{
		p:       env.P,
		f:       f,
		names:   route.Names{Numeric: env.Opts.Numeric},
		details: env.Opts.Details > 0,
		resolve: env.Opts.Resolve,
	}
}

// print prints one message of type typ if it is a rule the filter passes.
func (pr *rulePrinter) print(typ uint16, body []byte) {
	var e rule.Message
	if typ != unix.RTM_NEWRULE && typ != unix.RTM_DELRULE {
		return
	}
	if !rule.DecodeMessage(body, &e) || !pr.f.match(&e) {
		return
	}
	pr.entry(typ, &e)
}

// addr is rt_addr_n2a for a rule's address (never resolved).
func (pr *rulePrinter) addr(family uint8, b []byte) string {
	switch {
	case family == unix.AF_INET && len(b) == 4, family == unix.AF_INET6 && len(b) == 16:
		pr.buf = route.AppendAddr(pr.buf[:0], int(family), b)
		return pr.scratch()
	}
	return "???"
}

// ipProto is inet_proto_n2a: the /etc/protocols name, else "ipproto-N"
// (always under -Numeric), in pr.buf rather than a string made per rule.
func (pr *rulePrinter) ipProto(proto uint8) string {
	if name, ok := cnum.ProtoByNumber(proto); ok && !pr.names.Numeric {
		return name
	}
	pr.buf = strconv.AppendUint(append(pr.buf[:0], "ipproto-"...), uint64(proto), 10)
	return pr.scratch()
}

// scratch views pr.buf as a string, valid until pr.buf is next written:
// each value is printed at once, so a dump makes no string per rule.
func (pr *rulePrinter) scratch() string { return unsafe.String(unsafe.SliceData(pr.buf), len(pr.buf)) }

// hex0x is print_0xhex: "%#llx" in JSON too (so a zero is "0").
func (pr *rulePrinter) hex0x(key, textFormat string, v uint64) {
	if pr.p.IsJSON() {
		pr.buf = append(pr.buf[:0], '0')
		if v != 0 {
			pr.buf = strconv.AppendUint(append(pr.buf, 'x'), v, 16)
		}
		pr.p.String(format.JSON, key, "", pr.scratch())
		return
	}
	pr.p.Uint(format.Text, "", textFormat, v)
}

// ports prints a sport/dport range: one number when both ends agree.
func (pr *rulePrinter) ports(key string, r []byte) {
	start, end := binary.NativeEndian.Uint16(r), binary.NativeEndian.Uint16(r[2:])
	// The keys and formats are spelled out: joined at run time they
	// would be strings made per rule.
	text, keyStart, keyEnd := " sport %u", "sport_start", "sport_end"
	if key == "dport" {
		text, keyStart, keyEnd = " dport %u", "dport_start", "dport_end"
	}
	if start == end {
		pr.p.Uint(format.Any, key, text, uint64(start))
		return
	}
	pr.p.Uint(format.Any, keyStart, text, uint64(start))
	pr.p.Uint(format.Any, keyEnd, "-%u", uint64(end))
}

// endpoint prints the from or to part of a rule: key is "src" or "dst",
// word "from " or " to ".
func (pr *rulePrinter) endpoint(e *rule.Message, key, word string, addr []byte, plen uint8) {
	p := pr.p
	hostLen := cnum.AddrBits(int(e.Family))
	// The length's key and the "0"/"all" formats, spelled out rather than
	// joined per rule.
	lenKey, zeroText := "srclen", "from %s"
	if key == "dst" {
		lenKey, zeroText = "dstlen", " to %s"
	}
	switch {
	case addr != nil:
		p.String(format.Text, "", "%s", word)
		p.ColorString(format.Any, iproute.FamilyColor(int(e.Family)), key, "%s", pr.addr(e.Family, addr))
		if int(plen) != hostLen {
			p.Uint(format.Any, lenKey, "/%u", uint64(plen))
		}
	case plen != 0:
		p.String(format.Any, key, zeroText, "0")
		p.Uint(format.Any, lenKey, "/%u", uint64(plen))
	case key == "src":
		p.String(format.Any, key, zeroText, "all")
	}
}

func (pr *rulePrinter) entry(typ uint16, e *rule.Message) {
	p := pr.p
	p.OpenObject("")
	if typ == unix.RTM_DELRULE {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	p.Uint(format.Any, "priority", "%u:\t", uint64(e.Priority))
	if e.Flags&unix.FIB_RULE_INVERT != 0 {
		p.Null(format.Any, "not", "not ", "")
	}
	pr.endpoint(e, "src", "from ", e.Src, e.SrcLen)
	pr.endpoint(e, "dst", " to ", e.Dst, e.DstLen)
	if e.TOS != 0 {
		p.String(format.Any, "tos", " tos %s", pr.names.DSField(e.TOS))
	}
	if e.HasFwMark || e.HasFwMask {
		pr.hex0x("fwmark", " fwmark %#llx", uint64(e.FwMark))
		if e.HasFwMask && e.FwMask != 0xffffffff {
			pr.hex0x("fwmask", "/%#llx", uint64(e.FwMask))
		}
	}
	if e.HasIIF {
		p.Text(" iif ")
		p.ColorString(format.Any, format.Ifname, "iif", "%s", e.IIF)
		if e.Flags&unix.FIB_RULE_IIF_DETACHED != 0 {
			p.Null(format.Any, "iif_detached", " [detached]", "")
		}
	}
	if e.HasOIF {
		p.Text(" oif ")
		p.ColorString(format.Any, format.Ifname, "oif", "%s", e.OIF)
		if e.Flags&unix.FIB_RULE_OIF_DETACHED != 0 {
			p.Null(format.Any, "oif_detached", " [detached]", "")
		}
	}
	if e.L3MDev != 0 {
		p.Null(format.Any, "l3mdev", " lookup [l3mdev-table]", "")
	}
	if e.UIDRange != nil {
		p.Uint(format.Any, "uid_start", " uidrange %u", uint64(binary.NativeEndian.Uint32(e.UIDRange)))
		p.Uint(format.Any, "uid_end", "-%u", uint64(binary.NativeEndian.Uint32(e.UIDRange[4:])))
	}
	if e.HasIPProto {
		p.String(format.Any, "ipproto", " ipproto %s", pr.ipProto(e.IPProto))
	}
	if e.SPortRange != nil {
		pr.ports("sport", e.SPortRange)
	}
	if e.DPortRange != nil {
		pr.ports("dport", e.DPortRange)
	}
	if e.HasTunID {
		p.Uint(format.Any, "tun_id", " tun_id %llu", e.TunID)
	}
	if e.Table != 0 {
		p.String(format.Any, "table", " lookup %s", pr.names.Table(e.Table))
		if e.HasSuppressPrefixLen && int32(e.SuppressPrefixLen) != -1 {
			p.Int(format.Any, "suppress_prefixlen", " suppress_prefixlength %d", int64(int32(e.SuppressPrefixLen)))
		}
		if e.HasSuppressIfGroup && int32(e.SuppressIfGroup) != -1 {
			p.String(format.Any, "suppress_ifgroup", " suppress_ifgroup %s", link.GroupName(e.SuppressIfGroup, pr.names.Numeric))
		}
	}
	if e.HasFlow {
		from, to := e.Flow>>16, e.Flow&0xffff
		if from != 0 {
			p.String(format.Any, "flow_from", " realms %s/", pr.names.Realm(from))
		} else {
			p.Text(" realms ")
		}
		p.String(format.Any, "flow_to", "%s", pr.names.Realm(to))
	}
	switch e.Action {
	case rtnNAT:
		if e.Gateway != nil {
			p.String(format.Any, "nat_gateway", " map-to %s", pr.host(e.Family, e.Gateway))
		} else {
			p.Null(format.Any, "masquerade", " masquerade", "")
		}
	case unix.FR_ACT_GOTO:
		if e.HasGoto {
			p.Uint(format.Any, "goto", " goto %u", uint64(e.Goto))
		} else {
			p.String(format.Any, "goto", " goto %s", "none")
		}
		if e.Flags&unix.FIB_RULE_UNRESOLVED != 0 {
			p.Null(format.Any, "unresolved", " [unresolved]", "")
		}
	case unix.FR_ACT_NOP:
		p.Null(format.Any, "nop", " nop", "")
	case unix.FR_ACT_TO_TBL:
	default:
		p.String(format.Any, "action", " %s", pr.names.Type(e.Action))
	}
	if e.HasProtocol && ((e.Protocol != 0 && e.Protocol != unix.RTPROT_KERNEL) || pr.details) {
		p.String(format.Any, "protocol", " proto %s", pr.names.Protocol(e.Protocol))
	}
	p.Text("\n")
	p.CloseObject()
}

// host is format_host_rta for the NAT gateway.
func (pr *rulePrinter) host(family uint8, b []byte) string {
	pr.buf = route.AppendHost(pr.buf[:0], pr.resolve, int(family), b)
	return pr.scratch()
}

// ruleList is show, flush and save.
func ruleList(env *cli.Env, args *cmdline.Args, action ruleAction) error {
	dumpFamily := env.Opts.Family
	if dumpFamily == unix.AF_UNSPEC {
		dumpFamily = unix.AF_INET
	}
	if action == ruleSave {
		if args.More() {
			return cmdline.Exit(cmdline.StatusFailed, "\"ip rule save\" does not take any arguments.")
		}
		if iproute.IsTerminal(os.Stdout) {
			return cmdline.Exit(cmdline.StatusFailed, "Not sending a binary stream to stdout")
		}
		if err := iproute.WriteSavedMagic(env.P.Writer(), ruleDumpMagic); err != nil {
			return err
		}
	}
	f, err := parseRuleFilter(args, dumpFamily)
	if err != nil {
		return err
	}
	f.family = env.Opts.Family
	c, err := env.Conn()
	if err != nil {
		return err
	}
	pr := newRulePrinter(env, &f)
	var dels [][]byte
	env.P.Begin()
	req := rule.DumpRequest(dumpFamily)
	err = c.Dump(unix.RTM_GETRULE, req, func(m netlink.Message) error {
		typ := uint16(m.Header.Type)
		switch action {
		case ruleShow:
			pr.print(typ, m.Data)
		case ruleSave:
			return iproute.WriteSavedMsg(env.P.Writer(), m)
		case ruleFlush:
			var e rule.Message
			if !rule.DecodeMessage(m.Data, &e) || !f.match(&e) {
				return nil
			}
			if e.HasProtocol && f.protocolMask && e.Protocol != f.protocol {
				return nil
			}
			// The rule without a priority is the local table's, which
			// cannot be deleted.
			if e.HasPriority {
				dels = append(dels, append([]byte(nil), m.Data...))
			}
		}
		return nil
	})
	if err == nil && action == ruleSave {
		err = env.P.Writer().Flush()
	}
	if err != nil {
		if action == ruleSave && iproute.IsWriteError(err) {
			return cmdline.Exit(cmdline.StatusUsage, "Dump terminated")
		}
		return cmdline.Exit(cmdline.StatusUsage, "%s\nDump terminated", err)
	}
	for _, body := range dels {
		if err := c.Exec(unix.RTM_DELRULE, 0, body); err != nil {
			return cmdline.Exit(cmdline.StatusUsage, "%s\nDump terminated", err)
		}
	}
	env.P.End()
	return nil
}

// ruleRestore is `ip rule restore`: each rule of a saved stream is added
// again; rules that exist already are no error.
func ruleRestore(env *cli.Env) error {
	err := iproute.CheckMagic(env, ruleDumpMagic, "rule", func(format string, a ...any) error {
		return cmdline.Fatal(cmdline.StatusUsage, format, a...)
	})
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	return cli.RestoreSaved(env.Stdin, func(h netlink.Header, body []byte) error {
		err := c.Exec(h.Type, h.Flags|rtnl.Create, body)
		if err != nil && !errors.Is(err, unix.EEXIST) {
			return cmdline.Fatal(cmdline.StatusUsage, "%s", err)
		}
		return nil
	})
}

// ruleEcho is rtnl_echo_talk with print_rule, for `ip -echo rule add|del`.
func ruleEcho(env *cli.Env, c *rtnl.Conn, cmd uint16, flags netlink.HeaderFlags, body []byte) error {
	m, err := c.Echo(netlink.HeaderType(cmd), flags, body)
	if err != nil {
		return cmdline.Exit(cmdline.StatusRefused, "%s", err)
	}
	p := env.P
	p.Begin()
	p.OpenObject("")
	NewMessagePrinter(env).Print(m.Header, m.Data)
	p.CloseObject()
	p.End()
	return nil
}
