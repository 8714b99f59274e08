package link

import (
	"fmt"
	"io"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// macvlan and macvtap share their options and details.
var (
	macvlanKind = Kind{Name: "macvlan", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseMacvlan("macvlan")(p, a, ae)
	}, Print: printMacvlan,
		Help: func(w io.Writer) { usageHelp(w, func(p *Parser) error { return macvlanUsage(p, "macvlan", "") }) }}
	macvtapKind = Kind{Name: "macvtap", Parse: func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		return parseMacvlan("macvtap")(p, a, ae)
	}, Print: printMacvlan,
		Help: func(w io.Writer) { usageHelp(w, func(p *Parser) error { return macvlanUsage(p, "macvtap", "") }) }}
)

// MACVLAN_* values (linux/if_link.h).
const (
	macvlanModePrivate  = 1
	macvlanModeVEPA     = 2
	macvlanModeBridge   = 4
	macvlanModePassthru = 8
	macvlanModeSource   = 16

	macvlanFlagNoPromisc = 1
	macvlanFlagNoDst     = 2

	macvlanMacaddrAdd   = 0
	macvlanMacaddrDel   = 1
	macvlanMacaddrFlush = 2
	macvlanMacaddrSet   = 3
)

var macvlanModes = []struct {
	mode uint32
	name string
}{
	{macvlanModePrivate, "private"}, {macvlanModeVEPA, "vepa"}, {macvlanModeBridge, "bridge"},
	{macvlanModePassthru, "passthru"}, {macvlanModeSource, "source"},
}

func parseMacvlan(kind string) func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	return func(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
		var mode uint32
		var flags uint16
		hasFlags := false
		for a.More() {
			word := a.Next()
			m := func(kw string) bool { return cmdline.Matches(word, kw) }
			switch {
			case m("mode"):
				v, err := a.Value()
				if err != nil {
					return err
				}
				mode = 0
				for _, md := range macvlanModes {
					if v == md.name {
						mode = md.mode
					}
				}
				if mode == 0 {
					return cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"%s\"", v)
				}
			case m("flag"):
				v, err := a.Value()
				if err != nil {
					return err
				}
				switch v {
				case "nopromisc":
					flags |= macvlanFlagNoPromisc
				case "nodst":
					flags |= macvlanFlagNoDst
				case "null":
				default:
					return cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", not \"%s\"", v)
				}
				hasFlags = true
			case m("macaddr"):
				if err := parseMacaddr(p, kind, a, ae); err != nil {
					return err
				}
			case m("nopromisc"):
				flags |= macvlanFlagNoPromisc
				hasFlags = true
			case m("nodst"):
				flags |= macvlanFlagNoDst
				hasFlags = true
			case m("bcqueuelen"):
				v, err := a.Value()
				if err != nil {
					return err
				}
				n, ok := cnum.Uint(v, 0, 1<<32-1)
				if !ok {
					return cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"%s\"", v)
				}
				ae.Uint32(unix.IFLA_MACVLAN_BC_QUEUE_LEN, uint32(n))
			case m("help"):
				return macvlanUsage(p, kind, "")
			default:
				return macvlanUsage(p, kind, fmt.Sprintf("%s: unknown option \"%s\"?\n", kind, word))
			}
		}
		return encodeMacvlanMode(p, kind, ae, mode, flags, hasFlags)
	}
}

// encodeMacvlanMode ends a macvlan or macvtap request: the mode (0: none
// given) and the flags, when given. The word parser and the typed Macvlan
// spec both end through it.
func encodeMacvlanMode(p *Parser, kind string, ae *netlink.AttributeEncoder, mode uint32, flags uint16, hasFlags bool) error {
	if mode != 0 {
		ae.Uint32(unix.IFLA_MACVLAN_MODE, mode)
	}
	if hasFlags {
		if flags&macvlanFlagNoPromisc != 0 && mode != macvlanModePassthru {
			return macvlanUsage(p, kind, kind+": nopromisc flag only valid in passthru mode\n")
		}
		ae.Uint16(unix.IFLA_MACVLAN_FLAGS, flags)
	}
	return nil
}

// parseMacaddr reads `macaddr add|del MAC`, `macaddr set [MAC…]` and
// `macaddr flush` (source mode's allowed senders).
func parseMacaddr(p *Parser, kind string, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	v, err := a.Value()
	if err != nil {
		return err
	}
	op, ok := map[string]uint32{"add": macvlanMacaddrAdd, "del": macvlanMacaddrDel, "set": macvlanMacaddrSet, "flush": macvlanMacaddrFlush}[v]
	if !ok {
		return macvlanUsage(p, kind, "")
	}
	ae.Uint32(unix.IFLA_MACVLAN_MACADDR_MODE, op)
	switch op {
	case macvlanMacaddrAdd, macvlanMacaddrDel:
		v, err := a.Value()
		if err != nil {
			return err
		}
		mac, bad, err := llAddr(v, 6)
		if err != nil {
			return cmdline.Exit(cmdline.StatusFailed, "\"%s\" is invalid lladdr.", bad)
		}
		if len(mac) != 6 {
			return cmdline.Silent(cmdline.StatusFailed)
		}
		ae.Bytes(unix.IFLA_MACVLAN_MACADDR, mac)
	case macvlanMacaddrSet:
		return nest(ae, unix.IFLA_MACVLAN_MACADDR_DATA, func(list *netlink.AttributeEncoder) error {
			for a.More() {
				word := a.Peek()
				mac, bad, err := llAddr(word, 6)
				if err != nil || len(mac) != 6 {
					// iproute2 prints the parse error and goes on,
					// with the word cut at its first colon by
					// ll_addr_a2n: that is what the options read.
					if err != nil {
						fmt.Fprintf(p.Stderr, "\"%s\" is invalid lladdr.\n", bad)
					}
					if i := strings.IndexByte(word, ':'); i >= 0 && !strings.Contains(word, ".") {
						a.Replace(word[:i])
					}
					break
				}
				a.Next()
				list.Bytes(unix.IFLA_MACVLAN_MACADDR, mac)
			}
			return nil
		})
	}
	return nil
}

func macvlanUsage(p *Parser, kind, msg string) error {
	fmt.Fprint(p.Stderr, msg)
	fmt.Fprintf(p.Stderr, `Usage: ... %s mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]

MODE: private | vepa | bridge | passthru | source
MODE_FLAG: null | nopromisc | nodst
MODE_OPTS: for mode "source":
	macaddr { { add | del } <macaddr> | set [ <macaddr> ... ] | flush }
BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast, 0-4294967295
`, kind)
	return cmdline.Silent(cmdline.StatusFailed)
}

func printMacvlan(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if len(t[unix.IFLA_MACVLAN_MODE]) < 4 {
		return nil
	}
	mode := t.u32(unix.IFLA_MACVLAN_MODE)
	name := "unknown"
	for _, md := range macvlanModes {
		if md.mode == mode {
			name = md.name
		}
	}
	p.String(format.Any, "mode", "mode %s ", name)
	var flags uint16
	if len(t[unix.IFLA_MACVLAN_FLAGS]) >= 2 {
		flags = t.u16(unix.IFLA_MACVLAN_FLAGS)
	}
	if flags&macvlanFlagNoPromisc != 0 {
		p.Bool(format.Any, "nopromisc", "nopromisc ", true)
	}
	if flags&macvlanFlagNoDst != 0 {
		p.Bool(format.Any, "nodst", "nodst ", true)
	}
	if len(t[unix.IFLA_MACVLAN_BC_QUEUE_LEN]) >= 4 {
		p.Uint(format.Any, "bcqueuelen", "bcqueuelen %u ", uint64(t.u32(unix.IFLA_MACVLAN_BC_QUEUE_LEN)))
	}
	if len(t[unix.IFLA_MACVLAN_BC_QUEUE_LEN_USED]) >= 4 {
		p.Uint(format.Any, "usedbcqueuelen", "usedbcqueuelen %u ", uint64(t.u32(unix.IFLA_MACVLAN_BC_QUEUE_LEN_USED)))
	}
	if mode != macvlanModeSource || len(t[unix.IFLA_MACVLAN_MACADDR_COUNT]) < 4 {
		return nil
	}
	p.Int(format.Any, "macaddr_count", "remotes (%d) ", int64(int32(t.u32(unix.IFLA_MACVLAN_MACADDR_COUNT))))
	list, ok := t[unix.IFLA_MACVLAN_MACADDR_DATA]
	if !ok {
		return nil
	}
	p.OpenArray(format.JSON, "macaddr_data", "")
	ad, err := netlink.NewAttributeDecoder(list)
	for err == nil && ad.Next() {
		if mac := ad.Bytes(); ad.Type() == unix.IFLA_MACVLAN_MACADDR && len(mac) >= 6 {
			p.String(format.JSON, "", "", macString(mac[:6]))
			p.Text(macString(mac[:6]) + " ")
		}
	}
	p.CloseArray(format.JSON, "")
	return nil
}
