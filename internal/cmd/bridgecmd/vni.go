package bridgecmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// VXLAN VNI filter messages and attributes (linux/rtnetlink.h,
// linux/if_link.h).
const (
	rtmNewTunnel = 120
	rtmDelTunnel = 121
	rtmGetTunnel = 122

	tunnelMsgFlagStats = 1 // TUNNEL_MSG_FLAG_STATS
	sizeofTunnelMsg    = 8 // struct tunnel_msg: family, flags, 2 reserved, ifindex

	vniFilterEntry       = 1 // VXLAN_VNIFILTER_ENTRY
	vniFilterEntryStart  = 1 // VXLAN_VNIFILTER_ENTRY_START
	vniFilterEntryEnd    = 2
	vniFilterEntryGroup  = 3
	vniFilterEntryGroup6 = 4
	vniFilterEntryStats  = 5

	// VNIFILTER_ENTRY_STATS_*
	vniStatsRxBytes  = 1
	vniStatsRxPkts   = 2
	vniStatsRxDrops  = 3
	vniStatsRxErrors = 4
	vniStatsTxBytes  = 5
	vniStatsTxPkts   = 6
	vniStatsTxDrops  = 7
	vniStatsTxErrors = 8
)

func doVNI(env *cli.Env, args *cmdline.Args) error {
	// do_vni clears -timestamp for the rest of the process.
	env.Opts.Timestamp = 0
	if !args.More() {
		return vniShow(env, args)
	}
	// Whole words only: `bridge vni del` is unknown.
	switch w := args.Next(); w {
	case "add":
		return vniModify(env, args, rtmNewTunnel)
	case "delete":
		return vniModify(env, args, rtmDelTunnel)
	case "show", "lst", "list":
		return vniShow(env, args)
	case "help":
		return vniHelp(env)
	default:
		return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"bridge vni help\".", w)
	}
}

func vniHelp(env *cli.Env) error {
	env.P.Flush()
	vniUsage(env.Stderr)
	return cmdline.Usage()
}

// vniRequest is what `bridge vni add|delete` read.
type vniRequest struct {
	dev, vni       string
	hasDev, hasVNI bool
	group          *cnum.Prefix // group or remote, when given
	groupInet      bool         // an address, not default/any/all
}

var errUsageVNI = errors.New("usage")

// isMulticast is the inet_prefix multicast flag: 224/4 or ff00::/8.
func isMulticast(p cnum.Prefix) bool {
	switch p.Family {
	case unix.AF_INET:
		return p.Data[0]&0xf0 == 0xe0
	case unix.AF_INET6:
		return p.Data[0] == 0xff
	}
	return false
}

// parseVNIModify reads vni_modify's words: exact keywords, unknown words
// ignored, a group or remote given once.
func parseVNIModify(args *cmdline.Args) (*vniRequest, error) {
	r := &vniRequest{}
	for args.More() {
		w := args.Next()
		switch w {
		case "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			r.dev, r.hasDev = v, true
		case "vni":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if r.hasVNI {
				return nil, cmdline.InvalidArg("duplicate vni", v)
			}
			r.vni, r.hasVNI = v, true
		case "group", "remote":
			if r.group != nil {
				return nil, cmdline.InvalidArg("duplicate group", w)
			}
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			a, err := cnum.GetAddr(v, unix.AF_UNSPEC)
			if err != nil {
				return nil, err
			}
			inet := (a.Family == unix.AF_INET || a.Family == unix.AF_INET6) &&
				v != "default" && v != "any" && v != "all"
			if w == "group" && !(inet && isMulticast(a)) {
				return nil, cmdline.InvalidArg("invalid group address", v)
			}
			r.group, r.groupInet = &a, inet
		case "help":
			return nil, errUsageVNI
		}
	}
	if !r.hasDev || !r.hasVNI {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Device and VNI ID are required arguments.")
	}
	return r, nil
}

// vni_modify's request is a struct of the header, the tunnel_msg and 1024
// bytes; parse_vni_filter bounds each entry's nest by the struct's size but
// the attributes inside it by 1024 (counted from the header's start), so a
// long list ends in empty nests, each with addattr_l's complaint.
const (
	vniReqBound  = unix.NLMSG_HDRLEN + sizeofTunnelMsg + 1024
	vniAttrBound = 1024
)

// entries encodes parse_vni_filter: one VXLAN_VNIFILTER_ENTRY per
// comma-separated VNI or range (empty pieces skipped, as strtok does),
// each with the group. Attributes past iproute2's bounds are left out and
// warn is called with addattr_l's line for each.
func (r *vniRequest) entries(ae *netlink.AttributeEncoder, warn func(string)) {
	groupType := uint16(unix.AF_UNSPEC)
	if r.group != nil && r.groupInet {
		groupType = vniFilterEntryGroup
		if r.group.Family == unix.AF_INET6 {
			groupType = vniFilterEntryGroup6
		}
	}
	msgLen := unix.NLMSG_HDRLEN + sizeofTunnelMsg
	fits := func(payload, bound int) bool {
		if !rtnl.AttrFits(msgLen, payload, bound) {
			warn(rtnl.ExceededBound(bound))
			return false
		}
		msgLen += rtnl.AttrLen(payload)
		return true
	}
	for _, piece := range strings.Split(r.vni, ",") {
		if piece == "" {
			continue
		}
		var start, end uint32
		if a, b, ok := strings.Cut(piece, "-"); ok {
			start, end = uint32(cnum.Atoi(a)), uint32(cnum.Atoi(b))
		} else {
			start = uint32(cnum.Atoi(piece))
		}
		nestFits := fits(0, vniReqBound)
		startFits := fits(4, vniAttrBound)
		endFits := end != 0 && fits(4, vniAttrBound)
		groupFits := r.group != nil && fits(r.group.ByteLen, vniAttrBound)
		if !nestFits {
			// Nothing fits after a nest that did not (iproute2 then
			// writes the nest's length past its buffer).
			continue
		}
		ae.Nested(vniFilterEntry|unix.NLA_F_NESTED, func(nae *netlink.AttributeEncoder) error {
			if startFits {
				nae.Uint32(vniFilterEntryStart, start)
			}
			if endFits {
				nae.Uint32(vniFilterEntryEnd, end)
			}
			if groupFits {
				nae.Bytes(groupType, r.group.Data[:r.group.ByteLen])
			}
			return nil
		})
	}
}

// body is the request vni_modify sends to the device ifindex; warn gets
// addattr_l's lines for what did not fit.
func (r *vniRequest) body(ifindex uint32, warn func(string)) ([]byte, error) {
	hdr := make([]byte, sizeofTunnelMsg)
	hdr[0] = unix.AF_BRIDGE
	ne.PutUint32(hdr[4:8], ifindex)
	return rtnl.Body(hdr, func(ae *netlink.AttributeEncoder) error {
		r.entries(ae, warn)
		return nil
	})
}

func vniModify(env *cli.Env, args *cmdline.Args, cmd netlink.HeaderType) error {
	r, err := parseVNIModify(args)
	if err == errUsageVNI {
		return vniHelp(env)
	}
	if err != nil {
		return err
	}
	// iproute2 builds the request (and complains about its bounds)
	// before it looks the device up.
	body, err := r.body(0, func(line string) { env.Warnf("%s\n", line) })
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	idx, err := llIndex(c, r.dev)
	if err != nil {
		return err
	}
	if idx == 0 {
		return cmdline.Exit(cmdline.StatusUsage, "Cannot find vxlan device \"%s\"", r.dev)
	}
	ne.PutUint32(body[4:8], idx)
	if err := c.Exec(cmd, 0, body); err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}

func vniShow(env *cli.Env, args *cmdline.Args) error {
	st := stateOf(env)
	dev, hasDev := "", false
	for args.More() {
		if args.Next() == "dev" {
			v, err := args.Value()
			if err != nil {
				return err
			}
			if hasDev {
				return cmdline.Duplicate("dev", v)
			}
			dev, hasDev = v, true
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if hasDev {
		idx, err := llIndex(c, dev)
		if err != nil {
			return err
		}
		if idx == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", dev)
		}
		st.vniIndex = idx
	}
	names, err := linkNames(c)
	if err != nil {
		return err
	}
	req := make([]byte, sizeofTunnelMsg)
	req[0] = unix.AF_BRIDGE
	if env.Opts.Stats > 0 {
		req[1] = tunnelMsgFlagStats
	}
	ne.PutUint32(req[4:8], st.vniIndex)
	c.SetStrict(true)
	defer c.SetStrict(false)
	p := env.P
	p.Begin()
	p.Text(fmt.Sprintf("%-16s  %-15s  %-15s\n", "dev", "vni", "group/remote"))
	v := &vniPrinter{p: p, warn: env.Warnf, index: st.vniIndex, name: names}
	if err := c.Dump(rtmGetTunnel, req, v.print); err != nil {
		if err != errStopDump {
			env.Warnf("%s\n", err.Error())
		}
		return cmdline.Exit(cmdline.StatusFailed, "Dump ternminated")
	}
	p.End()
	return nil
}

// vniPrinter prints VNI filter messages as `bridge vni show` and `bridge
// monitor` do.
type vniPrinter struct {
	p       *format.Printer
	warn    func(string, ...any)
	index   uint32 // the show filter (0: any)
	name    func(int32) string
	headers func(label string) // bridge monitor's
}

// print is print_vnifilter_rtm.
func (v *vniPrinter) print(m netlink.Message) error {
	h := m.Header
	if h.Type != rtmNewTunnel && h.Type != rtmDelTunnel && h.Type != rtmGetTunnel {
		v.warn("Unknown vni tunnel rtm msg: %08x %08x %08x\n", h.Length, uint16(h.Type), uint16(h.Flags))
		return nil
	}
	if len(m.Data) < sizeofTunnelMsg {
		v.warn("BUG: wrong nlmsg len %d\n", len(m.Data)-sizeofTunnelMsg)
		return errStopDump
	}
	if m.Data[0] != unix.AF_BRIDGE {
		return nil
	}
	ifindex := ne.Uint32(m.Data[4:8])
	if v.index != 0 && v.index != ifindex {
		return nil
	}
	p := v.p
	if v.headers != nil {
		v.headers("[TUNNEL]")
	}
	if h.Type == rtmDelTunnel {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	first := true
	for a := rtnl.NewAttrs(m.Data[sizeofTunnelMsg:]); a.Next(); {
		if a.Type()&^uint16(unix.NLA_F_NESTED|unix.NLA_F_NET_BYTEORDER) != vniFilterEntry {
			continue
		}
		if first {
			p.OpenObject("")
			p.ColorString(format.Any, format.Ifname, "ifname", "%-16s  ", v.name(int32(ifindex)))
			p.OpenArray(format.JSON, "vnis", "")
			p.OpenObject("")
			first = false
		} else {
			p.OpenObject("")
			p.Text(fmt.Sprintf("%-16s  ", ""))
		}
		v.entry(a.Data())
	}
	if !first {
		p.CloseArray(format.JSON, "")
		p.CloseObject()
	}
	p.NL()
	return nil
}

// entry is print_vni: one VNI or range, its group or remote, its counters.
func (v *vniPrinter) entry(b []byte) {
	p := v.p
	tb := attrTable(b)
	start, end := u32(tb[vniFilterEntryStart]), u32(tb[vniFilterEntryEnd])
	if end != 0 {
		p.Uint(format.Any, "vni", " %u", uint64(start))
		if start != end {
			p.Uint(format.Any, "vniEnd", "-%-14u ", uint64(end))
		}
	} else {
		p.Uint(format.Any, "vni", " %-14u", uint64(start))
	}
	if g, ok := tb[vniFilterEntryGroup]; ok {
		var a [4]byte
		copy(a[:], g)
		if a != [4]byte{} {
			key := "remote"
			if a[0]&0xf0 == 0xe0 {
				key = "group"
			}
			p.String(format.Any, key, " %s", ntop(unix.AF_INET, a[:]))
		}
	} else if g, ok := tb[vniFilterEntryGroup6]; ok {
		var a [16]byte
		copy(a[:], g)
		if a != [16]byte{} {
			key := "remote"
			if a[0] == 0xff {
				key = "group"
			}
			p.String(format.Any, key, " %s", ipv6String(a))
		}
	}
	if s, ok := tb[vniFilterEntryStats]; ok {
		v.stats(s)
	}
	p.CloseObject()
	p.NL()
}

// stats is print_vnifilter_entry_stats.
func (v *vniPrinter) stats(b []byte) {
	p := v.p
	tb := attrTable(b)
	p.OpenObject("stats")
	for _, dir := range []struct {
		label string
		attrs [4]uint16
		keys  [4]string
	}{
		{"RX: ", [4]uint16{vniStatsRxBytes, vniStatsRxPkts, vniStatsRxDrops, vniStatsRxErrors},
			[4]string{"rx_bytes", "rx_pkts", "rx_drops", "rx_errors"}},
		{"TX: ", [4]uint16{vniStatsTxBytes, vniStatsTxPkts, vniStatsTxDrops, vniStatsTxErrors},
			[4]string{"tx_bytes", "tx_pkts", "tx_drops", "tx_errors"}},
	} {
		p.NL()
		p.Text(fmt.Sprintf("%-16s   ", ""))
		p.Text(dir.label)
		for i, words := range []string{"bytes %llu ", "pkts %llu ", "drops %llu ", "errors %llu "} {
			if s, ok := tb[dir.attrs[i]]; ok {
				p.Uint(format.Any, dir.keys[i], strings.Replace(words, "%llu", "%u", 1), u64(s))
			}
		}
	}
	p.CloseObject()
}
