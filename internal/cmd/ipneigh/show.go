package ipneigh

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unsafe"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/neigh"
	"github.com/gipnet/gip/route"
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
			idx, err := iproute.DevIndex(env, v)
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
			s, ok := neigh.ParseState(v)
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
			p, ok := route.ParseProtocol(v)
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
	env.InitLinks()
	if hasDev && env.InBatch {
		if f.index, err = iproute.DevIndex(env, dev); err != nil {
			return err
		}
	} else if hasDev {
		lc := c
		if flush {
			// As iproute2 looks names up, on a socket of its own: a
			// reply received on the flush's socket would make the
			// kernel cut its next dumps into larger parts from the
			// start, and which entries a round's dump passes over
			// while its deletions go out depends on them.
			if own, err := rtnl.Dial(env.NetNSFD); err == nil {
				defer own.Close()
				own.Warn = c.Warn // a name too long for the request is warned about
				lc = own
			}
		}
		if f.index, err = iproute.DevIndexOn(lc, dev); err != nil {
			return err
		}
	}
	if flush {
		return neighFlush(env, c, &f)
	}
	pr := newNeighPrinter(env, &f)
	defer pr.links.Close()
	env.P.Begin()
	err = neighDump(c.Dump, &f, func(m netlink.Message) error {
		pr.print(uint16(m.Header.Type), m.Header.Flags, m.Data)
		return nil
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
// to fn, through dumpFn (Conn.Dump or a Flusher's Dump).
func neighDump(dumpFn func(netlink.HeaderType, []byte, func(netlink.Message) error) error, f *neighFilter, fn func(netlink.Message) error) error {
	req, err := neigh.DumpRequest(f.family, f.index, f.master, f.hasMastr, f.ndmFlags)
	if err != nil {
		return err
	}
	return dumpFn(unix.RTM_GETNEIGH, req, fn)
}

// match is print_neigh's filter.
func (f *neighFilter) match(e *neigh.Message, msgFlags netlink.HeaderFlags) bool {
	if f.family != 0 && f.family != int(e.Family) {
		return false
	}
	if f.index != 0 && f.index != e.Index {
		return false
	}
	if f.state&uint32(e.State) == 0 && e.Flags&unix.NTF_PROXY == 0 &&
		e.Flags&unix.NTF_EXT_LEARNED == 0 && (e.State != 0 || f.state&nudNoneBit == 0) {
		return false
	}
	if f.pfx.Family != unix.AF_UNSPEC && f.pfx.BitLen > 0 && e.Dst != nil {
		dstFamily := unix.AF_UNSPEC
		switch len(e.Dst) {
		case 4:
			dstFamily = unix.AF_INET
		case 16:
			dstFamily = unix.AF_INET6
		}
		if dstFamily != f.pfx.Family {
			return false
		}
		var d [16]byte
		copy(d[:], e.Dst)
		if !route.AddrMatch(&d, &f.pfx.Data, f.pfx.BitLen) {
			return false
		}
	}
	if f.protocol != 0 && f.protocol != e.Protocol {
		return false
	}
	if f.unused && e.CacheInfo != nil && binary.NativeEndian.Uint32(e.CacheInfo[12:]) != 0 {
		return false
	}
	return true
}

// neighPrinter prints entries as iproute2's print_neigh does.
type neighPrinter struct {
	env     *cli.Env
	p       *format.Printer
	f       *neighFilter
	links   *iproute.LinkNames
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
		links:   iproute.EnvLinkNames(env),
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
	var e neigh.Message
	if typ != unix.RTM_NEWNEIGH && typ != unix.RTM_DELNEIGH && typ != unix.RTM_GETNEIGH {
		pr.p.Flush()
		fmt.Fprintf(pr.env.Stderr, "Not RTM_NEWNEIGH: %08x %08x %08x\n", len(body)+16, typ, uint16(msgFlags))
		return
	}
	if !neigh.DecodeMessage(body, &e) || !pr.f.match(&e, msgFlags) {
		return
	}
	if pr.f.hasMastr && msgFlags&netlink.DumpFiltered == 0 && !pr.warned {
		pr.warned = true
		pr.p.Writer().WriteString("\nWARNING: Kernel does not support filtering by master device\n\n")
	}
	pr.entry(typ, &e)
}

func (pr *neighPrinter) entry(typ uint16, e *neigh.Message) {
	p := pr.p
	p.OpenObject("")
	switch typ {
	case unix.RTM_DELNEIGH:
		p.Bool(format.Any, "deleted", "Deleted ", true)
	case unix.RTM_GETNEIGH:
		p.Null(format.Any, "miss", "%s ", "miss")
	}
	// hw and host are views of pr.buf, each printed before the next
	// overwrites it: no string per entry.
	hw := func() string {
		pr.buf = link.AppendHWAddr(pr.buf[:0], e.LLAddr, unix.ARPHRD_ETHER)
		return unsafe.String(unsafe.SliceData(pr.buf), len(pr.buf))
	}
	if pr.brief {
		if e.Dst != nil {
			fam := e.AddrFamily()
			p.ColorString(format.Any, iproute.FamilyColor(fam), "dst", "%-39s ", pr.host(fam, e.Dst))
		}
		if pr.f.index == 0 && e.Index != 0 {
			p.ColorString(format.Any, format.Ifname, "dev", "%-16s ", pr.links.Name(e.Index))
		}
		if e.HasLLAddr {
			p.ColorString(format.Any, format.MAC, "lladdr", "%s", hw())
		}
		p.Text("\n")
		p.CloseObject()
		return
	}
	if e.Dst != nil {
		fam := e.AddrFamily()
		p.ColorString(format.Any, iproute.FamilyColor(fam), "dst", "%s ", pr.host(fam, e.Dst))
	}
	if pr.f.index == 0 && e.Index != 0 {
		p.Text("dev ")
		p.ColorString(format.Any, format.Ifname, "dev", "%s ", pr.links.Name(e.Index))
	}
	if e.HasLLAddr {
		p.Text("lladdr ")
		p.ColorString(format.Any, format.MAC, "lladdr", "%s ", hw())
	}
	if e.Flags&unix.NTF_ROUTER != 0 {
		p.Null(format.Any, "router", "%s ", "router")
	}
	if e.Flags&unix.NTF_PROXY != 0 {
		p.Null(format.Any, "proxy", "%s ", "proxy")
	}
	if e.ExtFlags&neigh.ExtManaged != 0 {
		p.Null(format.Any, "managed", "%s ", "managed")
	}
	if e.Flags&unix.NTF_EXT_LEARNED != 0 {
		p.Null(format.Any, "extern_learn", "%s ", "extern_learn")
	}
	if e.Flags&unix.NTF_OFFLOADED != 0 {
		p.Null(format.Any, "offload", "%s ", "offload")
	}
	if pr.stats > 0 {
		if e.CacheInfo != nil {
			confirmed := binary.NativeEndian.Uint32(e.CacheInfo[0:])
			used := binary.NativeEndian.Uint32(e.CacheInfo[4:])
			updated := binary.NativeEndian.Uint32(e.CacheInfo[8:])
			refcnt := binary.NativeEndian.Uint32(e.CacheInfo[12:])
			if refcnt != 0 {
				p.Uint(format.Any, "refcnt", " ref %u", uint64(refcnt))
			}
			p.Uint(format.Any, "used", " used %u", uint64(used/iproute.UserHZ))
			p.Uint(format.Any, "confirmed", "/%u", uint64(confirmed/iproute.UserHZ))
			p.Uint(format.Any, "updated", "/%u", uint64(updated/iproute.UserHZ))
		}
		if e.HasProbes {
			p.Uint(format.Any, "probes", "probes %u ", uint64(e.Probes))
		}
	}
	if e.State != 0 {
		p.OpenArray(format.JSON, "state", "")
		for _, s := range neighStates {
			if e.State&s.bit != 0 {
				p.String(format.Any, "", "%s ", s.name)
			}
		}
		p.CloseArray(format.JSON, "")
	}
	if e.Protocol != 0 {
		p.String(format.Any, "protocol", "proto %s ", route.Names{Numeric: pr.numeric}.Protocol(e.Protocol))
	}
	p.Text("\n")
	p.CloseObject()
}

// host is format_host for a neighbour's destination.
// The string is a view of pr.buf, valid until the printer's next use of it.
func (pr *neighPrinter) host(family int, b []byte) string {
	pr.buf = route.AppendHost(pr.buf[:0], pr.resolve, family, b)
	return unsafe.String(unsafe.SliceData(pr.buf), len(pr.buf))
}

// neighFlush is `ip neigh flush`: dump, delete what matches, repeat until
// a pass finds nothing (at most neighMaxRounds passes). With -s it reports
// the rounds; with -s -s it also prints each entry it deletes. The
// deletions are queued as the dump is read and go out many to a datagram.
func neighFlush(env *cli.Env, c *rtnl.Conn, f *neighFilter) error {
	pr := newNeighPrinter(env, f)
	defer pr.links.Close()
	w := env.P.Writer()
	stats := env.Opts.Stats
	fl := c.NewFlusher(unix.RTM_DELNEIGH, rtnl.FlushBufferSize)
	var e neigh.Message
	for round := 0; round < neighMaxRounds; round++ {
		flushed := 0
		err := neighDump(fl.Dump, f, func(m netlink.Message) error {
			if uint16(m.Header.Type) != unix.RTM_NEWNEIGH || !neigh.DecodeMessage(m.Data, &e) || !f.match(&e, m.Header.Flags) {
				return nil
			}
			if err := fl.AddReply(m); err != nil {
				return flushError(err)
			}
			flushed++
			if stats >= 2 {
				pr.entry(unix.RTM_NEWNEIGH, &e)
			}
			return nil
		})
		if err != nil {
			return neighDumpError(err, "Flush terminated")
		}
		if flushed == 0 {
			if stats > 0 {
				if round == 0 {
					w.WriteString("Nothing to flush.\n")
				} else {
					fmt.Fprintf(w, "*** Flush is complete after %d round%s ***\n", round, iproute.Plural(round))
				}
			}
			return nil
		}
		if err := fl.Send(); err != nil {
			return cmdline.Fatal(cmdline.StatusFailed, "%s", flushError(err))
		}
		if stats > 0 {
			fmt.Fprintf(w, "\n*** Round %d, deleting %d entries ***\n", round+1, flushed)
		}
		f.state &^= unix.NUD_FAILED
	}
	fmt.Fprintf(w, "*** Flush not complete bailing out after %d rounds\n", neighMaxRounds)
	return cmdline.Silent(cmdline.StatusFailed)
}

// flushError is perror's line for a failed batch of deletions.
func flushError(err error) error {
	return errors.New("Failed to send flush request: " + rtnl.ErrnoText(err))
}
