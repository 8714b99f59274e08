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
	banner bool          // `all`: each event starts with its object's label
	stamp  bool          // -timestamp
	out    *stdoutBlocks // between p and the command's stdout
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
	defer m.finish()
	if hasFile {
		return m.replay(file)
	}
	return m.listen(groups, lVlan, lVNI)
}

func newBrMonitor(env *cli.Env, banner bool) *brMonitor {
	// Text whatever -json says: bridge monitor opens no JSON context.
	env.P.Flush()
	out := newStdoutBlocks(env.P.Writer())
	p := env.P.Plain().To(out)
	m := &brMonitor{env: env, p: p, out: out, banner: banner, stamp: env.Opts.Timestamp > 0}
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
// printer, then out to stdout as iproute2's stdio lets it out (send).
func (m *brMonitor) accept(h netlink.Header, body []byte) error {
	defer m.send(uint16(h.Type))
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

// send passes an event's text on to stdout. iproute2's link, fdb and vni
// printers end with fflush when they print; its mdb and vlan printers (and
// rtmon's time stamps) do not, so their text waits in stdio's buffer,
// which a monitor killed by timeout or ^C never writes: gip keeps it back
// the same way (stdoutBlocks).
func (m *brMonitor) send(typ uint16) {
	printed := m.p.Writer().Buffered() > 0
	m.p.Flush()
	switch typ {
	case unix.RTM_NEWLINK, unix.RTM_DELLINK, unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH, rtmNewTunnel, rtmDelTunnel:
		if printed {
			m.out.flush()
			return
		}
	}
	m.out.blocks()
}

// finish writes out what is held back: bridge monitor ends by exit(),
// which flushes stdio (a file replayed, an error that stops it).
func (m *brMonitor) finish() {
	m.p.Flush()
	m.out.flush()
}

// stdoutBlocks plays C stdio's full buffering of stdout when it is a file
// or a pipe: held text goes out on flush, or, while it is held, in whole
// buffers of the stream's block size as it fills (glibc writes a full
// buffer, then keeps the rest). On a terminal stdio writes by line, and
// nothing is held.
type stdoutBlocks struct {
	out     *format.Output
	size    int // 0: a terminal
	pending []byte
}

func newStdoutBlocks(out *format.Output) *stdoutBlocks {
	s := &stdoutBlocks{out: out, size: 8192} // BUFSIZ, when fstat gives no block size
	var st unix.Stat_t
	if isTerminal() {
		s.size = 0
	} else if unix.Fstat(1, &st) == nil && st.Blksize > 0 {
		s.size = int(st.Blksize)
	}
	return s
}

func (s *stdoutBlocks) Write(b []byte) (int, error) {
	s.pending = append(s.pending, b...)
	return len(b), nil
}

// flush is fflush(stdout).
func (s *stdoutBlocks) flush() {
	s.out.Write(s.pending)
	s.pending = s.pending[:0]
	s.out.Flush()
}

// blocks writes the whole buffers of what is held, or all of it on a
// terminal.
func (s *stdoutBlocks) blocks() {
	if s.size == 0 {
		s.flush()
		return
	}
	n := len(s.pending) / s.size * s.size
	if n == 0 {
		return
	}
	s.out.Write(s.pending[:n])
	s.pending = append(s.pending[:0], s.pending[n:]...)
	s.out.Flush()
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
	m.finish()
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
