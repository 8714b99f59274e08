package bridgecmd

import (
	"strconv"
	"strings"

	"github.com/gipnet/gip/bridge"
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/stats"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// linux/if_bridge.h and linux/rtnetlink.h values the vlan commands use.
const (
	rtmNewVLAN = 112
	rtmDelVLAN = 113
	rtmGetVLAN = 114

	iflaBridgeVlanInfo       = 2
	iflaBridgeVlanTunnelInfo = 3

	vlanInfoMaster     = 1 << 0
	vlanInfoPVID       = 1 << 1
	vlanInfoUntagged   = 1 << 2
	vlanInfoRangeBegin = 1 << 3
	vlanInfoRangeEnd   = 1 << 4
	vlanInfoBrEntry    = 1 << 5
	vlanInfoOnlyOpts   = 1 << 6

	tunnelID    = 1
	tunnelVID   = 2
	tunnelFlags = 3

	vlandbDumpFlags  = 1
	vlandbDumpStats  = 1 << 0
	vlandbDumpGlobal = 1 << 1

	vlandbEntry         = 1
	vlandbGlobalOptions = 2

	vlandbEntryInfo       = 1
	vlandbEntryRange      = 2
	vlandbEntryState      = 3
	vlandbEntryStats      = 5
	vlandbEntryMcastRtr   = 6
	vlandbStatsRxBytes    = 1
	vlandbStatsRxPackets  = 2
	vlandbStatsTxBytes    = 3
	vlandbStatsTxPackets  = 4
	goptsID               = 1
	goptsRange            = 2
	goptsMcastSnooping    = 3
	goptsIGMPVersion      = 4
	goptsMLDVersion       = 5
	goptsLastMemberCnt    = 6
	goptsStartupQueryCnt  = 7
	goptsLastMemberIntvl  = 8
	goptsMembershipIntvl  = 10
	goptsQuerierIntvl     = 11
	goptsQueryIntvl       = 12
	goptsQueryRespIntvl   = 13
	goptsStartupQueryIntv = 14
	goptsMcastQuerier     = 15
	goptsMcastRouterPorts = 16

	extFilterBrVLANCompressed = 1 << 2
	iflaStatsLinkXstats       = 2
	iflaStatsLinkXstatsSlave  = 3
	linkXstatsTypeBridge      = 1
	bridgeXstatsVLAN          = 1

	vlanIDLen = 9
)

type vlanSubject int

const (
	showVLAN vlanSubject = iota
	showTunnel
)

func doVlan(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return vlanShow(env, args, showVLAN)
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "add"):
		return vlanModify(env, args, unix.RTM_SETLINK)
	case cmdline.Matches(w, "delete"):
		return vlanModify(env, args, unix.RTM_DELLINK)
	case cmdline.Matches(w, "show"), cmdline.Matches(w, "lst"), cmdline.Matches(w, "list"):
		return vlanShow(env, args, showVLAN)
	case cmdline.Matches(w, "tunnelshow"):
		return vlanShow(env, args, showTunnel)
	case cmdline.Matches(w, "set"):
		return vlanSet(env, args, false)
	case w == "global":
		if !args.More() {
			return vlanGlobalShow(env, args)
		}
		switch w := args.Next(); w {
		case "show", "lst", "list":
			return vlanGlobalShow(env, args)
		case "set":
			return vlanSet(env, args, true)
		}
		return vlanHelp(env)
	case cmdline.Matches(w, "help"):
		return vlanHelp(env)
	}
	return cmdline.Exit(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"bridge vlan help\".", w)
}

// vidRange reads "VID" or "VID-VID" as iproute2 does: atoi of each part,
// kept in a short; end is -1 without a dash.
func vidRange(v string) (vid, end int16, isRange bool) {
	start, rest, ok := strings.Cut(v, "-")
	if !ok {
		return int16(cnum.Atoi(v)), -1, false
	}
	return int16(cnum.Atoi(start)), int16(cnum.Atoi(rest)), true
}

// vlanRequest is what `bridge vlan add|del` read.
type vlanRequest struct {
	dev              string
	haveDev          bool
	vid, vidEnd      int16
	vinfoFlags       uint16
	flags            uint16
	tunnel           bool
	tunStart, tunEnd uint32
	index            int32
}

func parseVlanModify(args *cmdline.Args) (*vlanRequest, error) {
	r := &vlanRequest{vid: -1, vidEnd: -1}
	for args.More() {
		w := args.Next()
		switch w {
		case "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			r.dev, r.haveDev = v, true
		case "vid":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			var isRange bool
			r.vid, r.vidEnd, isRange = vidRange(v)
			if isRange {
				r.vinfoFlags |= vlanInfoRangeBegin
			}
		case "self":
			r.flags |= bridgeFlagsSelf
		case "master":
			r.flags |= bridgeFlagsMaster
		case "pvid":
			r.vinfoFlags |= vlanInfoPVID
		case "untagged":
			r.vinfoFlags |= vlanInfoUntagged
		case "tunnel_info":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if !cmdline.Matches(v, "id") {
				return nil, cmdline.InvalidArg("tunnel id expected", v)
			}
			if v, err = args.Value(); err != nil {
				return nil, err
			}
			start, end, isRange := strings.Cut(v, "-")
			n, ok := cnum.Uint32(start, 0)
			if !ok || n >= 1<<24 {
				return nil, cmdline.InvalidArg("invalid tun id", start)
			}
			r.tunStart = n
			if isRange {
				n, ok := cnum.Uint32(end, 0)
				if !ok || n >= 1<<24 {
					return nil, cmdline.InvalidArg("invalid tun id", start)
				}
				r.tunEnd = n
			}
			r.tunnel = true
		default:
			if cmdline.Matches(w, "help") {
				// iproute2 skips the word after "help".
				if _, err := args.Value(); err != nil {
					return nil, err
				}
			}
		}
	}
	if !r.haveDev || r.vid == -1 {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Device and VLAN ID are required arguments.")
	}
	return r, nil
}

// check is vlan_modify's checks after the device look-up.
func (r *vlanRequest) check() error {
	if r.vid >= 4096 {
		return cmdline.Exit(cmdline.StatusUsage, "Invalid VLAN ID \"%d\"", uint16(r.vid))
	}
	if r.vinfoFlags&vlanInfoRangeBegin != 0 {
		if r.vidEnd == -1 || r.vidEnd >= 4096 || r.vid >= r.vidEnd {
			return cmdline.Exit(cmdline.StatusUsage, "Invalid VLAN range \"%d-%d\"", uint16(r.vid), uint16(r.vidEnd))
		}
		if r.vinfoFlags&vlanInfoPVID != 0 {
			return cmdline.Exit(cmdline.StatusUsage, "pvid cannot be configured for a vlan range")
		}
	}
	return nil
}

func vlanInfoBytes(flags, vid uint16) []byte {
	b := make([]byte, 4)
	ne.PutUint16(b[0:2], flags)
	ne.PutUint16(b[2:4], vid)
	return b
}

// body is the RTM_SETLINK/RTM_DELLINK request after the header.
func (r *vlanRequest) body() []byte {
	v := bridge.VLAN{Index: int(r.index), VID: uint16(r.vid), Flags: r.flags,
		PVID: r.vinfoFlags&vlanInfoPVID != 0, Untagged: r.vinfoFlags&vlanInfoUntagged != 0}
	if r.vidEnd != -1 {
		v.End = new(uint16(r.vidEnd))
	}
	if r.tunnel {
		v.Tunnel = &bridge.VLANTunnel{ID: r.tunStart, EndID: r.tunEnd}
		// iproute2 tests the range as a short: a difference that
		// overflows it maps a single VLAN.
		if r.vidEnd == -1 || r.vidEnd-r.vid <= 0 {
			v.End = nil
		}
	}
	return bridge.VLANRequest(v)
}

func vlanModify(env *cli.Env, args *cmdline.Args, cmd netlink.HeaderType) error {
	r, err := parseVlanModify(args)
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
		return cmdline.Exit(cmdline.StatusUsage, "Cannot find bridge device \"%s\"", r.dev)
	}
	r.index = int32(idx)
	if err := r.check(); err != nil {
		return err
	}
	if err := c.Exec(cmd, 0, r.body()); err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}

// vlanOptions is one `bridge vlan set` or `bridge vlan global set`: the
// attributes in the order they were given, inside BRIDGE_VLANDB_ENTRY or
// BRIDGE_VLANDB_GLOBAL_OPTIONS.
type vlanOptions struct {
	index  int32
	attrs  *netlink.AttributeEncoder
	global bool
}

// globalOptions are `bridge vlan global set`'s value words: attribute and
// size in bytes.
var globalOptions = []struct {
	word string
	attr uint16
	size int
}{
	{"mcast_snooping", goptsMcastSnooping, 1},
	{"mcast_querier", goptsMcastQuerier, 1},
	{"mcast_igmp_version", goptsIGMPVersion, 1},
	{"mcast_mld_version", goptsMLDVersion, 1},
	{"mcast_last_member_count", goptsLastMemberCnt, 4},
	{"mcast_startup_query_count", goptsStartupQueryCnt, 4},
	{"mcast_last_member_interval", goptsLastMemberIntvl, 8},
	{"mcast_membership_interval", goptsMembershipIntvl, 8},
	{"mcast_querier_interval", goptsQuerierIntvl, 8},
	{"mcast_query_interval", goptsQueryIntvl, 8},
	{"mcast_query_response_interval", goptsQueryRespIntvl, 8},
	{"mcast_startup_query_interval", goptsStartupQueryIntv, 8},
}

// parseVlanSet reads `bridge vlan set` (global false) or `bridge vlan
// global set`; lookup is ll_name_to_index, called as "dev" is read.
func parseVlanSet(args *cmdline.Args, global bool, lookup func(string) (uint32, error)) (*vlanOptions, error) {
	o := &vlanOptions{attrs: netlink.NewAttributeEncoder(), global: global}
	haveDev := false
	vid := int16(-1)
next:
	for args.More() {
		w := args.Next()
		switch w {
		case "dev":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			haveDev = true
			idx, err := lookup(v)
			if err != nil {
				return nil, err
			}
			if idx == 0 {
				return nil, cmdline.Exit(cmdline.StatusUsage, "Cannot find network device \"%s\"", v)
			}
			o.index = int32(idx)
			continue
		case "vid":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			var end int16
			var isRange bool
			vid, end, isRange = vidRange(v)
			if isRange && (vid >= end || end >= 4096) {
				return nil, cmdline.Exit(cmdline.StatusUsage, "Invalid VLAN range \"%d-%d\"", uint16(vid), uint16(end))
			}
			if vid >= 4096 {
				return nil, cmdline.Exit(cmdline.StatusUsage, "Invalid VLAN ID \"%d\"", uint16(vid))
			}
			if global {
				o.attrs.Uint16(goptsID, uint16(vid))
				if end != -1 {
					o.attrs.Uint16(goptsRange, uint16(end))
				}
			} else {
				o.attrs.Bytes(vlandbEntryInfo, vlanInfoBytes(vlanInfoOnlyOpts, uint16(vid)))
				if end != -1 {
					o.attrs.Uint16(vlandbEntryRange, uint16(end))
				}
			}
			continue
		}
		if !global {
			switch w {
			case "state":
				v, err := args.Value()
				if err != nil {
					return nil, err
				}
				n, rest, _, _ := cnum.Strtol(v, 10)
				state := int32(n)
				if v == "" || rest != "" {
					state = -1
					if st, ok := bridge.ParsePortState(v); ok {
						state = int32(st)
					}
				}
				if state == -1 {
					return nil, cmdline.Exit(cmdline.StatusUsage, "Error: invalid STP state")
				}
				o.attrs.Uint8(vlandbEntryState, uint8(state))
				continue
			case "mcast_router":
				v, err := args.Value()
				if err != nil {
					return nil, err
				}
				n, ok := cnum.Uint(v, 0, 0xff)
				if !ok {
					return nil, cmdline.InvalidArg("invalid mcast_router", v)
				}
				o.attrs.Uint8(vlandbEntryMcastRtr, uint8(n))
				continue
			}
			if cmdline.Matches(w, "help") {
				if _, err := args.Value(); err != nil {
					return nil, err
				}
			}
			continue
		}
		for _, g := range globalOptions {
			if w != g.word {
				continue
			}
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			n, ok := cnum.Uint(v, 0, 1<<(8*g.size)-1)
			if g.size == 8 {
				n, ok = cnum.Uint(v, 0, ^uint64(0))
			}
			if !ok {
				return nil, cmdline.InvalidArg("invalid "+w, v)
			}
			switch g.size {
			case 1:
				o.attrs.Uint8(g.attr, uint8(n))
			case 4:
				o.attrs.Uint32(g.attr, uint32(n))
			default:
				o.attrs.Uint64(g.attr, n)
			}
			continue next
		}
		if w == "help" {
			if _, err := args.Value(); err != nil {
				return nil, err
			}
		}
	}
	if !haveDev || vid == -1 {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Device and VLAN ID are required arguments.")
	}
	return o, nil
}

// body is the RTM_NEWVLAN request after the header: br_vlan_msg and one
// nested entry.
func (o *vlanOptions) body() []byte {
	hdr := make([]byte, 8)
	hdr[0] = unix.AF_BRIDGE
	ne.PutUint32(hdr[4:8], uint32(o.index))
	b, _ := rtnl.Body(hdr, func(ae *netlink.AttributeEncoder) error {
		typ := uint16(vlandbEntry)
		if o.global {
			typ = vlandbGlobalOptions
		}
		inner, err := o.attrs.Encode()
		if err != nil {
			return err
		}
		ae.Bytes(typ|unix.NLA_F_NESTED, inner)
		return nil
	})
	return b
}

func vlanSet(env *cli.Env, args *cmdline.Args, global bool) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	o, err := parseVlanSet(args, global, func(name string) (uint32, error) { return llIndex(c, name) })
	if err != nil {
		return err
	}
	if err := c.Exec(rtmNewVLAN, 0, o.body()); err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}

// vlanFilter is what `bridge vlan show` selects.
type vlanFilter struct {
	index int32
	// vlan is iproute2's unsigned int filter_vlan: a vid over 65535 is
	// set (a second vid is a duplicate) and matches no vlan.
	vlan uint32
}

func parseVlanShowFilter(env *cli.Env, args *cmdline.Args) (vlanFilter, error) {
	var f vlanFilter
	dev, haveDev := "", false
	for args.More() {
		switch args.Next() {
		case "dev":
			v, err := args.Value()
			if err != nil {
				return f, err
			}
			if haveDev {
				return f, cmdline.Duplicate("dev", v)
			}
			dev, haveDev = v, true
		case "vid":
			v, err := args.Value()
			if err != nil {
				return f, err
			}
			if f.vlan != 0 {
				return f, cmdline.Duplicate("vid", v)
			}
			f.vlan = uint32(cnum.Atoi(v))
		}
	}
	if haveDev {
		c, err := env.Conn()
		if err != nil {
			return f, err
		}
		idx, err := llIndex(c, dev)
		if err != nil {
			return f, err
		}
		if idx == 0 {
			return f, cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", dev)
		}
		f.index = int32(idx)
	}
	return f, nil
}

func vlanHeader(p *format.Printer, tunnel bool) {
	if p.IsJSON() {
		return
	}
	s := padRight("port", unix.IFNAMSIZ) + "  " + padRight("vlan-id", vlanIDLen)
	if tunnel {
		s += "  tunnel-id"
	}
	p.Text(s + "\n")
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

// dumpFailed ends a listing whose dump the kernel refused: what was
// printed stays (iproute2 exits without closing its JSON).
func dumpFailed(env *cli.Env, err error) error {
	env.Warnf("%s\n", err.Error())
	return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
}

func vlanShow(env *cli.Env, args *cmdline.Args, subject vlanSubject) error {
	f, err := parseVlanShowFilter(env, args)
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	names, err := linkNames(c)
	if err != nil {
		return err
	}
	c.SetStrict(true)
	defer c.SetStrict(false)
	p := env.P
	p.Begin()
	switch {
	case env.Opts.Details > 0 && subject == showVLAN:
		var flags uint32
		if env.Opts.Stats > 0 {
			flags = vlandbDumpStats
		}
		vp := &vlanDBPrinter{cur: -1, filter: f, names: names, stats: env.Opts.Stats > 0}
		vlanHeader(p, false)
		if err := c.Dump(rtmGetVLAN, vlanDumpRequest(flags), func(m netlink.Message) error {
			vp.print(p, m, false, false)
			return nil
		}); err != nil {
			return dumpFailed(env, err)
		}
		vp.finish(p)
	case env.Opts.Stats == 0:
		mask := uint32(rtnl.ExtFilterBrVLAN)
		if env.Opts.CompressVlans {
			mask = extFilterBrVLANCompressed
		}
		body, _ := rtnl.Body(rtnl.IfInfomsg{Family: unix.AF_BRIDGE}.Append(nil), func(ae *netlink.AttributeEncoder) error {
			ae.Uint32(unix.IFLA_EXT_MASK, mask)
			return nil
		})
		vlanHeader(p, subject == showTunnel)
		if err := c.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
			printVlanLink(p, subject, &f, names, m)
			return nil
		}); err != nil {
			return dumpFailed(env, err)
		}
	default:
		if !p.IsJSON() {
			p.Text(padRight("port", unix.IFNAMSIZ) + "  vlan-id\n")
		}
		for _, filt := range []uint32{1 << (iflaStatsLinkXstats - 1), 1 << (iflaStatsLinkXstatsSlave - 1)} {
			if err := c.Dump(stats.MsgGet, stats.Filter{Mask: filt}.Body(0), func(m netlink.Message) error {
				printVlanStats(p, &f, names, m)
				return nil
			}); err != nil {
				return dumpFailed(env, err)
			}
		}
	}
	p.End()
	return nil
}

func vlanDumpRequest(flags uint32) []byte {
	b, _ := rtnl.Body(make([]byte, 8), func(ae *netlink.AttributeEncoder) error {
		ae.Uint32(vlandbDumpFlags, flags)
		return nil
	})
	b[0] = unix.AF_BRIDGE
	return b
}

func vlanGlobalShow(env *cli.Env, args *cmdline.Args) error {
	f, err := parseVlanShowFilter(env, args)
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	names, err := linkNames(c)
	if err != nil {
		return err
	}
	c.SetStrict(true)
	defer c.SetStrict(false)
	p := env.P
	p.Begin()
	vlanHeader(p, false)
	vp := &vlanDBPrinter{cur: -1, filter: f, names: names, stats: env.Opts.Stats > 0}
	if err := c.Dump(rtmGetVLAN, vlanDumpRequest(vlandbDumpGlobal), func(m netlink.Message) error {
		vp.print(p, m, false, true)
		return nil
	}); err != nil {
		return dumpFailed(env, err)
	}
	vp.finish(p)
	p.End()
	return nil
}

func openVlanPort(p *format.Printer, name string, subject vlanSubject) {
	p.OpenObject("")
	p.ColorString(format.Any, format.Ifname, "ifname", "%-16s  ", name)
	key := "vlans"
	if subject == showTunnel {
		key = "tunnels"
	}
	p.OpenArray(format.JSON, key, "")
}

func closeVlanPort(p *format.Printer) {
	p.CloseArray(format.JSON, "")
	p.CloseObject()
}

// printRange prints "START" or "START-END" (keys NAME and NAMEEnd) and
// returns the width of the text.
func printRange(p *format.Printer, name string, start, id uint32) int {
	p.Uint(format.Any, name, "%u", uint64(start))
	width := len(strconv.FormatUint(uint64(start), 10))
	if start != id {
		p.Uint(format.Any, name+"End", "-%u", uint64(id))
		width += 1 + len(strconv.FormatUint(uint64(id), 10))
	}
	return width
}

func printVlanFlags(p *format.Printer, flags uint16) {
	if flags == 0 {
		return
	}
	p.OpenArray(format.JSON, "flags", "")
	if flags&vlanInfoPVID != 0 {
		p.String(format.Any, "", " %s", "PVID")
	}
	if flags&vlanInfoUntagged != 0 {
		p.String(format.Any, "", " %s", "Egress Untagged")
	}
	p.CloseArray(format.JSON, "")
}

// vlanCheck is filter_vlan_check: -1 to stop (past the wanted vid), 0 to
// skip the entry, 1 to print it.
func vlanCheck(filter uint32, vid, flags uint16) int {
	if filter != 0 && uint32(vid) > filter && flags&vlanInfoRangeEnd == 0 {
		return -1
	}
	if flags&vlanInfoRangeBegin != 0 || uint32(vid) < filter {
		return 0
	}
	return 1
}

// printVlanLink prints one AF_BRIDGE link message's vlans (or vlan tunnel
// mappings) as `bridge vlan show` (or tunnelshow) does.
func printVlanLink(p *format.Printer, subject vlanSubject, f *vlanFilter, name func(int32) string, m netlink.Message) {
	if m.Header.Type != unix.RTM_NEWLINK {
		return
	}
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil || hdr.Family != unix.AF_BRIDGE || (f.index != 0 && f.index != hdr.Index) {
		return
	}
	var afspec []byte
	for a := rtnl.NewAttrs(attrs); a.Next(); {
		if a.Type()&^uint16(unix.NLA_F_NESTED|unix.NLA_F_NET_BYTEORDER) == unix.IFLA_AF_SPEC {
			afspec = a.Data()
		}
	}
	if afspec == nil {
		return
	}
	opened := false
	var lastVid uint16
	var lastTun uint32
	for a := rtnl.NewAttrs(afspec); a.Next(); {
		var vid, flags uint16
		var tun uint32
		switch {
		case subject == showVLAN && a.Type() == iflaBridgeVlanInfo:
			d := a.Data()
			if len(d) < 4 {
				continue
			}
			flags, vid = ne.Uint16(d[0:2]), ne.Uint16(d[2:4])
		case subject == showTunnel && a.Type() == iflaBridgeVlanTunnelInfo:
			haveVid := false
			for t := rtnl.NewAttrs(a.Data()); t.Next(); {
				switch t.Type() {
				case tunnelVID:
					vid, haveVid = t.Uint16(), true
				case tunnelID:
					tun = t.Uint32()
				case tunnelFlags:
					flags = t.Uint16()
				}
			}
			if !haveVid {
				continue
			}
		default:
			continue
		}
		if flags&vlanInfoRangeEnd == 0 {
			lastVid, lastTun = vid, tun
		}
		switch vlanCheck(f.vlan, vid, flags) {
		case -1:
			if opened {
				closeVlanPort(p)
			}
			return
		case 0:
			continue
		}
		if !opened {
			openVlanPort(p, name(hdr.Index), subject)
			opened = true
		} else {
			p.Text(strings.Repeat(" ", unix.IFNAMSIZ+2))
		}
		p.OpenObject("")
		w := printRange(p, "vlan", uint32(lastVid), uint32(vid))
		if subject == showVLAN {
			printVlanFlags(p, flags)
		} else {
			if w <= vlanIDLen {
				p.Text(strings.Repeat(" ", vlanIDLen-w) + "  ")
			}
			printRange(p, "tunid", lastTun, tun)
		}
		p.CloseObject()
		p.NL()
	}
	if opened {
		closeVlanPort(p)
	}
}

// vlanDBPrinter prints RTM_NEWVLAN messages (the vlan dump of -d and of
// `vlan global show`); cur is the port whose block is open, across
// messages, or -1.
type vlanDBPrinter struct {
	cur    int32
	filter vlanFilter
	names  func(int32) string
	stats  bool
	// headers, when set, prints what precedes an event (bridge monitor).
	headers func(label string)
}

func (v *vlanDBPrinter) finish(p *format.Printer) {
	if v.cur != -1 {
		closeVlanPort(p)
		v.cur = -1
	}
}

// print prints one RTM_NEWVLAN/RTM_DELVLAN message (print_vlan_rtm).
func (v *vlanDBPrinter) print(p *format.Printer, m netlink.Message, monitor, globalOnly bool) {
	t := m.Header.Type
	if (t != rtmNewVLAN && t != rtmDelVLAN && t != rtmGetVLAN) || len(m.Data) < 8 || m.Data[0] != unix.AF_BRIDGE {
		return
	}
	ifindex := int32(ne.Uint32(m.Data[4:8]))
	if v.filter.index != 0 && v.filter.index != ifindex {
		return
	}
	if v.headers != nil {
		v.headers("[VLAN]")
	}
	if t == rtmDelVLAN {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if monitor {
		v.cur = -1
	}
	if v.cur != -1 && v.cur != ifindex {
		closeVlanPort(p)
		v.cur = -1
	}
	for a := rtnl.NewAttrs(m.Data[8:]); a.Next(); {
		typ := a.Type() &^ uint16(unix.NLA_F_NESTED|unix.NLA_F_NET_BYTEORDER)
		if globalOnly && typ != vlandbGlobalOptions {
			continue
		}
		switch typ {
		case vlandbEntry:
			v.printEntry(p, a.Data(), ifindex)
		case vlandbGlobalOptions:
			v.printGlobal(p, a.Data(), ifindex)
		}
	}
}

// attrTable is parse_rtattr: the last attribute of each type.
func attrTable(b []byte) map[uint16][]byte {
	tb := map[uint16][]byte{}
	for a := rtnl.NewAttrs(b); a.Next(); {
		tb[a.Type()&^uint16(unix.NLA_F_NESTED|unix.NLA_F_NET_BYTEORDER)] = a.Data()
	}
	return tb
}

// openEntry starts one vlan of the port ifindex, opening the port's block
// when it is a new port.
func (v *vlanDBPrinter) openEntry(p *format.Printer, ifindex int32) {
	if v.cur != ifindex {
		openVlanPort(p, v.names(ifindex), showVLAN)
		p.OpenObject("")
		v.cur = ifindex
	} else {
		p.OpenObject("")
		p.Text(strings.Repeat(" ", unix.IFNAMSIZ+2))
	}
}

func (v *vlanDBPrinter) printEntry(p *format.Printer, b []byte, ifindex int32) {
	tb := attrTable(b)
	info := tb[vlandbEntryInfo]
	if len(info) < 4 {
		return
	}
	flags, vid := ne.Uint16(info[0:2]), ne.Uint16(info[2:4])
	vrange := vid
	if r := tb[vlandbEntryRange]; len(r) >= 2 {
		vrange = ne.Uint16(r)
	}
	if f := v.filter.vlan; f != 0 && (f < uint32(vid) || f > uint32(vrange)) {
		return
	}
	var state uint8
	if s := tb[vlandbEntryState]; len(s) >= 1 {
		state = s[0]
	}
	var rxBytes, rxPackets, txBytes, txPackets uint64
	if s, ok := tb[vlandbEntryStats]; ok {
		st := attrTable(s)
		rxBytes, rxPackets = u64(st[vlandbStatsRxBytes]), u64(st[vlandbStatsRxPackets])
		txBytes, txPackets = u64(st[vlandbStatsTxBytes]), u64(st[vlandbStatsTxPackets])
	}
	v.openEntry(p, ifindex)
	printRange(p, "vlan", uint32(vid), uint32(vrange))
	printVlanFlags(p, flags)
	p.NL()
	p.Text(strings.Repeat(" ", unix.IFNAMSIZ+4))
	printSTPState(p, state)
	if r, ok := tb[vlandbEntryMcastRtr]; ok && len(r) >= 1 {
		p.Uint(format.Any, "mcast_router", "mcast_router %u ", uint64(r[0]))
	}
	p.NL()
	if v.stats {
		printVlanCounters(p, rxBytes, rxPackets, txBytes, txPackets)
	}
	p.CloseObject()
}

func printVlanCounters(p *format.Printer, rxBytes, rxPackets, txBytes, txPackets uint64) {
	pad := strings.Repeat(" ", unix.IFNAMSIZ+4)
	p.Text(pad)
	p.Uint(format.Any, "rx_bytes", "RX: %llu bytes", rxBytes)
	p.Uint(format.Any, "rx_packets", " %llu packets\n", rxPackets)
	p.Text(pad)
	p.Uint(format.Any, "tx_bytes", "TX: %llu bytes", txBytes)
	p.Uint(format.Any, "tx_packets", " %llu packets\n", txPackets)
}

func (v *vlanDBPrinter) printGlobal(p *format.Printer, b []byte, ifindex int32) {
	tb := attrTable(b)
	vid := u16(tb[goptsID])
	vrange := vid
	if r, ok := tb[goptsRange]; ok {
		vrange = u16(r)
	}
	if f := v.filter.vlan; f != 0 && (f < uint32(vid) || f > uint32(vrange)) {
		return
	}
	v.openEntry(p, ifindex)
	printRange(p, "vlan", uint32(vid), uint32(vrange))
	p.NL()
	p.Text(strings.Repeat(" ", unix.IFNAMSIZ+4))
	for _, o := range []struct {
		attr uint16
		key  string
		size int
	}{
		{goptsMcastSnooping, "mcast_snooping", 1}, {goptsMcastQuerier, "mcast_querier", 1},
		{goptsIGMPVersion, "mcast_igmp_version", 1}, {goptsMLDVersion, "mcast_mld_version", 1},
	} {
		if d, ok := tb[o.attr]; ok {
			p.Uint(format.Any, o.key, o.key+" %u ", uint64(u8(d)))
		}
	}
	// iproute2 tests the MLD version attribute before printing the last
	// member count.
	if _, ok := tb[goptsMLDVersion]; ok {
		p.Uint(format.Any, "mcast_last_member_count", "mcast_last_member_count %u ", uint64(u32(tb[goptsLastMemberCnt])))
	}
	for _, o := range []struct {
		attr uint16
		key  string
		size int
	}{
		{goptsLastMemberIntvl, "mcast_last_member_interval", 8},
		{goptsStartupQueryCnt, "mcast_startup_query_count", 4},
		{goptsStartupQueryIntv, "mcast_startup_query_interval", 8},
		{goptsMembershipIntvl, "mcast_membership_interval", 8},
		{goptsQuerierIntvl, "mcast_querier_interval", 8},
		{goptsQueryIntvl, "mcast_query_interval", 8},
		{goptsQueryRespIntvl, "mcast_query_response_interval", 8},
	} {
		if d, ok := tb[o.attr]; ok {
			if o.size == 4 {
				p.Uint(format.Any, o.key, o.key+" %u ", uint64(u32(d)))
			} else {
				p.Uint(format.Any, o.key, o.key+" %llu ", u64(d))
			}
		}
	}
	p.NL()
	if rp, ok := tb[goptsMcastRouterPorts]; ok {
		printVlanRouterPorts(p, rp, v.names)
	}
	p.CloseObject()
}

// printVlanRouterPorts is print_vlan_router_ports, which iproute2 hands
// the data of the first attribute inside the router port list: the
// attributes it walks are read from inside that first MDBA_ROUTER_PORT.
func printVlanRouterPorts(p *format.Printer, b []byte, names func(int32) string) {
	p.Text(strings.Repeat(" ", unix.IFNAMSIZ+4))
	if p.IsJSON() {
		p.OpenArray(format.Any, "router_ports", "")
	} else {
		p.OpenArray(format.Any, "", "router ports: ")
	}
	first := rtnl.NewAttrs(b)
	if first.Next() {
		for a := rtnl.NewAttrs(first.Data()); a.Next(); {
			var idx uint32
			if d := a.Data(); len(d) >= 4 {
				idx = ne.Uint32(d)
			}
			p.OpenObject("")
			p.String(format.Any, "port", "%s ", names(int32(idx)))
			p.CloseObject()
		}
	}
	p.CloseArray(format.JSON, "")
	p.NL()
}

// printVlanStats prints one RTM_NEWSTATS message's per-vlan counters, as
// `bridge -s vlan show` does.
func printVlanStats(p *format.Printer, f *vlanFilter, names func(int32) string, m netlink.Message) {
	d := m.Data
	if len(d) < 12 {
		return
	}
	ifindex := int32(ne.Uint32(d[4:8]))
	if f.index != 0 && f.index != ifindex {
		return
	}
	tb := attrTable(d[12:])
	for _, typ := range []uint16{iflaStatsLinkXstats, iflaStatsLinkXstatsSlave} {
		x, ok := tb[typ]
		if !ok {
			continue
		}
		br, ok := attrTable(x)[linkXstatsTypeBridge]
		if !ok {
			continue
		}
		found := false
		for a := rtnl.NewAttrs(br); a.Next(); {
			s := a.Data()
			if a.Type() != bridgeXstatsVLAN || len(s) < 36 {
				continue
			}
			vid, flags := ne.Uint16(s[32:34]), ne.Uint16(s[34:36])
			if f.vlan != 0 && f.vlan != uint32(vid) {
				continue
			}
			if flags&vlanInfoMaster != 0 && flags&vlanInfoBrEntry == 0 {
				continue
			}
			if !found {
				openVlanPort(p, names(ifindex), showVLAN)
				found = true
			} else {
				p.Text(strings.Repeat(" ", unix.IFNAMSIZ+2))
			}
			p.OpenObject("")
			p.Uint(format.Any, "vid", "%hu", uint64(vid))
			printVlanFlags(p, flags)
			p.NL()
			printVlanCounters(p, u64(s[0:8]), u64(s[8:16]), u64(s[16:24]), u64(s[24:32]))
			p.CloseObject()
		}
		if found {
			closeVlanPort(p)
		}
	}
}
