package iplink

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/stats"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// RTM_GETSTATS attributes and the bridge's extended statistics
// (linux/if_link.h, linux/if_bridge.h), which x/sys/unix does not name.
const (
	statsLinkXstats      = unix.IFLA_STATS_LINK_XSTATS
	statsLinkXstatsSlave = unix.IFLA_STATS_LINK_XSTATS_SLAVE
	statsAFSpec          = unix.IFLA_STATS_AF_SPEC
	xstatsTypeBridge     = 1 // LINK_XSTATS_TYPE_BRIDGE
	bridgeXstatsMcast    = 2 // BRIDGE_XSTATS_MCAST
	bridgeXstatsSTP      = 4 // BRIDGE_XSTATS_STP
	afMPLS               = 28
	mplsStatsLink        = 1 // MPLS_STATS_LINK
)

// xstatsFilter is what the words after `xstats type TYPE` select.
type xstatsFilter struct {
	kind   string
	index  int32  // only this link (dev DEV), 0 for all
	attr   uint16 // only this BRIDGE_XSTATS_* group, 0 for all
	stats  uint32 // the IFLA_STATS_* the dump asks for
	bridge bool   // a bridge type (else bond: nothing this kernel has to print)
}

// xstats is `ip link xstats type TYPE [ARGS]` (iplink_ifla_xstats): the
// kind's extended statistics from an RTM_GETSTATS dump.
func xstats(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return cmdline.Exit(cmdline.StatusFailed, "xstats: missing argument")
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	f, err := parseXstats(args, func(name string) int32 { return indexOrZero(env, name) }, env.P.Writer())
	if err != nil || f == nil {
		return err
	}
	names := env.LinkNames()
	defer names.Close()
	env.P.Begin()
	err = c.Dump(stats.MsgGet, stats.Filter{Mask: f.stats}.Body(0), func(m netlink.Message) error {
		idx, tb, ok := parseStatsMsg(m.Data)
		if !ok || (f.index != 0 && idx != f.index) || !f.bridge {
			return nil
		}
		for _, typ := range []uint16{statsLinkXstats, statsLinkXstatsSlave} {
			if b, ok := tb[typ]; ok {
				printBridgeXstats(env.P, names.Name(uint32(idx)), b, f.attr)
			}
		}
		return nil
	})
	if err != nil {
		env.P.End()
		return err
	}
	env.P.End()
	return nil
}

// parseXstats reads the words of `ip link xstats`. It returns nil and no
// error when it printed help and the command is done.
func parseXstats(a *cmdline.Args, index func(string) int32, stdout interface{ WriteString(string) (int, error) }) (*xstatsFilter, error) {
	switch w := a.Next(); {
	case cmdline.Matches(w, "type"):
	case cmdline.Matches(w, "help"):
		stdout.WriteString("Usage: ... xstats type TYPE [ ARGS ]\n")
		return nil, nil
	default:
		return nil, cmdline.InvalidArg("unknown argument", w)
	}
	kind, err := a.Value()
	if err != nil {
		return nil, err
	}
	if !link.IsIProute2Kind(kind) {
		return nil, cmdline.InvalidArg("invalid type", kind)
	}
	f := &xstatsFilter{kind: kind, stats: 1 << (statsLinkXstats - 1)}
	switch kind {
	case "bridge", "bridge_slave":
		f.bridge = true
	case "bond", "bond_slave":
	default:
		return nil, cmdline.Exit(cmdline.StatusFailed, "xstats: link type %s doesn't support xstats", kind)
	}
	if strings.Contains(kind, "_slave") {
		f.stats = 1 << (statsLinkXstatsSlave - 1)
	}
	for a.More() {
		w := a.Next()
		switch {
		case f.bridge && (w == "igmp" || w == "mcast"):
			f.attr = bridgeXstatsMcast
		case f.bridge && w == "stp":
			f.attr = bridgeXstatsSTP
		case !f.bridge && (w == "lacp" || w == "802.3ad"):
		case w == "dev":
			v, err := a.Value()
			if err != nil {
				return nil, err
			}
			if f.index = index(v); f.index == 0 {
				return nil, cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", v)
			}
		case w == "help":
			if f.bridge {
				stdout.WriteString("Usage: ... " + kind + " [ igmp ] [ dev DEVICE ]\n")
			} else {
				stdout.WriteString("Usage: ... " + kind + " [ 802.3ad ] [ dev DEVICE ]\n")
			}
			return nil, cmdline.Exited(cmdline.StatusOK)
		default:
			return nil, cmdline.InvalidArg("unknown attribute", w)
		}
	}
	return f, nil
}

// parseStatsMsg splits an RTM_NEWSTATS message into its ifindex and its
// top-level attributes.
func parseStatsMsg(b []byte) (int32, link.AttrTable, bool) {
	if len(b) < 12 {
		return 0, nil, false
	}
	return int32(binary.NativeEndian.Uint32(b[4:8])), link.ParseAttrTable(b[12:]), true
}

// printBridgeXstats is iproute2's bridge_print_stats_attr for one link.
func printBridgeXstats(p *format.Printer, ifname string, xs []byte, only uint16) {
	list, ok := link.ParseAttrTable(xs)[xstatsTypeBridge]
	if !ok {
		return
	}
	p.OpenObject("")
	p.String(format.Any, "ifname", "%-16s\n", ifname)
	ad, err := rtnl.Decoder(list)
	if err == nil {
		for ad.Next() {
			if only != 0 && ad.Type() != only {
				continue
			}
			switch ad.Type() {
			case bridgeXstatsMcast:
				printBridgeMcastStats(p, ad.Bytes())
			case bridgeXstatsSTP:
				printBridgeSTPStats(p, ad.Bytes())
			}
		}
	}
	p.CloseObject()
}

// u64s reads a struct of __u64 fields.
func u64s(b []byte, n int) []uint64 {
	v := make([]uint64, n)
	for i := range v {
		if len(b) >= 8*(i+1) {
			v[i] = binary.NativeEndian.Uint64(b[8*i:])
		}
	}
	return v
}

const xstatsIndent = "                    " // "%-16s    " of ""

// printVersions prints the RX and TX lines of one group of struct
// br_mcast_stats, one value per protocol version.
func printVersions(p *format.Printer, title string, rx, tx []uint64) {
	p.OpenObject(title)
	keys := []string{"v1", "v2", "v3"}
	for d, vals := range [][]uint64{rx, tx} {
		dir := []string{"rx", "tx"}[d]
		p.Text(xstatsIndent + "  ")
		for i, v := range vals {
			f := keys[i] + " %llu "
			if i == 0 {
				f = strings.ToUpper(dir) + ": " + f
			}
			if i == len(vals)-1 {
				f = f[:len(f)-1] + "\n"
			}
			p.Uint(format.Any, dir+"_"+keys[i], f, v)
		}
	}
	p.CloseObject()
}

// printBridgeMcastStats is bridge_print_stats_mcast (struct br_mcast_stats).
func printBridgeMcastStats(p *format.Printer, b []byte) {
	s := u64s(b, 27)
	dir := func(i int) (rx, tx uint64) { return s[i], s[i+1] }
	// igmp_v1..v3 queries at 0,2,4; leaves 6; v1..v3 reports 8,10,12;
	// parse errors 14; mld v1,v2 queries 15,17; leaves 19; v1,v2 reports
	// 21,23; parse errors 25.
	p.OpenObject("multicast")
	section := func(key, title string, idx ...int) {
		p.Text(xstatsIndent + title + ":\n")
		var rx, tx []uint64
		for _, i := range idx {
			r, t := dir(i)
			rx, tx = append(rx, r), append(tx, t)
		}
		printVersions(p, key, rx, tx)
	}
	leaves := func(key, title string, i int) {
		p.OpenObject(key)
		p.Text(xstatsIndent + title + ": ")
		r, t := dir(i)
		p.Uint(format.Any, "rx", "RX: %llu ", r)
		p.Uint(format.Any, "tx", "TX: %llu\n", t)
		p.CloseObject()
	}
	section("igmp_queries", "IGMP queries", 0, 2, 4)
	section("igmp_reports", "IGMP reports", 8, 10, 12)
	leaves("igmp_leaves", "IGMP leaves", 6)
	p.Text(xstatsIndent + "IGMP parse errors: ")
	p.Uint(format.Any, "igmp_parse_errors", "%llu\n", s[14])
	section("mld_queries", "MLD queries", 15, 17)
	section("mld_reports", "MLD reports", 21, 23)
	leaves("mld_leaves", "MLD leaves", 19)
	p.Text(xstatsIndent + "MLD parse errors: ")
	p.Uint(format.Any, "mld_parse_errors", "%llu\n", s[25])
	p.CloseObject()
}

// printBridgeSTPStats is bridge_print_stats_stp (struct bridge_stp_xstats).
func printBridgeSTPStats(p *format.Printer, b []byte) {
	s := u64s(b, 6)
	p.OpenObject("stp")
	p.Text(xstatsIndent + "STP BPDU:  ")
	p.Uint(format.Any, "rx_bpdu", "RX: %llu ", s[2])
	p.Uint(format.Any, "tx_bpdu", "TX: %llu\n", s[3])
	p.Text(xstatsIndent + "STP TCN:   ")
	p.Uint(format.Any, "rx_tcn", "RX: %llu ", s[4])
	p.Uint(format.Any, "tx_tcn", "TX: %llu\n", s[5])
	p.Text(xstatsIndent + "STP Transitions: ")
	p.Uint(format.Any, "transition_blk", "Blocked: %llu ", s[0])
	p.Uint(format.Any, "transition_fwd", "Forwarding: %llu\n", s[1])
	p.CloseObject()
}

// afstats is `ip link afstats [dev DEV]` (iplink_afstats): per-family
// statistics (only MPLS has any) from an RTM_GETSTATS dump. Like iproute2
// it succeeds even when the device does not exist.
func afstats(env *cli.Env, args *cmdline.Args) error {
	var dev *string
	for args.More() {
		w := args.Next()
		switch {
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if dev != nil {
				return cmdline.Duplicate2("dev", v)
			}
			dev = &v
		case cmdline.Matches(w, "help"):
			return usage(env)
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip link help\".", w)
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	var index int32
	if dev != nil {
		if index = indexOrZero(env, *dev); index <= 0 {
			env.Warnf("Device \"%s\" does not exist.\n", *dev)
			return nil
		}
	}
	names := env.LinkNames()
	defer names.Close()
	env.P.Begin()
	err = c.Dump(stats.MsgGet, stats.Filter{Mask: 1 << (statsAFSpec - 1)}.Body(0), func(m netlink.Message) error {
		idx, tb, ok := parseStatsMsg(m.Data)
		if !ok || (index != 0 && idx != index) {
			return nil
		}
		if b, ok := tb[statsAFSpec]; ok {
			printAFStats(env, names, idx, b)
		}
		return nil
	})
	if err != nil {
		env.Warnf("Dump terminated\n")
		return nil
	}
	env.P.End()
	return nil
}

// printAFStats is print_af_stats_attr for one link.
func printAFStats(env *cli.Env, names *link.Names, idx int32, b []byte) {
	p := env.P
	ad, err := rtnl.Decoder(b)
	if err != nil {
		return
	}
	printed := false
	for ad.Next() {
		if env.Opts.Family != unix.AF_UNSPEC && int(ad.Type()) != env.Opts.Family {
			continue
		}
		if !printed {
			p.Uint(format.Any, "ifindex", "%u:", uint64(idx))
			p.ColorString(format.Any, format.Ifname, "ifname", "%s", names.Name(uint32(idx)))
			p.NL()
			printed = true
		}
		if ad.Type() != afMPLS {
			env.Warnf("    unknown af(%d)\n", ad.Type())
			continue
		}
		link, ok := link.ParseAttrTable(ad.Bytes())[mplsStatsLink]
		if !ok {
			continue
		}
		p.Text("    mpls:")
		p.NL()
		printMPLSStats(p, u64s(link, 9), "        ")
		p.Text("\n")
	}
}

// printMPLSStats is print_mpls_link_stats (struct mpls_link_stats: rx
// packets, tx packets, rx bytes, tx bytes, rx errors, tx errors, rx
// dropped, tx dropped, rx noroute).
func printMPLSStats(p *format.Printer, s []uint64, indent string) {
	rxB, rxP, rxE, rxD, rxN := s[2], s[0], s[4], s[6], s[8]
	txB, txP, txE, txD := s[3], s[1], s[5], s[7]
	if p.IsJSON() {
		p.OpenObject("rx")
		for i, k := range []string{"bytes", "packets", "errors", "dropped", "noroute"} {
			p.Uint(format.JSON, k, "", []uint64{rxB, rxP, rxE, rxD, rxN}[i])
		}
		p.CloseObject()
		p.OpenObject("tx")
		for i, k := range []string{"bytes", "packets", "errors", "dropped"} {
			p.Uint(format.JSON, k, "", []uint64{txB, txP, txE, txD}[i])
		}
		p.CloseObject()
		return
	}
	cols := []int{len("*X: bytes"), len("packets"), len("errors"), len("dropped"), len("noroute")}
	size := func(vals ...uint64) {
		for i, v := range vals {
			if n := len(fmt.Sprint(v)); n > cols[i] {
				cols[i] = n
			}
		}
	}
	size(rxB, rxP, rxE, rxD, rxN)
	size(txB, txP, txE, txD, 0)
	eol := p.NewlineToken()
	p.Text(fmt.Sprintf("%sRX: %*s %*s %*s %*s %*s%s", indent, cols[0]-4, "bytes", cols[1], "packets",
		cols[2], "errors", cols[3], "dropped", cols[4], "noroute", eol))
	p.Text(indent)
	for i, v := range []uint64{rxB, rxP, rxE, rxD, rxN} {
		p.Text(fmt.Sprintf("%*d ", cols[i], v))
	}
	p.NL()
	p.Text(fmt.Sprintf("%sTX: %*s %*s %*s %*s%s", indent, cols[0]-4, "bytes", cols[1], "packets",
		cols[2], "errors", cols[3], "dropped", eol))
	p.Text(indent)
	for i, v := range []uint64{txB, txP, txE, txD} {
		p.Text(fmt.Sprintf("%*d ", cols[i], v))
	}
}
