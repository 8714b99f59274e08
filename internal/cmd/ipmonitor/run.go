// Package ipmonitor is `ip monitor`: it listens to rtnetlink notifications
// (or replays a capture with `file`) and prints each message through the
// printer of its object, the one `show` and `-echo` use.
package ipmonitor

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/gipnet/gip/addrlabel"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/ipaddr"
	"github.com/gipnet/gip/internal/cmd/ipaddrlabel"
	"github.com/gipnet/gip/internal/cmd/iplink"
	"github.com/gipnet/gip/internal/cmd/ipmroute"
	"github.com/gipnet/gip/internal/cmd/ipneigh"
	"github.com/gipnet/gip/internal/cmd/ipnetconf"
	"github.com/gipnet/gip/internal/cmd/ipnetns"
	"github.com/gipnet/gip/internal/cmd/ipnexthop"
	"github.com/gipnet/gip/internal/cmd/iproute"
	"github.com/gipnet/gip/internal/cmd/iprule"
	"github.com/gipnet/gip/internal/cmd/ipstats"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/mroute"
	"github.com/gipnet/gip/netconf"
	"github.com/gipnet/gip/nexthop"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// What `ip monitor` may be asked to watch (its OBJECTS).
const (
	watchLink = 1 << iota
	watchAddr
	watchRoute
	watchMRoute
	watchPrefix
	watchNeigh
	watchNetconf
	watchStats
	watchRule
	watchNSID
	watchNexthop

	watchAll = ^0
)

// words are ip monitor's keywords that select objects, in iproute2's order
// of trial (the first a word abbreviates wins).
var words = []struct {
	name string
	bit  int
}{
	{"link", watchLink},
	{"address", watchAddr},
	{"route", watchRoute},
	{"mroute", watchMRoute},
	{"prefix", watchPrefix},
	{"neigh", watchNeigh},
	{"netconf", watchNetconf},
	{"rule", watchRule},
	{"nsid", watchNSID},
	{"nexthop", watchNexthop},
}

// Message types gip names here (not all are in x/sys/unix).
const (
	nlmsgTstamp       = 15 // NLMSG_TSTAMP, rtmon's time stamps
	rtmNewPrefix      = 52
	rtmNewNSID        = 88
	rtmDelNSID        = 89
	rtmNewStats       = 92
	rtmFCloned        = 0x200
	rtnlgrpNexthop    = 32
	rtnlgrpStats      = 36
	rtnlgrpMPLSRoute  = 27
	rtnlgrpMPLSConf   = 29
	rtnlgrpIPv4Conf   = 24
	rtnlgrpIPv6Conf   = 25
	rtnlgrpIPv6Prefix = 18
	rtnlgrpNSID       = 28
)

// monitor is one run: options, the printers and the link name cache they
// share.
type monitor struct {
	env     *cli.Env
	label   bool // prefix each event with its object ([LINK] …)
	allNSID bool
	stamp   bool // -timestamp: a time line (or prefix) per event
	names   *link.Names

	links    *iplink.Printer
	addrs    *ipaddr.Printer
	routes   *iproute.MessagePrinter
	neighs   *ipneigh.MessagePrinter
	rules    *iprule.MessagePrinter
	nsids    *ipnetns.NSIDMessagePrinter
	netconf  *ipnetconf.Printer
	labels   *ipaddrlabel.Printer
	nexthops *ipnexthop.Printer
	mroutes  *ipmroute.Printer
	stats    *ipstats.Printer
}

// offlineNames keeps the link cache from asking the kernel (tests replay
// captures made elsewhere).
var offlineNames = false

// ErrStop is what an accept function returns to end Loop as a printer's
// -1 ends iproute2's rtnl_listen.
var ErrStop = errors.New("stop")

// Run is `ip monitor [ all | OBJECTS ] [ file FILE ] [ label ] [ all-nsid ]
// [ dev DEV ]`.
func Run(env *cli.Env, args *cmdline.Args) error {
	lmask := 0
	file, fileGiven := "", false
	label, allNSID := false, false
	dev, devGiven := "", false
	for args.More() {
		w := args.Next()
		switch {
		case cmdline.Matches(w, "file"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			file, fileGiven = v, true
		case cmdline.Matches(w, "label"):
			label = true
		case objectBit(w) != 0:
			lmask |= objectBit(w)
		case w == "stats":
			lmask |= watchStats
		case w == "all":
			label = true
		case cmdline.Matches(w, "all-nsid"):
			allNSID = true
		case cmdline.Matches(w, "help"):
			return usage(env)
		case w == "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			dev, devGiven = v, true
		default:
			return cmdline.Fatal(cmdline.StatusUsage, "Argument \"%s\" is unknown, try \"ip monitor help\".", w)
		}
	}
	// Text whatever the output options: iproute2 6.1 opens no JSON
	// context for ip monitor, so -json changes nothing.
	menv := *env
	menv.P = env.P.Plain()
	m := &monitor{env: &menv, label: label, allNSID: allNSID, stamp: env.Opts.Timestamp > 0}
	m.names = link.NewNames(env.NetNSFD)
	m.names.Volatile()
	if offlineNames {
		m.names.Offline()
	}
	defer m.names.Close()

	var ifindex uint32
	if devGiven {
		idx, err := devIndex(env, dev)
		if err != nil {
			return err
		}
		ifindex = idx
	}
	nmask := lmask
	if lmask == 0 {
		lmask = watchAll
	}
	groups := groupMask(lmask, env.Opts.Family)
	m.newPrinters(ifindex)
	defer m.routes.Close()
	defer m.neighs.Close()
	defer m.nexthops.Close()

	if fileGiven {
		return m.replay(file)
	}
	return m.listen(groups, lmask, nmask)
}

// objectBit is the object a word abbreviates, 0 for none.
func objectBit(w string) int {
	for _, o := range words {
		if cmdline.Matches(w, o.name) {
			return o.bit
		}
	}
	return 0
}

func usage(env *cli.Env) error {
	env.P.Flush()
	fmt.Fprint(env.Stderr, `Usage: ip monitor [ all | OBJECTS ] [ file FILE ] [ label ] [ all-nsid ]
                  [ dev DEVICE ]
OBJECTS := address | link | mroute | neigh | netconf | nexthop | nsid |
           prefix | route | rule | stats   (several may be given)
FILE    := file FILENAME   (replays messages captured by rtmon)
`)
	return cmdline.Usage()
}

// devIndex is ll_name_to_index for `dev`: a name the kernel knows, or ifN.
func devIndex(env *cli.Env, name string) (uint32, error) {
	if _, err := env.Conn(); err != nil {
		return 0, err
	}
	if idx := env.LinkIndex(name); idx != 0 {
		return idx, nil
	}
	return 0, cmdline.InvalidArg("Device does not exist\n", name)
}

// mgrp is nl_mgrp: the legacy bind bit of group g.
func mgrp(g uint32) uint32 { return 1 << (g - 1) }

// groupMask is the bind mask for the objects in lmask under family (an
// -4/-6/-M/-0 family leaves out the others' groups).
func groupMask(lmask, family int) uint32 {
	fam := func(f int) bool { return family == unix.AF_UNSPEC || family == f }
	var g uint32
	if lmask&watchLink != 0 {
		g |= mgrp(unix.RTNLGRP_LINK)
	}
	if lmask&watchAddr != 0 {
		if fam(unix.AF_INET) {
			g |= mgrp(unix.RTNLGRP_IPV4_IFADDR)
		}
		if fam(unix.AF_INET6) {
			g |= mgrp(unix.RTNLGRP_IPV6_IFADDR)
		}
	}
	if lmask&watchRoute != 0 {
		if fam(unix.AF_INET) {
			g |= mgrp(unix.RTNLGRP_IPV4_ROUTE)
		}
		if fam(unix.AF_INET6) {
			g |= mgrp(unix.RTNLGRP_IPV6_ROUTE)
		}
		if fam(unix.AF_MPLS) {
			g |= mgrp(rtnlgrpMPLSRoute)
		}
	}
	if lmask&watchMRoute != 0 {
		if fam(unix.AF_INET) {
			g |= mgrp(unix.RTNLGRP_IPV4_MROUTE)
		}
		if fam(unix.AF_INET6) {
			g |= mgrp(unix.RTNLGRP_IPV6_MROUTE)
		}
	}
	if lmask&watchPrefix != 0 && fam(unix.AF_INET6) {
		g |= mgrp(rtnlgrpIPv6Prefix)
	}
	if lmask&watchNeigh != 0 {
		g |= mgrp(unix.RTNLGRP_NEIGH)
	}
	if lmask&watchNetconf != 0 {
		if fam(unix.AF_INET) {
			g |= mgrp(rtnlgrpIPv4Conf)
		}
		if fam(unix.AF_INET6) {
			g |= mgrp(rtnlgrpIPv6Conf)
		}
		if fam(unix.AF_MPLS) {
			g |= mgrp(rtnlgrpMPLSConf)
		}
	}
	if lmask&watchRule != 0 {
		if fam(unix.AF_INET) {
			g |= mgrp(unix.RTNLGRP_IPV4_RULE)
		}
		if fam(unix.AF_INET6) {
			g |= mgrp(unix.RTNLGRP_IPV6_RULE)
		}
	}
	if lmask&watchNSID != 0 {
		g |= mgrp(rtnlgrpNSID)
	}
	return g
}

// newPrinters makes one printer per object, all naming links through the
// monitor's cache; ifindex is `dev`'s filter (0: none).
func (m *monitor) newPrinters(ifindex uint32) {
	env := m.env
	name := m.names.Name
	m.links = iplink.NewMessagePrinter(env, m.names)
	m.links.Index = int32(ifindex)
	m.addrs = ipaddr.NewMessagePrinter(env, name)
	m.addrs.Index = ifindex
	m.routes = iproute.NewMessagePrinter(env, name, ifindex)
	m.neighs = ipneigh.NewMessagePrinter(env, name, ifindex)
	m.rules = iprule.NewMessagePrinter(env)
	m.netconf = ipnetconf.NewPrinter(env.P, name, env.Warnf)
	m.netconf.Index = ifindex
	m.nexthops = ipnexthop.NewPrinter(env)
	m.nexthops.NameLinks(name)
	m.labels = ipaddrlabel.NewPrinter(env.P, name, env.Opts.Resolve)
	m.mroutes = ipmroute.NewPrinter(env, name)
	m.stats = ipstats.NewPrinter(env, m.names)
	m.mroutes.Filter.Iif = ifindex
}

// replay prints the messages of a capture (rtmon's file), as iproute2's
// rtnl_from_file does: links are named from the capture's own link
// messages, else from the current namespace.
func (m *monitor) replay(file string) error {
	f, err := os.Open(file)
	if err != nil {
		m.env.P.Flush()
		fmt.Fprintf(m.env.Stderr, "Cannot fopen: %s\n", rtnl.ErrnoText(err))
		return cmdline.Exited(cmdline.StatusUsage)
	}
	defer f.Close()
	m.nsids, _ = ipnetns.NewNSIDMessagePrinter(m.env, false)
	err = rtnl.ReadSaved(f, func(h netlink.Header, body []byte) error {
		return m.accept(h, body, rtnl.NSIDCurrent)
	})
	m.env.P.Flush()
	var se *rtnl.SavedError
	switch {
	case errors.As(err, &se):
		return cmdline.Exit(cmdline.StatusFailed, "%s", se.Msg)
	case err != nil:
		return cmdline.Silent(cmdline.StatusFailed)
	}
	return nil
}

// listen subscribes and prints notifications until killed, as
// rtnl_listen does.
func (m *monitor) listen(groups uint32, lmask, nmask int) error {
	env := m.env
	s, err := rtnl.Subscribe(env.NetNSFD, groups, env.Opts.RcvBuf)
	if err != nil {
		return cmdline.Exit(cmdline.StatusFailed, "Cannot open netlink socket: %s", rtnl.ErrnoText(err))
	}
	defer s.Close()
	if lmask&watchNexthop != 0 {
		if err := s.Join(rtnlgrpNexthop); err != nil {
			return cmdline.Exit(cmdline.StatusFailed, "Failed to add nexthop group to list")
		}
	}
	if lmask&watchStats != 0 {
		if err := s.Join(rtnlgrpStats); err != nil && nmask&watchStats != 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Failed to add stats group to list")
		}
	}
	if m.allNSID {
		if err := s.ListenAllNSID(); err != nil {
			return cmdline.Exit(cmdline.StatusFailed, "NETLINK_LISTEN_ALL_NSID: %s", rtnl.ErrnoText(err))
		}
	}
	// ll_init_map: every link's name now, so a link renamed later keeps
	// the name it had, as in iproute2's cache.
	if m.names.Load() {
		env.Warnf("%s\n", rtnl.DumpInterruptedText)
	}
	m.nsids, err = ipnetns.NewNSIDMessagePrinter(env, true)
	if err != nil {
		return err
	}
	return Loop(env, s, m.accept)
}

// Loop is rtnl_listen for ip monitor and the monitors that share its
// machinery (ip xfrm monitor, ip mptcp monitor): cli.Listen, ended by an
// accept that returns ErrStop.
func Loop(env *cli.Env, s *rtnl.Subscription, accept func(h netlink.Header, body []byte, nsid int) error) error {
	return cli.Listen(env, s, accept, ErrStop)
}

// headers is print_headers: the time stamp, the namespace id and the
// object label each event starts with, as asked for.
func (m *monitor) headers(label string, nsid int) {
	w := m.env.P.Writer()
	if m.stamp {
		Timestamp(m.env)
	}
	if m.allNSID {
		if nsid < 0 {
			w.WriteString("[nsid current]")
		} else {
			fmt.Fprintf(w, "[nsid %d]", nsid)
		}
	}
	if m.label {
		w.WriteString(label)
	}
}

// asctime is C's asctime without its newline.
func asctime(t time.Time) string { return t.Format("Mon Jan _2 15:04:05 2006") }

// accept is iproute2's accept_msg: one message to the printer of its
// object, then out to stdout, so a killed monitor loses nothing it
// printed.
func (m *monitor) accept(h netlink.Header, body []byte, nsid int) error {
	env := m.env
	typ := uint16(h.Type)
	defer env.P.Flush()
	switch typ {
	case unix.RTM_NEWROUTE, unix.RTM_DELROUTE:
		if len(body) < unix.SizeofRtMsg {
			env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-unix.SizeofRtMsg)
			return ErrStop
		}
		if binary.NativeEndian.Uint32(body[8:])&rtmFCloned != 0 {
			return nil
		}
		if f := body[0]; f == mroute.FamilyIPMR || f == mroute.FamilyIP6MR {
			m.headers("[MROUTE]", nsid)
			if m.mroutes.Print(env, h, body) != nil {
				return ErrStop
			}
			return nil
		}
		m.headers("[ROUTE]", nsid)
		m.routes.Print(h, body)
	case nexthop.RTMNewNexthop, nexthop.RTMDelNexthop:
		m.headers("[NEXTHOP]", nsid)
		if m.nexthops.PrintMessage(netlink.Message{Header: h, Data: body}) == nil {
			m.routes.TrackNexthop(typ, body)
		}
	case nexthop.RTMNewNexthopBucket, nexthop.RTMDelNexthopBucket:
		m.headers("[NEXTHOPBUCKET]", nsid)
		m.nexthops.PrintMessage(netlink.Message{Header: h, Data: body})
	case unix.RTM_NEWLINK, unix.RTM_DELLINK:
		m.names.Track(typ, body)
		m.headers("[LINK]", nsid)
		m.links.Print(typ, body)
	case unix.RTM_NEWADDR, unix.RTM_DELADDR:
		m.headers("[ADDR]", nsid)
		m.addrs.Print(typ, body)
	case addrlabel.RTMNewAddrLabel, addrlabel.RTMDelAddrLabel:
		m.headers("[ADDRLABEL]", nsid)
		_ = m.labels.Print(h, body)
	case unix.RTM_NEWNEIGH, unix.RTM_DELNEIGH, unix.RTM_GETNEIGH:
		if f := env.Opts.Family; f != 0 && (len(body) < 1 || int(body[0]) != f) {
			return nil
		}
		m.headers("[NEIGH]", nsid)
		m.neighs.Print(h, body)
	case rtmNewPrefix:
		m.headers("[PREFIX]", nsid)
		return printPrefix(env, m.names.Name, h, body)
	case unix.RTM_NEWRULE, unix.RTM_DELRULE:
		m.headers("[RULE]", nsid)
		m.rules.Print(h, body)
	case nlmsgTstamp:
		printStamp(env, body)
	case netconf.RTMNewNetconf, netconf.RTMDelNetconf:
		m.headers("[NETCONF]", nsid)
		_ = m.netconf.Print(h, body)
	case rtmNewNSID, rtmDelNSID:
		m.headers("[NSID]", nsid)
		if m.nsids != nil {
			m.nsids.Print(h, body)
		}
	case rtmNewStats:
		m.headers("[STATS]", nsid)
		_ = m.stats.PrintEvent(h, body) // as iproute2, a record that does not decode is skipped
	case unix.NLMSG_ERROR, unix.NLMSG_NOOP, unix.NLMSG_DONE:
	default:
		env.Warnf("Unknown message: type=0x%08x(%d) flags=0x%08x(%d) len=0x%08x(%d)\n",
			typ, typ, uint16(h.Flags), uint16(h.Flags), h.Length, h.Length)
	}
	return nil
}

// printStamp is print_nlmsg_timestamp: rtmon's time stamp messages.
func printStamp(env *cli.Env, body []byte) {
	var sec, usec uint32
	if len(body) >= 8 {
		sec, usec = binary.NativeEndian.Uint32(body), binary.NativeEndian.Uint32(body[4:])
	}
	t := time.Unix(int64(sec), 0)
	fmt.Fprintf(env.P.Writer(), "Timestamp: %s %d us\n", asctime(t), usec)
}

// Timestamp is print_timestamp: the "Timestamp: …" line, or under
// -tshort the [YYYY-MM-DDTHH:MM:SS.UUUUUU] prefix, of an event received
// now.
func Timestamp(env *cli.Env) {
	w := env.P.Writer()
	now := time.Now()
	if !env.Opts.TShort {
		w.WriteString("Timestamp: " + asctime(now) + " " + fmt.Sprint(now.Nanosecond()/1000) + " usec\n")
	} else {
		w.WriteString(now.Format("[2006-01-02T15:04:05.000000] "))
	}
}
