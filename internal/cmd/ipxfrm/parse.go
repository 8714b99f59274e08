package ipxfrm

import (
	"math"
	"strconv"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/xfrm"
	"golang.org/x/sys/unix"
)

// The parsers below read words the way iproute2's xfrm parsers walk
// argv: a parser is entered on its first word, and leaves the cursor
// on the last word it used (args.Peek() is C's *argv); the command's
// loop then steps past it.

// nextArg is NEXT_ARG: step to the next word, which must exist.
func nextArg(a *cmdline.Args) error {
	a.Next()
	if !a.More() {
		return cmdline.IncompleteCommand()
	}
	return nil
}

// nextArgOK is NEXT_ARG_OK: a word follows the current one.
func nextArgOK(a *cmdline.Args) bool { return a.Len() > 1 }

// missArg is missarg().
func missArg(key string) error {
	return cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"%s\" is required", key)
}

// failed is the fprintf(stderr, …); exit(1) of the xfrm parsers.
func failed(format string, v ...any) error { return cmdline.Fatal(cmdline.StatusFailed, format, v...) }

// filter is iproute2's xfrm_filter: what list and deleteall keep, and
// which fields the parsers saw.
type filter struct {
	use bool

	sa                                  xfrm.SAInfo
	idSrcMask, idDstMask                uint8
	idProtoMask                         bool
	idSPIMask, modeMask, reqidMask      bool
	stateFlagsMask                      bool
	pol                                 xfrm.PolicyInfo
	dirMask                             bool
	selSrcMask, selDstMask              uint8
	selDevMask, upspecProtoMask         bool
	upspecSportMask, upspecDportMask    bool
	indexMask, actionMask, priorityMask bool
	policyFlagsMask, socket             bool
	ptype                               uint8
	ptypeMask                           bool
}

// parser is one command's parse: ip's preferred family (which the
// parsers change as they go, as iproute2's do), the filter the parsers
// note what they saw in, and the link lookup for `dev`.
type parser struct {
	family int
	filter filter
	index  func(name string) (int32, error)
}

// prefix is get_prefix.
func (ps *parser) prefix(s string) (cnum.Prefix, error) { return cnum.GetPrefix(s, ps.family) }

// parseID is xfrm_id_parse: [ src ADDR ] [ dst ADDR ] [ proto XFRM-PROTO ]
// [ spi SPI ]. family, when not nil, takes the addresses' family.
func (ps *parser) parseID(a *cmdline.Args, saddr *xfrm.Address, id *xfrm.ID, family *uint16, loose bool) error {
	start := a.Len()
	var srcFam, dstFam int
	for {
		w := a.Peek()
		switch w {
		case "src", "dst":
			if err := nextArg(a); err != nil {
				return err
			}
			p, err := ps.prefix(a.Peek())
			if err != nil {
				return err
			}
			if p.Family == unix.AF_UNSPEC {
				return cmdline.InvalidArg("value after \""+w+"\" has an unrecognized address family", a.Peek())
			}
			if family != nil {
				*family = uint16(p.Family)
			}
			if w == "src" {
				srcFam = p.Family
				*saddr = xfrm.Address(p.Data)
				ps.filter.idSrcMask = uint8(p.BitLen)
			} else {
				dstFam = p.Family
				id.Daddr = xfrm.Address(p.Data)
				ps.filter.idDstMask = uint8(p.BitLen)
			}
		case "proto":
			if err := nextArg(a); err != nil {
				return err
			}
			p, ok := xfrm.ProtoByName(a.Peek())
			if !ok {
				return cmdline.InvalidArg("XFRM-PROTO value is invalid", a.Peek())
			}
			id.Proto = p
			ps.filter.idProtoMask = true
		case "spi":
			if err := nextArg(a); err != nil {
				return err
			}
			v, ok := cnum.Uint32(a.Peek(), 0)
			if !ok {
				return cmdline.InvalidArg("SPI value is invalid", a.Peek())
			}
			id.SPI = v
			ps.filter.idSPIMask = true
		default:
			a.Back()
			goto done
		}
		if !nextArgOK(a) {
			break
		}
		a.Next()
	}
done:
	if srcFam != 0 && dstFam != 0 && srcFam != dstFam {
		return cmdline.InvalidArg("the same address family is required between values after \"src\" and \"dst\"", a.Peek())
	}
	if id.SPI != 0 && id.Proto != 0 {
		if xfrm.IsRouteOptimization(id.Proto) {
			return failed("\"spi\" is invalid with XFRM-PROTO value \"%s\"", xfrm.ProtoName(id.Proto))
		}
		if id.Proto == xfrm.ProtoComp && id.SPI >= 0x10000 {
			return failed("SPI value is too large with XFRM-PROTO value \"%s\"", xfrm.ProtoName(id.Proto))
		}
	}
	if !loose && id.Proto == 0 {
		return missArg("XFRM-PROTO")
	}
	if a.Len() == start {
		return missArg("ID")
	}
	return nil
}

// parseMode is xfrm_mode_parse on the current word.
func parseMode(a *cmdline.Args) (uint8, error) {
	m, ok := xfrm.ModeByWord(a.Peek())
	if !ok {
		return 0, cmdline.InvalidArg("MODE value is invalid", a.Peek())
	}
	return m, nil
}

// parseReqid is xfrm_reqid_parse on the current word.
func parseReqid(a *cmdline.Args) (uint32, error) {
	v, ok := cnum.Uint32(a.Peek(), 0)
	if !ok {
		return 0, cmdline.InvalidArg("REQID value is invalid", a.Peek())
	}
	return v, nil
}

// parseMark is xfrm_parse_mark, entered on "mark": MARK [ mask MASK ].
func parseMark(a *cmdline.Args) (xfrm.Mark, error) {
	var m xfrm.Mark
	if err := nextArg(a); err != nil {
		return m, err
	}
	v, ok := cnum.Uint32(a.Peek(), 0)
	if !ok {
		return m, cmdline.InvalidArg("MARK value is invalid\n", a.Peek())
	}
	m.V, m.M = v, 0xffffffff
	if a.Len() <= 1 {
		return m, nil
	}
	a.Next()
	if a.Peek() != "mask" {
		a.Back()
		return m, nil
	}
	if err := nextArg(a); err != nil {
		return m, err
	}
	if m.M, ok = cnum.Uint32(a.Peek(), 0); !ok {
		return m, cmdline.InvalidArg("MASK value is invalid\n", a.Peek())
	}
	return m, nil
}

// protoName is strxf_proto: the /etc/protocols name of p, or its number.
func protoName(p uint8) string {
	if n, ok := cnum.ProtoByNumber(p); ok {
		return n
	}
	return strconv.Itoa(int(p))
}

// parseUpspec is xfrm_selector_upspec_parse: proto, sport, dport, type,
// code and key.
func (ps *parser) parseUpspec(a *cmdline.Args, sel *xfrm.Selector) error {
	start := a.Len()
	var ports, typeCode, key bool
	for {
		w := a.Peek()
		switch w {
		case "proto":
			if err := nextArg(a); err != nil {
				return err
			}
			v := a.Peek()
			var p uint8
			if v != "any" {
				if n, ok := cnum.ProtoByName(v); ok {
					p = n
				} else if n, ok := cnum.Uint(v, 0, math.MaxUint8); ok {
					p = uint8(n)
				} else {
					return cmdline.InvalidArg("PROTO value is invalid", v)
				}
			}
			sel.Proto = p
			ps.filter.upspecProtoMask = true
		case "sport", "dport":
			ports = true
			if err := nextArg(a); err != nil {
				return err
			}
			v, ok := cnum.Uint(a.Peek(), 0, math.MaxUint16)
			if !ok {
				return cmdline.InvalidArg("value after \""+w+"\" is invalid", a.Peek())
			}
			if w == "sport" {
				sel.Sport = uint16(v)
				if v != 0 {
					sel.SportMask = 0xffff
				}
				ps.filter.upspecSportMask = true
			} else {
				sel.Dport = uint16(v)
				if v != 0 {
					sel.DportMask = 0xffff
				}
				ps.filter.upspecDportMask = true
			}
		case "type", "code":
			typeCode = true
			if err := nextArg(a); err != nil {
				return err
			}
			v, ok := cnum.Uint(a.Peek(), 0, math.MaxUint16)
			if !ok || v&^0xff != 0 {
				return cmdline.InvalidArg("value after \""+w+"\" is invalid", a.Peek())
			}
			if w == "type" {
				sel.Sport, sel.SportMask = uint16(v), 0xffff
				ps.filter.upspecSportMask = true
			} else {
				sel.Dport, sel.DportMask = uint16(v), 0xffff
				ps.filter.upspecDportMask = true
			}
		case "key":
			key = true
			if err := nextArg(a); err != nil {
				return err
			}
			v := a.Peek()
			var u uint32
			if strings.IndexByte(v, '.') >= 0 {
				p, ok := cnum.ParseAddr(v, unix.AF_INET)
				if !ok || p.Family != unix.AF_INET {
					return failed("Error: an IP address is expected rather than \"%s\"", v)
				}
				u = uint32(p.Data[0])<<24 | uint32(p.Data[1])<<16 | uint32(p.Data[2])<<8 | uint32(p.Data[3])
			} else {
				n, ok := cnum.Uint32(v, 0)
				if !ok {
					return cmdline.Fatal(cmdline.StatusUsage, "value after \"key\" is invalid")
				}
				u = n
			}
			sel.Sport, sel.Dport = uint16(u>>16), uint16(u)
			sel.SportMask, sel.DportMask = 0xffff, 0xffff
			ps.filter.upspecDportMask = true
		default:
			a.Back()
			goto done
		}
		if !nextArgOK(a) {
			break
		}
		a.Next()
	}
done:
	if a.Len() == start {
		return missArg("UPSPEC")
	}
	if ports {
		switch sel.Proto {
		case unix.IPPROTO_TCP, unix.IPPROTO_UDP, unix.IPPROTO_SCTP, unix.IPPROTO_DCCP, unix.IPPROTO_IP:
		default:
			return failed("\"sport\" and \"dport\" are invalid with PROTO value \"%s\"", protoName(sel.Proto))
		}
	}
	if typeCode {
		switch sel.Proto {
		case unix.IPPROTO_ICMP, unix.IPPROTO_ICMPV6, ipprotoMH:
		default:
			return failed("\"type\" and \"code\" are invalid with PROTO value \"%s\"", protoName(sel.Proto))
		}
	}
	if key && sel.Proto != unix.IPPROTO_GRE {
		return failed("\"key\" is invalid with PROTO value \"%s\"", protoName(sel.Proto))
	}
	return nil
}

// ipprotoMH is IPPROTO_MH, Mobile IPv6's mobility header.
const ipprotoMH = 135

// parseSelector is xfrm_selector_parse: [ src ADDR[/PLEN] ] [ dst
// ADDR[/PLEN] ] [ dev DEV ] [ UPSPEC ].
func (ps *parser) parseSelector(a *cmdline.Args, sel *xfrm.Selector) error {
	start := a.Len()
	var srcFam, dstFam int
	upspec := false
	for {
		w := a.Peek()
		switch w {
		case "src", "dst":
			if err := nextArg(a); err != nil {
				return err
			}
			p, err := ps.prefix(a.Peek())
			if err != nil {
				return err
			}
			if p.Family == unix.AF_UNSPEC {
				return cmdline.InvalidArg("value after \""+w+"\" has an unrecognized address family", a.Peek())
			}
			sel.Family = uint16(p.Family)
			if w == "src" {
				srcFam = p.Family
				sel.Saddr, sel.PrefixLenS = xfrm.Address(p.Data), uint8(p.BitLen)
				ps.filter.selSrcMask = uint8(p.BitLen)
			} else {
				dstFam = p.Family
				sel.Daddr, sel.PrefixLenD = xfrm.Address(p.Data), uint8(p.BitLen)
				ps.filter.selDstMask = uint8(p.BitLen)
			}
		case "dev":
			if err := nextArg(a); err != nil {
				return err
			}
			var idx int32
			if a.Peek() != "none" {
				i, err := ps.index(a.Peek())
				if err != nil {
					return err
				}
				if i <= 0 {
					return cmdline.InvalidArg("DEV value is invalid", a.Peek())
				}
				idx = i
			}
			sel.Ifindex = idx
			ps.filter.selDevMask = true
		default:
			if upspec {
				a.Back()
				goto done
			}
			upspec = true
			if err := ps.parseUpspec(a, sel); err != nil {
				return err
			}
		}
		if !nextArgOK(a) {
			break
		}
		a.Next()
	}
done:
	if srcFam != 0 && dstFam != 0 && srcFam != dstFam {
		return cmdline.InvalidArg("the same address family is required between values after \"src\" and \"dst\"", a.Peek())
	}
	if a.Len() == start {
		return missArg("SELECTOR")
	}
	return nil
}

// parseLimit is xfrm_lifetime_cfg_parse, entered on the word after
// "limit".
func parseLimit(a *cmdline.Args, l *xfrm.LifetimeCfg) error {
	fields := map[string]*uint64{
		"time-soft": &l.SoftAddExpiresSeconds, "time-hard": &l.HardAddExpiresSeconds,
		"time-use-soft": &l.SoftUseExpiresSeconds, "time-use-hard": &l.HardUseExpiresSeconds,
		"byte-soft": &l.SoftByteLimit, "byte-hard": &l.HardByteLimit,
		"packet-soft": &l.SoftPacketLimit, "packet-hard": &l.HardPacketLimit,
	}
	w := a.Peek()
	f, ok := fields[w]
	if !ok {
		return cmdline.InvalidArg("LIMIT value is invalid", w)
	}
	if err := nextArg(a); err != nil {
		return err
	}
	v, ok := cnum.Uint(a.Peek(), 0, math.MaxUint64)
	if !ok {
		return cmdline.InvalidArg("value after \""+w+"\" is invalid", a.Peek())
	}
	*f = v
	return nil
}

// parseFlags reads a FLAG-LIST from the current word on: one hex
// number "0x…" of at most max, or words of table (as many as follow).
func parseFlags(a *cmdline.Args, table []xfrm.Flag, max uint64, invalid string, flags *uint32) error {
	w := a.Peek()
	if len(w) > 2 && strings.HasPrefix(w, "0x") {
		v, ok := cnum.Uint(w, 16, max)
		if !ok {
			return cmdline.InvalidArg(invalid, w)
		}
		*flags = uint32(v)
		return nil
	}
	for {
		found := false
		for _, f := range table {
			if a.Peek() == f.Name {
				*flags |= f.Bit
				found = true
				break
			}
		}
		if !found {
			a.Back()
			return nil
		}
		if !nextArgOK(a) {
			return nil
		}
		a.Next()
	}
}

// parseDir is xfrm_policy_dir_parse on the current word.
func parseDir(a *cmdline.Args) (uint8, error) {
	switch a.Peek() {
	case "in":
		return xfrm.DirIn, nil
	case "out":
		return xfrm.DirOut, nil
	case "fwd":
		return xfrm.DirFwd, nil
	}
	return 0, cmdline.InvalidArg("DIR value is invalid", a.Peek())
}

// parsePtype is xfrm_policy_ptype_parse on the current word.
func parsePtype(a *cmdline.Args) (uint8, error) {
	switch a.Peek() {
	case "main":
		return xfrm.TypeMain, nil
	case "sub":
		return xfrm.TypeSub, nil
	}
	return 0, cmdline.InvalidArg("PTYPE value is invalid", a.Peek())
}

// parseAction reads allow or block.
func parseAction(a *cmdline.Args) (uint8, error) {
	switch a.Peek() {
	case "allow":
		return xfrm.ActionAllow, nil
	case "block":
		return xfrm.ActionBlock, nil
	}
	return 0, cmdline.InvalidArg("ACTION value is invalid\n", a.Peek())
}

// u32Value reads the current word as get_u32 (base 0), or fails with
// invarg(msg).
func u32Value(a *cmdline.Args, msg string) (uint32, error) {
	v, ok := cnum.Uint32(a.Peek(), 0)
	if !ok {
		return 0, cmdline.InvalidArg(msg, a.Peek())
	}
	return v, nil
}
