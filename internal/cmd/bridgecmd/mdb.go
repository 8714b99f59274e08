package bridgecmd

import (
	"errors"
	"fmt"
	"net/netip"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Multicast database attributes (linux/if_bridge.h).
const (
	mdbaMDB    = 1 // MDBA_MDB: MDBA_MDB_ENTRY nests
	mdbaRouter = 2 // MDBA_ROUTER: MDBA_ROUTER_PORT entries

	mdbaSetEntry      = 1 // MDBA_SET_ENTRY: a struct br_mdb_entry
	mdbaSetEntryAttrs = 2 // MDBA_SET_ENTRY_ATTRS: MDBE_ATTR_* nest

	mdbeAttrSource = 1 // MDBE_ATTR_SOURCE

	mdbEattrTimer     = 1 // MDBA_MDB_EATTR_TIMER
	mdbEattrSrcList   = 2 // MDBA_MDB_EATTR_SRC_LIST
	mdbEattrGroupMode = 3 // MDBA_MDB_EATTR_GROUP_MODE
	mdbEattrSource    = 4 // MDBA_MDB_EATTR_SOURCE
	mdbEattrRtprot    = 5 // MDBA_MDB_EATTR_RTPROT

	mdbSrcattrAddress = 1 // MDBA_MDB_SRCATTR_ADDRESS
	mdbSrcattrTimer   = 2 // MDBA_MDB_SRCATTR_TIMER

	mdbRouterPattrTimer = 1 // MDBA_ROUTER_PATTR_TIMER
	mdbRouterPattrType  = 2 // MDBA_ROUTER_PATTR_TYPE

	mdbPermanent = 1 // MDB_PERMANENT

	mdbRtrTypeTempQuery = 1 // MDB_RTR_TYPE_TEMP_QUERY
	mdbRtrTypeTemp      = 3 // MDB_RTR_TYPE_TEMP

	mcastInclude = 1 // MCAST_INCLUDE

	// sizeofMDBEntry is sizeof(struct br_mdb_entry): ifindex, state,
	// flags, vid, a 16-byte address union, proto, 2 bytes of padding.
	sizeofMDBEntry = 28
	// sizeofBrPortMsg is sizeof(struct br_port_msg): family, 3 pad, ifindex.
	sizeofBrPortMsg = 8
)

// batchState is what iproute2's bridge keeps in static variables, so that
// under -batch a command's filters carry over into the next commands of
// the same object (a second `mdb show vid N` even finds its vid given
// twice).
type batchState struct {
	fdb               fdbFilter
	linkIndex         int32 // bridge link show's dev
	mdbIndex, mdbVlan uint32
	vniIndex          uint32
	// socketClosed: a monitor line closed bridge's one netlink socket
	// (do_monitor's rtnl_close), which later lines still use.
	socketClosed bool
	// linkMapReady: ll_init_map has filled its name cache (the first of
	// link, fdb, mdb, vlan or vni does it, once per process).
	linkMapReady bool
}

// stateOf is env's batch state, made on first use.
func stateOf(env *cli.Env) *batchState {
	if s, ok := env.BridgeState.(*batchState); ok {
		return s
	}
	s := &batchState{}
	env.BridgeState = s
	return s
}

func doMDB(env *cli.Env, args *cmdline.Args) error {
	// do_mdb clears -timestamp for the rest of the process.
	env.Opts.Timestamp = 0
	if !args.More() {
		return mdbShow(env, args)
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "add"):
		return mdbModify(env, args, unix.RTM_NEWMDB, rtnl.Create|rtnl.Excl)
	case cmdline.Matches(w, "delete"):
		return mdbModify(env, args, unix.RTM_DELMDB, 0)
	case cmdline.Matches(w, "show"), cmdline.Matches(w, "lst"), cmdline.Matches(w, "list"):
		return mdbShow(env, args)
	case cmdline.Matches(w, "help"):
		return mdbHelp(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"bridge mdb help\".", w)
}

func mdbHelp(env *cli.Env) error {
	env.P.Flush()
	mdbUsage(env.Stderr)
	return cmdline.Usage()
}

// mdbShowArgs reads `mdb show`'s words into st: dev (returned) and vid,
// which iproute2 keeps from one command to the next. Other words are
// ignored.
func mdbShowArgs(args *cmdline.Args, st *batchState) (dev string, hasDev bool, err error) {
	for args.More() {
		switch args.Next() {
		case "dev":
			v, err := args.Value()
			if err != nil {
				return "", false, err
			}
			if hasDev {
				return "", false, cmdline.Duplicate("dev", v)
			}
			dev, hasDev = v, true
		case "vid":
			v, err := args.Value()
			if err != nil {
				return "", false, err
			}
			if st.mdbVlan != 0 {
				return "", false, cmdline.Duplicate("vid", v)
			}
			st.mdbVlan = uint32(cnum.Atoi(v))
		}
	}
	return dev, hasDev, nil
}

func mdbShow(env *cli.Env, args *cmdline.Args) error {
	st := stateOf(env)
	dev, hasDev, err := mdbShowArgs(args, st)
	if err != nil {
		return err
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
		st.mdbIndex = idx
	}
	names, err := linkNames(c)
	if err != nil {
		return err
	}
	m := &mdbPrinter{p: env.P, warn: env.Warnf, details: env.Opts.Details > 0, stats: env.Opts.Stats > 0,
		index: st.mdbIndex, vlan: st.mdbVlan, name: names}
	req := make([]byte, sizeofBrPortMsg)
	req[0] = unix.AF_BRIDGE
	c.SetStrict(true)
	defer c.SetStrict(false)
	p := env.P
	p.Begin()
	p.OpenObject("")
	p.OpenArray(format.JSON, "mdb", "")
	if err := c.Dump(unix.RTM_GETMDB, req, m.printEntries); err != nil {
		return mdbDumpFailed(env, err)
	}
	p.CloseArray(format.JSON, "")
	p.OpenObject("router")
	if err := c.Dump(unix.RTM_GETMDB, req, m.printRouters); err != nil {
		return mdbDumpFailed(env, err)
	}
	p.CloseObject()
	p.CloseObject()
	p.End()
	return nil
}

func mdbDumpFailed(env *cli.Env, err error) error {
	if err == errStopDump {
		return cmdline.Silent(cmdline.StatusUsage)
	}
	env.Warnf("%s\n", err.Error())
	return cmdline.Exit(cmdline.StatusUsage, "Dump terminated")
}

// mdbPrinter prints multicast database messages as `bridge mdb show` and
// `bridge monitor` do.
type mdbPrinter struct {
	p              *format.Printer
	warn           func(string, ...any)
	details, stats bool
	index, vlan    uint32 // the show filters (0: any)
	name           func(int32) string
}

// errStopDump is a printer's -1: the dump (or the monitor) stops.
var errStopDump = errors.New("stop")

// parse is __parse_mdb_nlmsg: the message's port index and attributes,
// ok when it is to be printed.
func (m *mdbPrinter) parse(msg netlink.Message) (ifindex int32, tb map[uint16][]byte, ok bool, err error) {
	h := msg.Header
	if h.Type != unix.RTM_GETMDB && h.Type != unix.RTM_NEWMDB && h.Type != unix.RTM_DELMDB {
		m.warn("Not RTM_GETMDB, RTM_NEWMDB or RTM_DELMDB: %08x %08x %08x\n", h.Length, uint16(h.Type), uint16(h.Flags))
		return 0, nil, false, nil
	}
	if len(msg.Data) < sizeofBrPortMsg {
		m.warn("BUG: wrong nlmsg len %d\n", len(msg.Data)-sizeofBrPortMsg)
		return 0, nil, false, errStopDump
	}
	ifindex = int32(ne.Uint32(msg.Data[4:8]))
	if m.index != 0 && m.index != uint32(ifindex) {
		return 0, nil, false, nil
	}
	return ifindex, attrTable(msg.Data[sizeofBrPortMsg:]), true, nil
}

// printEntries is print_mdbs: the groups of one message.
func (m *mdbPrinter) printEntries(msg netlink.Message) error {
	ifindex, tb, ok, err := m.parse(msg)
	if ok && tb[mdbaMDB] != nil {
		m.entries(ifindex, tb[mdbaMDB])
	}
	return err
}

// printRouters is print_rtrs: the router ports of one message.
func (m *mdbPrinter) printRouters(msg netlink.Message) error {
	ifindex, tb, ok, err := m.parse(msg)
	if ok && tb[mdbaRouter] != nil {
		m.routers(msg.Header.Type, ifindex, tb[mdbaRouter])
	}
	return err
}

// printMonitor is print_mdb_mon; headers prints the time stamp and label.
func (m *mdbPrinter) printMonitor(msg netlink.Message, headers func(string)) error {
	ifindex, tb, ok, err := m.parse(msg)
	if !ok {
		return err
	}
	headers("[MDB]")
	if msg.Header.Type == unix.RTM_DELMDB {
		m.p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if tb[mdbaMDB] != nil {
		m.entries(ifindex, tb[mdbaMDB])
	}
	if tb[mdbaRouter] != nil {
		m.routers(msg.Header.Type, ifindex, tb[mdbaRouter])
	}
	return nil
}

// entries prints every entry of every MDBA_MDB_ENTRY in mdb (of any type,
// as iproute2 walks them).
func (m *mdbPrinter) entries(ifindex int32, mdb []byte) {
	for outer := rtnl.NewAttrs(mdb); outer.Next(); {
		for a := rtnl.NewAttrs(outer.Data()); a.Next(); {
			d := a.Data()
			if len(d) < sizeofMDBEntry {
				continue
			}
			m.entry(ifindex, d[:sizeofMDBEntry], attrTable(d[sizeofMDBEntry:]))
		}
	}
}

// formatTimer is format_timer: centiseconds as seconds with two decimals,
// the seconds right-aligned in four columns when align is set.
func formatTimer(ticks uint32, align bool) string {
	sec, cs := ticks/100, ticks%100
	if align {
		return fmt.Sprintf("%4d.%02d", sec, cs)
	}
	return fmt.Sprintf("%d.%02d", sec, cs)
}

// familyColor is ifa_family_color.
func familyColor(af int) format.Color {
	switch af {
	case unix.AF_INET:
		return format.Inet
	case unix.AF_INET6:
		return format.Inet6
	}
	return format.NoColor
}

// ntop is inet_ntop of af's address at the start of b (zeros past its end).
func ntop(af int, b []byte) string {
	var a [16]byte
	copy(a[:], b)
	if af == unix.AF_INET {
		return netip.AddrFrom4([4]byte(a[:4])).String()
	}
	return ipv6String(a)
}

// ipv6String is glibc's inet_ntop for AF_INET6: Go's text, except that
// glibc writes an IPv4-compatible (::a.b.c.d) address with its dotted tail
// too.
func ipv6String(a [16]byte) string {
	addr := netip.AddrFrom16(a)
	allZero := true
	for _, c := range a[:12] {
		if c != 0 {
			allZero = false
		}
	}
	if allZero && (a[12] != 0 || a[13] != 0) {
		return "::" + netip.AddrFrom4([4]byte(a[12:16])).String()
	}
	return addr.String()
}

// entry is print_mdb_entry: e is the struct br_mdb_entry, tb its
// attributes.
func (m *mdbPrinter) entry(ifindex int32, e []byte, tb map[uint16][]byte) {
	p := m.p
	port := int32(ne.Uint32(e[0:4]))
	state, flags, vid := e[4], e[5], ne.Uint16(e[6:8])
	proto := uint16(e[24])<<8 | uint16(e[25])
	if m.vlan != 0 && uint32(vid) != m.vlan {
		return
	}
	af, grp := unix.AF_INET6, ""
	switch proto {
	case 0:
		af, grp = unix.AF_PACKET, macString(e[8:14])
	case unix.ETH_P_IP:
		af = unix.AF_INET
		grp = ntop(af, e[8:12])
	default:
		grp = ntop(af, e[8:24])
	}
	p.OpenObject("")
	p.Int(format.JSON, "index", "", int64(ifindex))
	p.ColorString(format.Any, format.Ifname, "dev", "dev %s", m.name(ifindex))
	p.String(format.Any, "port", " port %s", m.name(port))
	p.ColorString(format.Any, familyColor(af), "grp", " grp %s", grp)
	if src, ok := tb[mdbEattrSource]; ok {
		// inet_ntop knows no AF_PACKET: iproute2 prints its NULL.
		s := "(null)"
		if af != unix.AF_PACKET {
			s = ntop(af, src)
		}
		p.ColorString(format.Any, familyColor(af), "src", " src %s", s)
	}
	st := "temp"
	if state&mdbPermanent != 0 {
		st = "permanent"
	}
	p.String(format.Any, "state", " %s", st)
	if m.details {
		if v, ok := tb[mdbEattrGroupMode]; ok {
			mode := "exclude"
			if u8(v) == mcastInclude {
				mode = "include"
			}
			p.String(format.Any, "filter_mode", " filter_mode %s", mode)
		}
		if v, ok := tb[mdbEattrSrcList]; ok {
			key := " source_list"
			if p.IsJSON() {
				key = "source_list"
			}
			p.OpenArray(format.Any, key, "")
			sep := " "
			for a := rtnl.NewAttrs(v); a.Next(); {
				m.source(a.Data(), af, sep)
				sep = ","
			}
			p.CloseArray(format.JSON, "")
		}
		if v, ok := tb[mdbEattrRtprot]; ok {
			p.String(format.Any, "protocol", " proto %s ", rtnames.Protocols.Format(uint32(u8(v)), false))
		}
	}
	p.OpenArray(format.JSON, "flags", "")
	for _, f := range []struct {
		bit  uint8
		word string
	}{{1, "offload"}, {2, "fast_leave"}, {4, "added_by_star_ex"}, {8, "blocked"}} {
		if flags&f.bit != 0 {
			p.String(format.Any, "", " %s", f.word)
		}
	}
	p.CloseArray(format.JSON, "")
	if vid != 0 {
		p.Uint(format.Any, "vid", " vid %u", uint64(vid))
	}
	if v, ok := tb[mdbEattrTimer]; ok && m.stats {
		p.String(format.Any, "timer", " %s", formatTimer(u32(v), true))
	}
	p.NL()
	p.CloseObject()
}

// source is print_src_entry: one source of a group's source list.
func (m *mdbPrinter) source(b []byte, af int, sep string) {
	tb := attrTable(b)
	addr, ok1 := tb[mdbSrcattrAddress]
	timer, ok2 := tb[mdbSrcattrTimer]
	if !ok1 || !ok2 || af == unix.AF_PACKET {
		return
	}
	p := m.p
	p.OpenObject("")
	p.String(format.Text, "", "%s", sep)
	p.ColorString(format.Any, familyColor(af), "address", "%s", ntop(af, addr))
	p.String(format.Any, "timer", "/%s", formatTimer(u32(timer), false))
	p.CloseObject()
}

// routers is print_router_entries: a dump lists a bridge's router ports
// (with -details); a notification names the one port that changed.
func (m *mdbPrinter) routers(typ netlink.HeaderType, ifindex int32, router []byte) {
	p := m.p
	br := m.name(ifindex)
	if typ == unix.RTM_GETMDB {
		if m.details {
			m.routerPorts(br, router)
		}
		return
	}
	a := rtnl.NewAttrs(router)
	var port int32
	if a.Next() {
		port = int32(u32(a.Data()))
	}
	name := m.name(port)
	if p.IsJSON() {
		p.OpenArray(format.JSON, br, "")
		p.OpenObject("")
		p.String(format.JSON, "port", "", name)
		p.CloseObject()
		p.CloseArray(format.JSON, "")
		return
	}
	p.Text("router port dev " + name + " master " + br + "\n")
}

// routerPorts is br_print_router_ports.
func (m *mdbPrinter) routerPorts(br string, router []byte) {
	p := m.p
	if p.IsJSON() {
		p.OpenArray(format.JSON, br, "")
	} else if !m.stats {
		p.Text("router ports on " + br + ": ")
	}
	for a := rtnl.NewAttrs(router); a.Next(); {
		d := a.Data()
		name := m.name(int32(u32(d)))
		switch {
		case p.IsJSON():
			p.OpenObject("")
			p.String(format.JSON, "port", "", name)
			if m.stats {
				m.routerPortStats(d)
			}
			p.CloseObject()
		case m.stats:
			p.Text("router ports on " + br + ": " + name)
			m.routerPortStats(d)
			p.Text("\n")
		default:
			p.Text(name + " ")
		}
	}
	if !m.stats {
		p.NL()
	}
	p.CloseArray(format.JSON, "")
}

// routerPortStats is br_print_router_port_stats: the port's timer and
// type, from the attributes after its index.
func (m *mdbPrinter) routerPortStats(d []byte) {
	if len(d) < 4 {
		return
	}
	tb := attrTable(d[4:])
	if v, ok := tb[mdbRouterPattrTimer]; ok {
		m.p.String(format.Any, "timer", " %s", formatTimer(u32(v), true))
	}
	if v, ok := tb[mdbRouterPattrType]; ok {
		t := "permanent"
		if x := u8(v); x == mdbRtrTypeTempQuery || x == mdbRtrTypeTemp {
			t = "temp"
		}
		m.p.String(format.Any, "type", " %s", t)
	}
}

// mdbRequest is what `bridge mdb add|del` read.
type mdbRequest struct {
	dev, port, grp, src             string
	hasDev, hasPort, hasGrp, hasSrc bool
	permanent                       bool
	vid                             int16
}

// errUsageMDB asks for the usage text.
var errUsageMDB = errors.New("usage")

// parseMDBModify reads the words of `mdb add|del` as mdb_modify does:
// exact keywords, the last of a repeated one wins, unknown words are
// ignored.
func parseMDBModify(args *cmdline.Args, cmd netlink.HeaderType) (*mdbRequest, error) {
	r := &mdbRequest{}
	for args.More() {
		w := args.Next()
		var err error
		switch w {
		case "dev":
			r.dev, err = args.Value()
			r.hasDev = true
		case "grp":
			r.grp, err = args.Value()
			r.hasGrp = true
		case "port":
			r.port, err = args.Value()
			r.hasPort = true
		case "permanent":
			if cmd == unix.RTM_NEWMDB {
				r.permanent = true
			}
		case "temp":
		case "vid":
			var v string
			v, err = args.Value()
			r.vid = int16(cnum.Atoi(v))
		case "src":
			r.src, err = args.Value()
			r.hasSrc = true
		default:
			if cmdline.Matches(w, "help") {
				return nil, errUsageMDB
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if !r.hasDev || !r.hasGrp || !r.hasPort {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Device, group address and port name are required arguments.")
	}
	return r, nil
}

// mdbGroup is mdb_parse_grp: an IPv4, IPv6 or MAC group into e's address
// and proto. Reading a MAC, ll_addr_a2n cuts the word at its first ':'
// (so iproute2's message then names only that part) and may complain
// itself first; bad is the word the message names.
func mdbGroup(grp string, e []byte) (bad, lladdrMsg string, ok bool) {
	if a, ok := inetPton4(grp); ok {
		copy(e[8:], a[:])
		e[24], e[25] = 0x08, 0x00
		return "", "", true
	}
	if a, ok := inetPton6(grp); ok {
		copy(e[8:], a[:])
		e[24], e[25] = 0x86, 0xdd
		return "", "", true
	}
	bad = grp
	if i := indexByte(grp, ':'); i >= 0 {
		bad = grp[:i]
	}
	mac, word, err := llAddrA2N(grp, 6)
	if err != nil {
		return bad, fmt.Sprintf("\"%s\" is invalid lladdr.", word), false
	}
	if len(mac) != 6 {
		return bad, "", false
	}
	copy(e[8:], mac)
	return "", "", true
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// llAddrA2N is ll_addr_a2n into at most max bytes: the bytes read (one
// more than max when the word has more), or the word it names invalid.
func llAddrA2N(s string, max int) ([]byte, string, error) {
	if indexByte(s, '.') >= 0 {
		p, ok := cnum.ParseAddr(s, unix.AF_INET)
		if !ok {
			return nil, s, errUsageMDB
		}
		return p.Bytes()[:4], "", nil
	}
	var out []byte
	for i := 0; i < max; i++ {
		part, rest, more := cutByte(s, ':')
		v, _, ok := cnum.ScanUint(part, 16)
		if b := int32(uint32(v)); !ok || b < 0 || b > 255 {
			return nil, part, errUsageMDB
		}
		out = append(out, byte(v))
		if !more {
			return out, "", nil
		}
		s = rest
	}
	return append(out, 0), "", nil
}

func cutByte(s string, c byte) (string, string, bool) {
	if i := indexByte(s, c); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

// inetPton4 is inet_pton(AF_INET): four decimal parts of at most 255,
// none with a leading zero, nothing else (Go's parser has the same rules).
func inetPton4(s string) ([4]byte, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return [4]byte{}, false
	}
	return a.As4(), true
}

// inetPton6 is inet_pton(AF_INET6).
func inetPton6(s string) ([16]byte, bool) {
	if indexByte(s, '%') >= 0 {
		return [16]byte{}, false // a zone is no part of inet_pton's syntax
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() {
		return [16]byte{}, false
	}
	return a.As16(), true
}

func mdbModify(env *cli.Env, args *cmdline.Args, cmd netlink.HeaderType, flags netlink.HeaderFlags) error {
	r, err := parseMDBModify(args, cmd)
	if err == errUsageMDB {
		return mdbHelp(env)
	}
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	body, err := r.body(func(name string) (uint32, error) { return llIndex(c, name) }, env.Warnf)
	if err != nil {
		return err
	}
	if err := c.Exec(cmd, flags, body); err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}

// body is the request mdb_modify sends: the bridge and port looked up by
// index (in that order), the group read, the source, if any, in a nest.
func (r *mdbRequest) body(index func(string) (uint32, error), warn func(string, ...any)) ([]byte, error) {
	brIndex, err := index(r.dev)
	if err != nil {
		return nil, err
	}
	if brIndex == 0 {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", r.dev)
	}
	portIndex, err := index(r.port)
	if err != nil {
		return nil, err
	}
	if portIndex == 0 {
		return nil, cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", r.port)
	}
	e := make([]byte, sizeofMDBEntry)
	ne.PutUint32(e[0:4], portIndex)
	if r.permanent {
		e[4] = mdbPermanent
	}
	if bad, msg, ok := mdbGroup(r.grp, e); !ok {
		if msg != "" {
			warn("%s\n", msg)
		}
		return nil, cmdline.Exit(cmdline.StatusUsage, "Invalid address \"%s\"", bad)
	}
	ne.PutUint16(e[6:8], uint16(r.vid))
	var src []byte
	if r.hasSrc {
		if a, ok := inetPton4(r.src); ok {
			src = a[:]
		} else if a, ok := inetPton6(r.src); ok {
			src = a[:]
		} else {
			return nil, cmdline.Exit(cmdline.StatusUsage, "Invalid source address \"%s\"", r.src)
		}
	}
	hdr := make([]byte, sizeofBrPortMsg)
	hdr[0] = unix.AF_BRIDGE
	ne.PutUint32(hdr[4:8], brIndex)
	return rtnl.Body(hdr, func(ae *netlink.AttributeEncoder) error {
		ae.Bytes(mdbaSetEntry, e)
		if src != nil {
			ae.Nested(mdbaSetEntryAttrs|unix.NLA_F_NESTED, func(nae *netlink.AttributeEncoder) error {
				nae.Bytes(mdbeAttrSource, src)
				return nil
			})
		}
		return nil
	})
}
