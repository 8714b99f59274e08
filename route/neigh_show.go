package route

import (
	"encoding/binary"
	"fmt"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// nudNoneBit stands for NUD_NONE (0) in a filter's state mask, as iproute2
// keeps it: "nud none" shows entries without a state.
const nudNoneBit = 0x100

// neighFilter selects the entries show and flush act on.
type neighFilter struct {
	family   int
	index    uint32      // dev: also left out of the printed lines
	state    uint32      // NUD_* mask, nudNoneBit for no state
	unused   bool        // only entries nobody references
	pfx      cnum.Prefix // to PREFIX; family 0: any
	master   uint32      // NDA_MASTER for the kernel; ^0 is nomaster
	hasMastr bool
	protocol uint8
	ndmFlags uint8 // NTF_PROXY: the proxy table
}

// neighList is show (and flush when flush is set).
func neighList(env *cli.Env, args *cmdline.Args, flush bool) error {
	f := neighFilter{family: env.Opts.Family, state: 0xff &^ unix.NUD_NOARP}
	if flush {
		if !args.More() {
			return cmdline.Exit(cmdline.StatusFailed, "Flush requires arguments.")
		}
		f.state = ^uint32(unix.NUD_PERMANENT | unix.NUD_NOARP)
	}
	var dev string
	hasDev := false // '' is a name no device has, not "any device"
	stateGiven := false
	for args.More() {
		w := args.Next()
		switch {
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if hasDev {
				return cmdline.Duplicate("dev", v)
			}
			dev, hasDev = v, true
		case w == "master":
			v, err := args.Value()
			if err != nil {
				return err
			}
			c, err := env.Conn()
			if err != nil {
				return err
			}
			idx, err := devIndex(c, v)
			if err != nil {
				return cmdline.InvalidArg("Device does not exist\n", v)
			}
			f.master, f.hasMastr = idx, true
		case w == "vrf":
			v, err := args.Value()
			if err != nil {
				return err
			}
			// This kernel has no VRF devices, so no name is one.
			return cmdline.InvalidArg("Not a valid VRF name\n", v)
		case w == "nomaster":
			f.master, f.hasMastr = ^uint32(0), true
		case w == "unused":
			f.unused = true
		case w == "nud":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if !stateGiven {
				stateGiven, f.state = true, 0
			}
			s, ok := parseNUD(v)
			if !ok {
				if v != "all" {
					return cmdline.InvalidArg("nud state is bad", v)
				}
				s = ^uint32(0)
				if flush {
					s &^= unix.NUD_NOARP
				}
			}
			if s == 0 {
				s = nudNoneBit
			}
			f.state |= s
		case w == "proxy":
			f.ndmFlags = unix.NTF_PROXY
		case cmdline.Matches(w, "protocol"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			p, ok := parseProtocol(v)
			if !ok {
				if v != "all" {
					return cmdline.InvalidArg("invalid \"protocol\"\n", v)
				}
				p = 0
			}
			f.protocol = p
		default:
			w, err := args.After("to", w)
			if err != nil {
				return err
			}
			if cmdline.Matches(w, "help") {
				return neighUsage(env)
			}
			// get_prefix exits with its own message before iproute2's
			// "to value is invalid" could be printed.
			p, err := cnum.GetPrefix(w, f.family)
			if err != nil {
				return err
			}
			f.pfx = p
			if f.family == unix.AF_UNSPEC {
				f.family = p.Family
			}
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if hasDev {
		if f.index, err = devIndex(c, dev); err != nil {
			return err
		}
	}
	if flush {
		return neighFlush(env, c, &f)
	}
	pr := newNeighPrinter(env, &f)
	defer pr.links.close()
	env.P.Begin()
	err = neighDump(c, &f, func(m netlink.Message) {
		pr.print(uint16(m.Header.Type), m.Header.Flags, m.Data)
	})
	if err != nil {
		return neighDumpError(err, "Dump terminated")
	}
	env.P.End()
	return nil
}

// neighDumpError words a failed dump as iproute2 does.
func neighDumpError(err error, what string) error {
	return cmdline.Fatal(cmdline.StatusFailed, "%s\n%s", err, what)
}

// neighDump asks for the neighbour table, filtered by the kernel where the
// filter allows (ifindex, master, the proxy table), and passes each entry
// to fn.
func neighDump(c *rtnl.Conn, f *neighFilter, fn func(netlink.Message)) error {
	ae := netlink.NewAttributeEncoder()
	if f.index != 0 {
		ae.Uint32(unix.NDA_IFINDEX, f.index)
	}
	if f.hasMastr {
		ae.Uint32(unix.NDA_MASTER, f.master)
	}
	attrs, err := ae.Encode()
	if err != nil {
		return err
	}
	req := append(ndmsg(uint8(f.family), 0, 0, f.ndmFlags), attrs...)
	return c.Dump(unix.RTM_GETNEIGH, req, func(m netlink.Message) error {
		fn(m)
		return nil
	})
}

// neighEntry is a decoded neighbour message; its slices point into the
// message.
type neighEntry struct {
	family   uint8
	ifindex  uint32
	state    uint16
	flags    uint8
	dst      []byte
	lladdr   []byte
	haveLL   bool
	cache    []byte // struct nda_cacheinfo
	probes   uint32
	hasProbe bool
	protocol uint8
	extFlags uint32
}

func decodeNeigh(b []byte, e *neighEntry) bool {
	if len(b) < ndmsgLen {
		return false
	}
	*e = neighEntry{
		family:  b[0],
		ifindex: binary.NativeEndian.Uint32(b[4:]),
		state:   binary.NativeEndian.Uint16(b[8:]),
		flags:   b[10],
	}
	a := rtnl.NewAttrs(b[ndmsgLen:])
	for a.Next() {
		switch a.Type() {
		case unix.NDA_DST:
			e.dst = a.Data()
		case unix.NDA_LLADDR:
			e.lladdr, e.haveLL = a.Data(), true
		case unix.NDA_CACHEINFO:
			if len(a.Data()) >= 16 {
				e.cache = a.Data()
			}
		case unix.NDA_PROBES:
			e.probes, e.hasProbe = a.Uint32(), true
		case ndaProtocol:
			e.protocol = a.Uint8()
		case ndaFlagsExt:
			e.extFlags = a.Uint32()
		}
	}
	return true
}

// match is print_neigh's filter.
func (f *neighFilter) match(e *neighEntry, msgFlags netlink.HeaderFlags) bool {
	if f.family != 0 && f.family != int(e.family) {
		return false
	}
	if f.index != 0 && f.index != e.ifindex {
		return false
	}
	if f.state&uint32(e.state) == 0 && e.flags&unix.NTF_PROXY == 0 &&
		e.flags&unix.NTF_EXT_LEARNED == 0 && (e.state != 0 || f.state&nudNoneBit == 0) {
		return false
	}
	if f.pfx.Family != unix.AF_UNSPEC && f.pfx.BitLen > 0 && e.dst != nil {
		dstFamily := unix.AF_UNSPEC
		switch len(e.dst) {
		case 4:
			dstFamily = unix.AF_INET
		case 16:
			dstFamily = unix.AF_INET6
		}
		if dstFamily != f.pfx.Family {
			return false
		}
		var d [16]byte
		copy(d[:], e.dst)
		if !addrMatch(&d, &f.pfx.Data, f.pfx.BitLen) {
			return false
		}
	}
	if f.protocol != 0 && f.protocol != e.protocol {
		return false
	}
	if f.unused && e.cache != nil && binary.NativeEndian.Uint32(e.cache[12:]) != 0 {
		return false
	}
	return true
}

// neighPrinter prints entries as iproute2's print_neigh does.
type neighPrinter struct {
	env     *cli.Env
	p       *format.Printer
	f       *neighFilter
	links   *linkNames
	brief   bool
	stats   int
	numeric bool
	resolve bool
	warned  bool
	buf     []byte
}

func newNeighPrinter(env *cli.Env, f *neighFilter) *neighPrinter {
	return &neighPrinter{
		env:     env,
		p:       env.P,
		f:       f,
		links:   newLinkNames(env.NetNSFD),
		brief:   env.Opts.Brief,
		stats:   env.Opts.Stats,
		numeric: env.Opts.Numeric,
		resolve: env.Opts.Resolve,
	}
}

// neighStates are the NUD_* names in iproute2's printing order.
var neighStates = []struct {
	bit  uint16
	name string
}{
	{unix.NUD_INCOMPLETE, "INCOMPLETE"},
	{unix.NUD_REACHABLE, "REACHABLE"},
	{unix.NUD_STALE, "STALE"},
	{unix.NUD_DELAY, "DELAY"},
	{unix.NUD_PROBE, "PROBE"},
	{unix.NUD_FAILED, "FAILED"},
	{unix.NUD_NOARP, "NOARP"},
	{unix.NUD_PERMANENT, "PERMANENT"},
}

// print prints one message of type typ if it passes the filter.
func (pr *neighPrinter) print(typ uint16, msgFlags netlink.HeaderFlags, body []byte) {
	var e neighEntry
	if typ != unix.RTM_NEWNEIGH && typ != unix.RTM_DELNEIGH && typ != unix.RTM_GETNEIGH {
		pr.p.Flush()
		fmt.Fprintf(pr.env.Stderr, "Not RTM_NEWNEIGH: %08x %08x %08x\n", len(body)+16, typ, uint16(msgFlags))
		return
	}
	if !decodeNeigh(body, &e) || !pr.f.match(&e, msgFlags) {
		return
	}
	if pr.f.hasMastr && msgFlags&netlink.DumpFiltered == 0 && !pr.warned {
		pr.warned = true
		pr.p.Writer().WriteString("\nWARNING: Kernel does not support filtering by master device\n\n")
	}
	pr.entry(typ, &e)
}

// family is the address family of the entry's destination (bridge entries
// carry IPv4 or IPv6 addresses).
func (e *neighEntry) addrFamily() int {
	if e.family == unix.AF_BRIDGE {
		if len(e.dst) == 16 {
			return unix.AF_INET6
		}
		return unix.AF_INET
	}
	return int(e.family)
}

func (pr *neighPrinter) entry(typ uint16, e *neighEntry) {
	p := pr.p
	p.OpenObject("")
	switch typ {
	case unix.RTM_DELNEIGH:
		p.Bool(format.Any, "deleted", "Deleted ", true)
	case unix.RTM_GETNEIGH:
		p.Null(format.Any, "miss", "%s ", "miss")
	}
	hw := func() string {
		pr.buf = link.AppendHWAddr(pr.buf[:0], e.lladdr, unix.ARPHRD_ETHER)
		return string(pr.buf)
	}
	if pr.brief {
		if e.dst != nil {
			fam := e.addrFamily()
			p.ColorString(format.Any, familyColor(fam), "dst", "%-39s ", pr.host(fam, e.dst))
		}
		if pr.f.index == 0 && e.ifindex != 0 {
			p.ColorString(format.Any, format.Ifname, "dev", "%-16s ", pr.links.name(e.ifindex))
		}
		if e.haveLL {
			p.ColorString(format.Any, format.MAC, "lladdr", "%s", hw())
		}
		p.Text("\n")
		p.CloseObject()
		return
	}
	if e.dst != nil {
		fam := e.addrFamily()
		p.ColorString(format.Any, familyColor(fam), "dst", "%s ", pr.host(fam, e.dst))
	}
	if pr.f.index == 0 && e.ifindex != 0 {
		p.Text("dev ")
		p.ColorString(format.Any, format.Ifname, "dev", "%s ", pr.links.name(e.ifindex))
	}
	if e.haveLL {
		p.Text("lladdr ")
		p.ColorString(format.Any, format.MAC, "lladdr", "%s ", hw())
	}
	if e.flags&unix.NTF_ROUTER != 0 {
		p.Null(format.Any, "router", "%s ", "router")
	}
	if e.flags&unix.NTF_PROXY != 0 {
		p.Null(format.Any, "proxy", "%s ", "proxy")
	}
	if e.extFlags&ntfExtManaged != 0 {
		p.Null(format.Any, "managed", "%s ", "managed")
	}
	if e.flags&unix.NTF_EXT_LEARNED != 0 {
		p.Null(format.Any, "extern_learn", "%s ", "extern_learn")
	}
	if e.flags&unix.NTF_OFFLOADED != 0 {
		p.Null(format.Any, "offload", "%s ", "offload")
	}
	if pr.stats > 0 {
		if e.cache != nil {
			confirmed := binary.NativeEndian.Uint32(e.cache[0:])
			used := binary.NativeEndian.Uint32(e.cache[4:])
			updated := binary.NativeEndian.Uint32(e.cache[8:])
			refcnt := binary.NativeEndian.Uint32(e.cache[12:])
			if refcnt != 0 {
				p.Uint(format.Any, "refcnt", " ref %u", uint64(refcnt))
			}
			p.Uint(format.Any, "used", " used %u", uint64(used/userHZ))
			p.Uint(format.Any, "confirmed", "/%u", uint64(confirmed/userHZ))
			p.Uint(format.Any, "updated", "/%u", uint64(updated/userHZ))
		}
		if e.hasProbe {
			p.Uint(format.Any, "probes", "probes %u ", uint64(e.probes))
		}
	}
	if e.state != 0 {
		p.OpenArray(format.JSON, "state", "")
		for _, s := range neighStates {
			if e.state&s.bit != 0 {
				p.String(format.Any, "", "%s ", s.name)
			}
		}
		p.CloseArray(format.JSON, "")
	}
	if e.protocol != 0 {
		p.String(format.Any, "protocol", "proto %s ", names{numeric: pr.numeric}.protocol(e.protocol))
	}
	p.Text("\n")
	p.CloseObject()
}

// host is format_host for a neighbour's destination.
func (pr *neighPrinter) host(family int, b []byte) string {
	return hostText(&pr.buf, pr.resolve, family, b)
}

// hostText is format_host: under -resolve the name of the address when it
// has one, else the address ("???" when its length is not its family's);
// buf is the caller's scratch buffer.
func hostText(buf *[]byte, resolve bool, family int, b []byte) string {
	if resolve {
		if name := rtnames.HostName(family, b); name != "" {
			return name
		}
	}
	if (family == unix.AF_INET && len(b) != 4) || (family == unix.AF_INET6 && len(b) != 16) {
		return "???"
	}
	*buf = appendAddr((*buf)[:0], family, b)
	return string(*buf)
}

// neighFlush is `ip neigh flush`: dump, delete what matches, repeat until
// a pass finds nothing (at most neighMaxRounds passes). With -s it reports
// the rounds; with -s -s it also prints each entry it deletes.
func neighFlush(env *cli.Env, c *rtnl.Conn, f *neighFilter) error {
	pr := newNeighPrinter(env, f)
	defer pr.links.close()
	w := env.P.Writer()
	stats := env.Opts.Stats
	var dels [][]byte
	for round := 0; round < neighMaxRounds; round++ {
		dels = dels[:0]
		err := neighDump(c, f, func(m netlink.Message) {
			var e neighEntry
			if uint16(m.Header.Type) != unix.RTM_NEWNEIGH || !decodeNeigh(m.Data, &e) || !f.match(&e, m.Header.Flags) {
				return
			}
			dels = append(dels, append([]byte(nil), m.Data...))
			if stats >= 2 {
				pr.entry(unix.RTM_NEWNEIGH, &e)
			}
		})
		if err != nil {
			return neighDumpError(err, "Flush terminated")
		}
		if len(dels) == 0 {
			if stats > 0 {
				if round == 0 {
					w.WriteString("Nothing to flush.\n")
				} else {
					plural := ""
					if round > 1 {
						plural = "s"
					}
					fmt.Fprintf(w, "*** Flush is complete after %d round%s ***\n", round, plural)
				}
			}
			return nil
		}
		for _, body := range dels {
			// Entries that went away meanwhile are not an error for a flush.
			_ = c.Exec(unix.RTM_DELNEIGH, 0, body)
		}
		if stats > 0 {
			fmt.Fprintf(w, "\n*** Round %d, deleting %d entries ***\n", round+1, len(dels))
		}
		f.state &^= unix.NUD_FAILED
	}
	fmt.Fprintf(w, "*** Flush not complete bailing out after %d rounds\n", neighMaxRounds)
	return cmdline.Silent(cmdline.StatusFailed)
}
