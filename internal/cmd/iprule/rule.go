// Package iprule is the `ip rule` and `ip mrule` command lines: their
// words, output and errors as iproute2's, over the rule package.
package iprule

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/rule"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// ruleDumpMagic opens a stream written by `ip rule save` (native order).
const ruleDumpMagic = 0x71706986

// rtnNAT is RTN_NAT, the action of the deprecated "nat" rules.
const rtnNAT = 10

// Run is the `ip rule` command. Verbs are tried in iproute2's order,
// which decides abbreviations.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return ruleList(env, args, ruleShow)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("list") || m("lst") || m("show"):
		return ruleList(env, args, ruleShow)
	case m("save"):
		return ruleList(env, args, ruleSave)
	case m("restore"):
		return ruleRestore(env)
	case m("add"):
		return ruleModify(env, unix.RTM_NEWRULE, args)
	case m("delete"):
		return ruleModify(env, unix.RTM_DELRULE, args)
	case m("flush"):
		return ruleList(env, args, ruleFlush)
	case m("help"):
		return ruleUsage(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip rule help\".", w)
}

// RunMRule is `ip mrule`: `ip rule` on the multicast routing rules, whose
// families stand for IPv4 and IPv6.
func RunMRule(env *cli.Env, args *cmdline.Args) error {
	switch env.Opts.Family {
	case unix.AF_UNSPEC, unix.AF_INET:
		env.Opts.Family = route.FamilyIPMR
	case unix.AF_INET6:
		env.Opts.Family = route.FamilyIP6MR
	case route.FamilyIPMR, route.FamilyIP6MR:
	default:
		return cmdline.Fatal(cmdline.StatusUsage, "Multicast rules are only supported for IPv4/IPv6, was: %d", env.Opts.Family)
	}
	return Run(env, args)
}

// ruleUsage prints iproute2's summary of `ip rule` and fails with 255.
func ruleUsage(env *cli.Env) error {
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip rule { add | del } SELECTOR ACTION
       ip rule { flush | save | restore }
       ip rule [ list [ SELECTOR ]]
SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]
            [ fwmark FWMARK[/MASK] ]
            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]
            [ uidrange NUMBER-NUMBER ]
            [ ipproto PROTOCOL ]
            [ sport [ NUMBER | NUMBER-NUMBER ]
            [ dport [ NUMBER | NUMBER-NUMBER ] ]
ACTION := [ table TABLE_ID ]
          [ protocol PROTO ]
          [ nat ADDRESS ]
          [ realms [SRCREALM/]DSTREALM ]
          [ goto NUMBER ]
          SUPPRESSOR
SUPPRESSOR := [ suppress_prefixlength NUMBER ]
              [ suppress_ifgroup DEVGROUP ]
TABLE_ID := [ local | main | default | NUMBER ]
`)
	return cmdline.Usage()
}

// errRuleUsage asks for the usage text (a "help" where a type goes).
var errRuleUsage = errors.New("usage")

// scanRange reads "A-B" as sscanf's "%u-%u" does (bits wide each): n is
// how many numbers it read.
func scanRange(s string, bits uint) (start, end uint32, n int) {
	num := func() (uint32, bool) {
		v, rest, ok := cnum.ScanUint(s, 10)
		s = rest
		return uint32(v & (1<<bits - 1)), ok
	}
	var ok bool
	if start, ok = num(); !ok {
		return 0, 0, 0
	}
	if !strings.HasPrefix(s, "-") {
		return start, 0, 1
	}
	s = s[1:]
	if end, ok = num(); !ok {
		return start, 0, 1
	}
	return start, end, 2
}

// portRange is the "sport"/"dport" value: a port or a range.
func portRange(v, msg string) ([]byte, error) {
	start, end, n := scanRange(v, 16)
	switch n {
	case 1:
		end = start
	case 2:
	default:
		return nil, cmdline.InvalidArg(msg, v)
	}
	b := make([]byte, 4)
	binary.NativeEndian.PutUint16(b, uint16(start))
	binary.NativeEndian.PutUint16(b[2:], uint16(end))
	return b, nil
}

// uidRange is the "uidrange" value: two numbers.
func uidRange(v string) ([]byte, error) {
	start, end, n := scanRange(v, 32)
	if n != 2 {
		return nil, cmdline.InvalidArg("invalid UID range\n", v)
	}
	b := make([]byte, 8)
	binary.NativeEndian.PutUint32(b, start)
	binary.NativeEndian.PutUint32(b[4:], end)
	return b, nil
}

// fwmarkValue splits "MARK[/MASK]" as iproute2 does, mask 0 and hasMask
// false when there is no slash.
func fwmarkValue(v string) (mark, mask uint32, hasMask bool, err error) {
	markText, maskText, hasMask := strings.Cut(v, "/")
	var ok bool
	if mark, ok = cnum.Uint32(markText, 0); !ok {
		return 0, 0, false, cmdline.InvalidArg("fwmark value is invalid\n", markText)
	}
	if hasMask {
		if mask, ok = cnum.Uint32(maskText, 0); !ok {
			return 0, 0, false, cmdline.InvalidArg("fwmask value is invalid\n", maskText)
		}
	}
	return mark, mask, hasMask, nil
}

// ifnameOK is check_ifname: a name the kernel would take.
func ifnameOK(s string) bool {
	return s != "" && len(s) < unix.IFNAMSIZ && !strings.ContainsAny(s, "/ \t\n\v\f\r")
}

// parseIPProto is inet_proto_a2n: a decimal number up to 255 or a name
// from /etc/protocols.
func parseIPProto(s string) (uint8, bool) {
	if v, ok := cnum.Uint(s, 10, 255); ok {
		return uint8(v), true
	}
	return cnum.ProtoByName(s)
}

// ruleModify is add and delete.
func ruleModify(env *cli.Env, cmd uint16, args *cmdline.Args) error {
	body, err := ruleRequest(env, cmd, args)
	if err != nil {
		if errors.Is(err, errRuleUsage) {
			return ruleUsage(env)
		}
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	var flags netlink.HeaderFlags
	if cmd == unix.RTM_NEWRULE {
		flags = rtnl.Create | rtnl.Excl
	}
	if env.Opts.Echo {
		return ruleEcho(env, c, cmd, flags, body)
	}
	// iproute2 returns -2 here (it does not exit), so under -batch a
	// refused rule is "Command failed" and ends ip with 1.
	if err := c.Exec(netlink.HeaderType(cmd), flags, body); err != nil {
		return cmdline.Exit(cmdline.StatusRefused, "%s", err)
	}
	return nil
}

// ruleRequest reads the words of add/delete into a struct fib_rule_hdr and
// its attributes, in iproute2's order (attributes go out as they are read).
func ruleRequest(env *cli.Env, cmd uint16, args *cmdline.Args) ([]byte, error) {
	family := env.Opts.Family
	var (
		dstLen, srcLen, tos, table uint8
		action                     uint8
		flags                      uint32
		tableOK, l3mdevRule        bool
		tableID                    uint32
	)
	if cmd == unix.RTM_NEWRULE {
		if !args.More() {
			return nil, cmdline.Exit(cmdline.StatusFailed, "\"ip rule add\" requires arguments.")
		}
		action = unix.FR_ACT_TO_TBL
	} else if !args.More() {
		return nil, cmdline.Exit(cmdline.StatusFailed, "\"ip rule del\" requires arguments.")
	}
	ae := netlink.NewAttributeEncoder()
	for args.More() {
		w := args.Next()
		kw := ruleKeyword(w)
		var v string
		if kw != "" && kw != "not" && kw != "l3mdev" {
			var err error
			if v, err = args.Value(); err != nil {
				return nil, err
			}
		}
		switch kw {
		case "not":
			flags |= unix.FIB_RULE_INVERT
		case "from", "to":
			p, err := cnum.GetPrefix(v, family)
			if err != nil {
				return nil, err
			}
			attr := uint16(unix.FRA_SRC)
			if kw == "from" {
				srcLen = uint8(p.BitLen)
			} else {
				attr, dstLen = unix.FRA_DST, uint8(p.BitLen)
			}
			ae.Bytes(attr, p.Data[:p.ByteLen])
		case "preference":
			pref, ok := cnum.Uint32(v, 0)
			if !ok {
				return nil, cmdline.InvalidArg("preference value is invalid\n", v)
			}
			ae.Uint32(unix.FRA_PRIORITY, pref)
		case "tos":
			t, ok := route.ParseDSField(v)
			if !ok {
				return nil, cmdline.InvalidArg("TOS value is invalid\n", v)
			}
			tos = t
		case "fwmark":
			mark, mask, hasMask, err := fwmarkValue(v)
			if err != nil {
				return nil, err
			}
			ae.Uint32(unix.FRA_FWMARK, mark)
			if hasMask {
				ae.Uint32(unix.FRA_FWMASK, mask)
			}
		case "realms":
			realm, ok := route.ParseRealms(v)
			if !ok {
				return nil, cmdline.InvalidArg("invalid realms\n", v)
			}
			ae.Uint32(unix.FRA_FLOW, realm)
		case "protocol":
			p, ok := route.ParseProtocol(v)
			if !ok {
				return nil, cmdline.InvalidArg("\"protocol\" value is invalid\n", v)
			}
			ae.Uint8(unix.FRA_PROTOCOL, p)
		case "tun_id":
			id, ok := cnum.Uint(v, 0, math.MaxUint64)
			if !ok {
				return nil, cmdline.InvalidArg("\"tun_id\" value is invalid\n", v)
			}
			ae.Uint64(unix.FRA_TUN_ID, uint64ToBE(id))
		case "table":
			id, ok := route.ParseTable(v)
			if !ok {
				return nil, cmdline.InvalidArg("invalid table ID\n", v)
			}
			tableID = id
			if id < 256 {
				table = uint8(id)
			} else {
				table = unix.RT_TABLE_UNSPEC
				ae.Uint32(unix.FRA_TABLE, id)
			}
			tableOK = true
		case "suppress_prefixlength":
			pl, ok := cnum.Uint(v, 0, math.MaxInt32)
			if !ok {
				return nil, cmdline.InvalidArg("suppress_prefixlength value is invalid\n", v)
			}
			ae.Uint32(unix.FRA_SUPPRESS_PREFIXLEN, uint32(pl))
		case "suppress_ifgroup":
			g, ok := link.ParseGroup(v)
			if !ok {
				return nil, cmdline.InvalidArg("Invalid \"suppress_ifgroup\" value\n", v)
			}
			ae.Uint32(unix.FRA_SUPPRESS_IFGROUP, g)
		case "iif", "oif":
			attr, msg := uint16(unix.FRA_IIFNAME), "\"iif\"/\"dev\" not a valid ifname"
			if kw == "oif" {
				attr, msg = unix.FRA_OIFNAME, "\"oif\" not a valid ifname"
			}
			if !ifnameOK(v) {
				return nil, cmdline.InvalidArg(msg, v)
			}
			ae.Bytes(attr, append([]byte(v), 0))
		case "l3mdev":
			ae.Uint8(unix.FRA_L3MDEV, 1)
			tableOK, l3mdevRule = true, true
		case "uidrange":
			r, err := uidRange(v)
			if err != nil {
				return nil, err
			}
			ae.Bytes(unix.FRA_UID_RANGE, r)
		case "nat":
			env.P.Flush()
			fmt.Fprintln(env.Stderr, "Warning: route NAT is deprecated")
			a, ok := cnum.ParseAddr(v, unix.AF_INET)
			if !ok {
				return nil, cmdline.Fatal(cmdline.StatusFailed, "Error: an IP address is expected rather than \"%s\"", v)
			}
			ae.Bytes(unix.RTA_GATEWAY, a.Data[:4])
			action = rtnNAT
		case "ipproto":
			p, ok := parseIPProto(v)
			if !ok {
				return nil, cmdline.InvalidArg("Invalid \"ipproto\" value\n", v)
			}
			ae.Uint8(unix.FRA_IP_PROTO, p)
		case "sport", "dport":
			attr, msg := uint16(unix.FRA_SPORT_RANGE), "invalid port range\n"
			if kw == "dport" {
				attr, msg = unix.FRA_DPORT_RANGE, "invalid dport range\n"
			}
			r, err := portRange(v, msg)
			if err != nil {
				return nil, err
			}
			ae.Bytes(attr, r)
		default:
			var err error
			if action, err = ruleType(w, args, ae); err != nil {
				return nil, err
			}
			tableOK = true
		}
	}
	if l3mdevRule && tableID != 0 {
		return nil, cmdline.Exit(cmdline.StatusEINVAL, "table can not be specified for l3mdev rules")
	}
	if family == unix.AF_UNSPEC {
		family = unix.AF_INET
	}
	if !tableOK && cmd == unix.RTM_NEWRULE {
		table = unix.RT_TABLE_MAIN
	}
	attrs, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(rule.Header(uint8(family), dstLen, srcLen, tos, table, action, flags), attrs...), nil
}

// ruleKeyword names the add/delete keyword w stands for, tried in
// iproute2's order (which decides abbreviations); "" is a rule type word.
func ruleKeyword(w string) string {
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case w == "not" || w == "from" || w == "to":
		return w
	case m("preference") || m("order") || m("priority"):
		return "preference"
	case w == "tos" || m("dsfield"):
		return "tos"
	case w == "fwmark":
		return w
	case m("realms"):
		return "realms"
	case m("protocol"):
		return "protocol"
	case m("tun_id"):
		return "tun_id"
	case m("table") || w == "lookup":
		return "table"
	case m("suppress_prefixlength") || w == "sup_pl":
		return "suppress_prefixlength"
	case m("suppress_ifgroup") || w == "sup_group":
		return "suppress_ifgroup"
	case w == "dev" || w == "iif":
		return "iif"
	case w == "oif" || w == "l3mdev" || w == "uidrange":
		return w
	case w == "nat" || m("map-to"):
		return "nat"
	case w == "ipproto" || w == "sport" || w == "dport":
		return w
	}
	return ""
}

// ruleType reads a rule type: the word just read (after "type", the word
// that follows), "help", "goto TARGET", "nop" or a route type name.
func ruleType(w string, args *cmdline.Args, ae *netlink.AttributeEncoder) (uint8, error) {
	if w == "type" {
		var err error
		if w, err = args.Value(); err != nil {
			return 0, err
		}
	}
	switch {
	case cmdline.Matches(w, "help"):
		return 0, errRuleUsage
	case cmdline.Matches(w, "goto"):
		v, err := args.Value()
		if err != nil {
			return 0, err
		}
		target, ok := cnum.Uint32(v, 0)
		if !ok {
			return 0, cmdline.InvalidArg("invalid target\n", v)
		}
		ae.Uint32(unix.FRA_GOTO, target)
		return unix.FR_ACT_GOTO, nil
	case cmdline.Matches(w, "nop"):
		return unix.FR_ACT_NOP, nil
	}
	t, ok := route.ParseType(w)
	if !ok {
		return 0, cmdline.InvalidArg("Failed to parse rule type", w)
	}
	return t, nil
}

// uint64ToBE is htonll: the value laid out big-endian, as a native u64.
func uint64ToBE(v uint64) uint64 {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return binary.NativeEndian.Uint64(b[:])
}
