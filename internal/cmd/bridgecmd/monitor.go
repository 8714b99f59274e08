package bridgecmd

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Groups bridge monitor listens to (linux/rtnetlink.h).
const (
	rtmgrpTC       = 0x8 // RTMGRP_TC: the one legacy group left out by default
	rtnlgrpMDB     = 26
	rtnlgrpBrVLAN  = 33
	rtnlgrpTunnel  = 35
	nlmsgTimestamp = 15 // NLMSG_TSTAMP, in rtmon captures
)

// mgrp is nl_mgrp: the legacy bind bit of group g.
func mgrp(g uint32) uint32 { return 1 << (g - 1) }

// brMonitor is one `bridge monitor` run: the printers of each object,
// sharing one link name cache.
type brMonitor struct {
	env    *cli.Env
	p      *format.Printer
	banner bool // `all`: each event starts with its object's label
	stamp  bool // -timestamp
	names  *link.Names
	links  *linkTable
	fdb    *fdbFilter
	mdb    *mdbPrinter
	vlan   *vlanDBPrinter
	vni    *vniPrinter
}

// doMonitor is `bridge monitor [ file FILE | link | fdb | mdb | vlan | vni
// | all ]...`: notifications (or an rtmon capture) printed through the
// printers show uses.
func doMonitor(env *cli.Env, args *cmdline.Args) error {
	groups := ^uint32(rtmgrpTC)
	var file string
	var hasFile, lLink, lNeigh, lMDB, lVlan, lVNI, banner bool
	for args.More() {
		w := args.Next()
		switch {
		case cmdline.Matches(w, "file"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			file, hasFile = v, true
		case cmdline.Matches(w, "link"):
			lLink, groups = true, 0
		case cmdline.Matches(w, "fdb"):
			lNeigh, groups = true, 0
		case cmdline.Matches(w, "mdb"):
			lMDB, groups = true, 0
		case cmdline.Matches(w, "vlan"):
			lVlan, groups = true, 0
		case w == "vni":
			lVNI, groups = true, 0
		case w == "all":
			groups = ^uint32(rtmgrpTC)
			lVlan, lVNI, banner = true, true, true
		case cmdline.Matches(w, "help"):
			env.P.Flush()
			monitorUsage(env.Stderr)
			return cmdline.Usage()
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "Argument \"%s\" is unknown, try \"bridge monitor help\".", w)
		}
	}
	if lLink {
		groups |= mgrp(unix.RTNLGRP_LINK)
	}
	if lNeigh {
		groups |= mgrp(unix.RTNLGRP_NEIGH)
	}
	if lMDB {
		groups |= mgrp(rtnlgrpMDB)
	}
	m := newBrMonitor(env, banner)
	defer m.names.Close()
	if hasFile {
		return m.replay(file)
	}
	return m.listen(groups, lVlan, lVNI)
}

func newBrMonitor(env *cli.Env, banner bool) *brMonitor {
	// Text whatever -json says: bridge monitor opens no JSON context.
	p := env.P.Plain()
	m := &brMonitor{env: env, p: p, banner: banner, stamp: env.Opts.Timestamp > 0}
	m.names = link.NewNames(env.NetNSFD)
	m.names.Volatile()
	name := func(i int32) string { return m.names.Name(uint32(i)) }
	m.links = &linkTable{cache: m.names}
	// print_fdb filters with what the last fdb show of a -batch left.
	f := stateOf(env).fdb
	f.headers = m.headers
	m.fdb = &f
	m.mdb = &mdbPrinter{p: p, warn: env.Warnf, details: env.Opts.Details > 0, stats: env.Opts.Stats > 0, name: name}
	m.vlan = &vlanDBPrinter{cur: -1, names: name, stats: env.Opts.Stats > 0, headers: m.headers}
	m.vni = &vniPrinter{p: p, warn: env.Warnf, name: name, headers: m.headers}
	return m
}

// headers is print_headers: -timestamp's line, then the object's label
// under `all`.
func (m *brMonitor) headers(label string) {
	w := m.p.Writer()
	if m.stamp {
		now := time.Now()
		fmt.Fprintf(w, "Timestamp: %s %d usec\n", now.Format("Mon Jan _2 15:04:05 2006"), now.Nanosecond()/1000)
	}
	if m.banner {
		w.WriteString(label)
	}
}

// accept is bridge monitor's accept_msg: one message to its object's
// printer, then out to stdout.
func (m *brMonitor) accept(h netlink.Header, body []byte) error {
	defer m.p.Flush()
	msg := netlink.Message{Header: h, Data: body}
	switch uint16(h.Type) {
	case unix.RTM_NEWLINK, unix.RTM_DELLINK:
		if len(body) < unix.SizeofIfInfomsg {
			m.env.Warnf("Message too short!\n")
			return errStopDump
		}
		printBrLink(m.p, m.env.Opts.Details > 0, stateOf(m.env).linkIndex, m.links, msg, m.headers)
	case unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH:
		if len(body) < unix.SizeofNdMsg {
			m.env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-unix.SizeofNdMsg)
			return errStopDump
		}
		printFDB(m.p, m.env.Opts.Stats > 0, m.fdb, func(i int32) string { return m.names.Name(uint32(i)) }, msg)
	case unix.RTM_NEWMDB, unix.RTM_DELMDB:
		return m.mdb.printMonitor(msg, m.headers)
	case nlmsgTimestamp:
		var sec, usec uint32
		if len(body) >= 8 {
			sec, usec = ne.Uint32(body), ne.Uint32(body[4:])
		}
		fmt.Fprintf(m.p.Writer(), "Timestamp: %s %d us\n", time.Unix(int64(sec), 0).Format("Mon Jan _2 15:04:05 2006"), usec)
	case rtmNewVLAN, rtmDelVLAN:
		if len(body) < 8 {
			m.env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-8)
			return errStopDump
		}
		m.vlan.print(m.p, msg, true, false)
	case rtmNewTunnel, rtmDelTunnel:
		return m.vni.print(msg)
	}
	return nil
}

// replay prints an rtmon capture (rtnl_from_file); links are named as
// the current namespace names them.
func (m *brMonitor) replay(file string) error {
	f, err := os.Open(file)
	if err != nil {
		m.env.Warnf("Cannot fopen: %s\n", rtnl.ErrnoText(err))
		return cmdline.Exited(cmdline.StatusUsage)
	}
	defer f.Close()
	err = rtnl.ReadSaved(f, m.accept)
	m.p.Flush()
	var se *rtnl.SavedError
	switch {
	case errors.As(err, &se):
		return cmdline.Exit(cmdline.StatusUsage, "%s", se.Msg)
	case err != nil:
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}

// listen subscribes and prints notifications until killed (rtnl_listen).
func (m *brMonitor) listen(groups uint32, vlan, vni bool) error {
	env := m.env
	s, err := rtnl.Subscribe(env.NetNSFD, groups, 0)
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot open netlink socket: %s", rtnl.ErrnoText(err))
	}
	defer s.Close()
	if vlan {
		if err := s.Join(rtnlgrpBrVLAN); err != nil {
			return cmdline.Exit(cmdline.StatusFailed, "Failed to add bridge vlan group to list")
		}
	}
	if vni {
		if err := s.Join(rtnlgrpTunnel); err != nil {
			return cmdline.Exit(cmdline.StatusFailed, "Failed to add bridge vni group to list")
		}
	}
	// ll_init_map: every link's name now; a link renamed later keeps the
	// name it had, as in iproute2's cache.
	if m.names.Load() {
		env.Warnf("%s\n", rtnl.DumpInterruptedText)
	}
	// errStopDump: a printer's -1 ends rtnl_listen, and bridge monitor
	// with status 2.
	return cli.Listen(env, s, func(h netlink.Header, body []byte, _ int) error { return m.accept(h, body) }, errStopDump)
}
