package iplink

import (
	"fmt"
	"strconv"
	"unsafe"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// PrintOptions say how much of a link PrintLink shows.
type PrintOptions struct {
	Details int
	Stats   int
	Brief   bool
	Numeric bool
	Human   int  // -human: scale counters
	IEC     bool // -iec: by powers of 1024
	// DoLink is set for `ip link`, which also shows the link mode, the
	// IPv6 address generation mode, the alias and the counters.
	DoLink bool
	// NoQueueLen leaves the queue length out: iproute2 shows it only in
	// listings (filter.showqueue), not for -echo and ip monitor.
	NoQueueLen bool
	// Family is the address family being listed: AF_PACKET for ip link,
	// AF_UNSPEC or an inet family for ip address (the link/ line is shown
	// only for the first two, or with -details).
	Family int
}

// Printer is the one printer of link messages: it prints a link as
// iproute2's print_linkinfo does, in the output mode of the command line
// (text, -j, -p, -o, -br, -d, -s). ip link show and ip address show (see
// NewPrinter), -echo and ip monitor (see NewMessagePrinter) all print
// through it. One Printer serves a whole listing, so its name caches are
// filled once.
type Printer struct {
	P     *format.Printer
	Opts  PrintOptions
	Names *link.Names
	nsIDs *netns.IDNames
	idsOf func() *netns.IDNames
	// Warnf reports a failure that does not stop the listing.
	Warnf   func(format string, args ...any)
	ioctlFD int
	// scratch holds a value being formatted (a MAC address, NAME@LINK)
	// for the one printer call that writes it out: see tmp.
	scratch []byte
	// Index, when set, makes Print skip the messages of other links (ip
	// monitor dev DEV).
	Index int32
}

// tmp views b as a string without copying it. The printer writes its
// arguments out and keeps none, so a string of the scratch buffer lives
// long enough; it must not be stored.
func tmp(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// hwaddr formats a hardware address into the scratch buffer.
func (pr *Printer) hwaddr(a []byte, arphrd uint16) string {
	pr.scratch = link.AppendHWAddr(pr.scratch[:0], a, arphrd)
	return tmp(pr.scratch)
}

// newPrinter returns a Printer over p. nsIDs is called the first time a
// link-netnsid must be named (nil: none is named).
func newPrinter(p *format.Printer, o PrintOptions, names *link.Names, nsIDs func() *netns.IDNames) *Printer {
	return &Printer{P: p, Opts: o, Names: names, idsOf: nsIDs}
}

// NewPrinter returns the Printer of a listing (ip link show, ip address
// show) in env's output mode; names names the links. doLink is set for ip
// link (iproute2's do_link), family is the address family listed
// (AF_PACKET for ip link): see PrintOptions.
func NewPrinter(env *cli.Env, names *link.Names, doLink bool, family int) *Printer {
	o := printOptions(env)
	o.DoLink, o.Family = doLink, family
	return newEnvPrinter(env, names, o)
}

// NewMessagePrinter returns the Printer of -echo and ip monitor, which
// print a link as iproute2 does outside a listing: without the link mode
// and the queue length.
func NewMessagePrinter(env *cli.Env, names *link.Names) *Printer {
	o := printOptions(env)
	o.NoQueueLen = true
	return newEnvPrinter(env, names, o)
}

// printOptions is env's output mode.
func printOptions(env *cli.Env) PrintOptions {
	o := &env.Opts
	return PrintOptions{Details: o.Details, Stats: o.Stats, Brief: o.Brief, Numeric: o.Numeric, Human: o.Human, IEC: o.IEC}
}

func newEnvPrinter(env *cli.Env, names *link.Names, o PrintOptions) *Printer {
	pr := newPrinter(env.P, o, names, func() *netns.IDNames {
		// The main socket may be in the middle of a dump.
		if c, err := names.Side(); err == nil {
			return netns.NewIDNames(c).WithCache(&env.NSIDs)
		}
		return nil
	})
	pr.Warnf = env.Warnf
	return pr
}

// Print prints one RTM_NEWLINK or RTM_DELLINK message; other types and
// messages that do not decode print nothing. Under -brief the line is left
// open, without its newline, as iproute2 leaves it.
func (pr *Printer) Print(typ uint16, body []byte) {
	if typ != unix.RTM_NEWLINK && typ != unix.RTM_DELLINK {
		return
	}
	l, err := link.Decode(body)
	if err != nil {
		return
	}
	if pr.Index != 0 && l.Index != pr.Index {
		return
	}
	pr.PrintLink(l, typ == unix.RTM_DELLINK)
}

// PrintLink prints one link as iproute2's print_linkinfo does, in every
// output mode. Under -brief the line is left open for the caller (ip
// address appends addresses) unless the family is AF_PACKET.
func (pr *Printer) PrintLink(l *link.Link, deleted bool) {
	p := pr.P
	o := &pr.Opts
	if deleted {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if o.Brief {
		pr.printBrief(l)
		return
	}
	p.Int(format.Any, "ifindex", "%d: ", int64(l.Index))
	mdown := pr.printNameAndLink(l, "%s: ")
	printFlags(p, l.Flags, mdown)

	if l.Has(unix.IFLA_MTU) {
		p.Int(format.Any, "mtu", "mtu %u ", int64(l.MTU))
	}
	if l.Has(unix.IFLA_QDISC) {
		p.String(format.Any, "qdisc", "qdisc %s ", l.Qdisc)
	}
	if l.Has(unix.IFLA_MASTER) {
		p.String(format.Any, "master", "master %s ", pr.Names.Name(l.Master))
	}
	if l.Has(unix.IFLA_OPERSTATE) {
		printOperState(p, l.OperState, false)
	}
	if o.DoLink && l.Has(unix.IFLA_LINKMODE) {
		printLinkMode(p, l.LinkMode)
	}
	if l.Has(unix.IFLA_GROUP) {
		p.String(format.Any, "group", "group %s ", link.GroupName(l.Group, o.Numeric))
	}
	pr.printQueueLen(l)
	if l.Has(unix.IFLA_EVENT) {
		printEvent(p, l.Event)
	}
	if o.Family == unix.AF_UNSPEC || o.Family == unix.AF_PACKET || o.Details > 0 {
		pr.printLinkLayer(l)
	}
	if l.Has(unix.IFLA_LINK_NETNSID) {
		pr.printLinkNetNSID(l.LinkNetNSID)
	}
	if l.Has(unix.IFLA_NEW_NETNSID) {
		pr.printNewNetNSID(l.NewNetNSID)
	}
	if l.Has(unix.IFLA_NEW_IFINDEX) {
		p.Int(format.Text, "", " new-ifindex %d", int64(l.NewIfIndex))
	}
	if l.Has(unix.IFLA_PROTO_DOWN) && l.ProtoDown != 0 {
		p.Bool(format.Any, "proto_down", " protodown on ", true)
	}
	if o.Details > 0 {
		pr.printDetails(l)
	}
	if (o.DoLink || o.Details > 0) && l.Has(unix.IFLA_IFALIAS) {
		p.NL()
		p.Text("    ")
		p.String(format.Any, "ifalias", "alias %s", l.Alias)
	}
	if o.DoLink && o.Stats > 0 {
		p.NL()
		pr.PrintStats(l)
	}
	if l.Has(unix.IFLA_PROP_LIST) {
		p.OpenArray(format.JSON, "altnames", "")
		for _, n := range l.AltNames {
			p.NL()
			p.Text("    altname ")
			p.String(format.Any, "", "%s", n)
		}
		p.CloseArray(format.JSON, "")
	}
	p.Text("\n")
}

func (pr *Printer) printQueueLen(l *link.Link) {
	if pr.Opts.NoQueueLen {
		return
	}
	qlen := l.TxQLen
	if !l.Has(unix.IFLA_TXQLEN) {
		var err error
		if qlen, err = pr.txQueueLen(l.Name); err != nil {
			if pr.Warnf != nil {
				pr.Warnf("ioctl(SIOCGIFTXQLEN) failed: %s\n", rtnl.ErrnoText(err))
			}
			return
		}
	}
	if qlen != 0 {
		p := pr.P
		p.Int(format.Any, "txqlen", "qlen %d", int64(int32(qlen)))
	}
}

// printNameAndLink prints the name, as NAME@LINK for a stacked device, and
// reports whether the lower device is down (M-DOWN).
func (pr *Printer) printNameAndLink(l *link.Link, textFormat string) bool {
	p := pr.P
	name := l.Name
	mdown := false
	if l.Has(unix.IFLA_LINK) {
		b := append(pr.scratch[:0], l.Name...)
		switch {
		case l.Link == 0:
			if p.IsJSON() {
				p.Null(format.JSON, "link", "", "")
			} else {
				b = append(b, "@NONE"...)
			}
		case l.Has(unix.IFLA_LINK_NETNSID):
			// The lower device lives in another namespace: its index
			// means nothing here.
			if p.IsJSON() {
				p.Int(format.JSON, "link_index", "", int64(l.Link))
			} else {
				b = strconv.AppendUint(append(b, "@if"...), uint64(l.Link), 10)
			}
		default:
			name, flags, ok := pr.Names.Lookup(l.Link)
			lower := name
			if !ok {
				lower = "if" + strconv.FormatUint(uint64(l.Link), 10)
			}
			if p.IsJSON() {
				p.String(format.JSON, "link", "", lower)
			} else {
				b = append(append(b, '@'), lower...)
			}
			if ok {
				mdown = flags&unix.IFF_UP == 0
			}
		}
		pr.scratch = b
		name = tmp(b)
	}
	p.ColorString(format.Any, format.Ifname, "ifname", textFormat, name)
	return mdown
}

func (pr *Printer) printBrief(l *link.Link) {
	p := pr.P
	mdown := pr.printNameAndLink(l, "%-16s ")
	if l.Has(unix.IFLA_OPERSTATE) {
		printOperState(p, l.OperState, true)
	}
	if pr.Opts.Family == unix.AF_PACKET {
		if l.Has(unix.IFLA_ADDRESS) {
			p.ColorString(format.Any, format.MAC, "address", "%s ", pr.hwaddr(l.Address, l.Type))
		}
		printFlags(p, l.Flags, mdown)
		p.Text("\n")
	}
}

// printLinkLayer prints the "    link/TYPE ADDR brd ADDR" line start.
func (pr *Printer) printLinkLayer(l *link.Link) {
	p := pr.P
	p.NL()
	p.String(format.Any, "link_type", "    link/%s ", linkTypeName(l.Type, pr.Opts.Numeric))
	if l.Has(unix.IFLA_ADDRESS) {
		p.ColorString(format.Any, format.MAC, "address", "%s", pr.hwaddr(l.Address, l.Type))
	}
	if l.Has(unix.IFLA_BROADCAST) {
		if l.Flags&unix.IFF_POINTOPOINT != 0 {
			p.Text(" peer ")
			p.Bool(format.JSON, "link_pointtopoint", "", true)
		} else {
			p.Text(" brd ")
		}
		p.ColorString(format.Any, format.MAC, "broadcast", "%s", pr.hwaddr(l.Broadcast, l.Type))
	}
	if l.Has(unix.IFLA_PERM_ADDRESS) && (!l.Has(unix.IFLA_ADDRESS) || string(l.PermAddress) != string(l.Address)) {
		p.Text(" permaddr ")
		p.ColorString(format.Any, format.MAC, "permaddr", "%s", pr.hwaddr(l.PermAddress, l.Type))
	}
}

func (pr *Printer) printLinkNetNSID(id int32) {
	p := pr.P
	if p.IsJSON() {
		p.Int(format.JSON, "link_netnsid", "", int64(id))
		return
	}
	if id < 0 {
		p.String(format.Text, "", " link-netnsid %s", "unknown")
		return
	}
	if pr.nsIDs == nil && pr.idsOf != nil {
		pr.nsIDs = pr.idsOf()
	}
	if pr.nsIDs != nil {
		if name, ok := pr.nsIDs.Name(id); ok {
			p.String(format.Text, "", " link-netns %s", name)
			return
		}
	}
	p.Int(format.Text, "", " link-netnsid %d", int64(id))
}

// printNewNetNSID names the namespace a deleted link moved to (text only,
// as iproute2 prints it).
func (pr *Printer) printNewNetNSID(id int32) {
	p := pr.P
	if pr.nsIDs == nil && pr.idsOf != nil {
		pr.nsIDs = pr.idsOf()
	}
	if pr.nsIDs != nil {
		if name, ok := pr.nsIDs.Name(id); ok {
			p.String(format.Text, "", " new-netns %s", name)
			return
		}
	}
	p.Int(format.Text, "", " new-netnsid %d", int64(id))
}

// printDetails is the -details part: counters of the device, its kind's
// and its port's attributes, then the queue and offload sizes.
func (pr *Printer) printDetails(l *link.Link) {
	p := pr.P
	u := func(attr uint16, key, textFormat string, v uint32) {
		if l.Has(attr) {
			p.Uint(format.Any, key, textFormat, uint64(v))
		}
	}
	u(unix.IFLA_PROMISCUITY, "promiscuity", " promiscuity %u ", l.Promiscuity)
	u(unix.IFLA_ALLMULTI, "allmulti", " allmulti %u ", l.Allmulti)
	u(unix.IFLA_MIN_MTU, "min_mtu", "minmtu %u ", l.MinMTU)
	u(unix.IFLA_MAX_MTU, "max_mtu", "maxmtu %u ", l.MaxMTU)
	if l.Has(unix.IFLA_LINKINFO) {
		pr.printLinkInfo(l)
	}
	if pr.Opts.DoLink {
		if mode, ok := l.AddrGenMode(); ok {
			p.String(format.Any, "inet6_addr_gen_mode", "addrgenmode %s ", addrGenModeName(mode))
		}
	}
	u(unix.IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues %u ", l.NumTxQueues)
	u(unix.IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues %u ", l.NumRxQueues)
	u(unix.IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size %u ", l.GSOMaxSize)
	u(unix.IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs %u ", l.GSOMaxSegs)
	u(unix.IFLA_TSO_MAX_SIZE, "tso_max_size", "tso_max_size %u ", l.TSOMaxSize)
	u(unix.IFLA_TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs %u ", l.TSOMaxSegs)
	u(unix.IFLA_GRO_MAX_SIZE, "gro_max_size", "gro_max_size %u ", l.GROMaxSize)
}

// printLinkInfo prints the kind and port kind lines, each followed by its
// printer's attributes (in the JSON objects info_data / info_slave_data).
func (pr *Printer) printLinkInfo(l *link.Link) {
	p := pr.P
	p.OpenObject("linkinfo")
	if l.Kind != "" {
		p.NL()
		p.String(format.Any, "info_kind", "    %s ", l.Kind)
		if k := link.LookupKind(l.Kind); k != nil && k.Print != nil {
			p.OpenObject("info_data")
			_ = k.Print(p, pr.Names.Namer(), l.InfoData)
			p.CloseObject()
		}
	}
	if l.SlaveKind != "" {
		p.NL()
		p.String(format.Any, "info_slave_kind", "    %s_slave ", l.SlaveKind)
		if k := link.LookupKind(l.SlaveKind + "_slave"); k != nil && k.Print != nil {
			p.OpenObject("info_slave_data")
			_ = k.Print(p, pr.Names.Namer(), l.SlaveData)
			p.CloseObject()
		}
	}
	p.CloseObject()
}

func addrGenModeName(m uint8) string {
	switch m {
	case 0:
		return "eui64"
	case 1:
		return "none"
	case 2:
		return "stable_secret"
	case 3:
		return "random"
	}
	return fmt.Sprintf("%#.2x", m)
}

var linkEvents = [...]string{"NONE", "REBOOT", "FEATURE CHANGE", "BONDING FAILOVER", "NOTIFY PEERS", "RESEND IGMP", "BONDING OPTION"}

func printEvent(p *format.Printer, ev uint32) {
	switch {
	case ev >= uint32(len(linkEvents)):
		p.Int(format.Any, "event", "event %d ", int64(int32(ev)))
	case ev != 0:
		p.String(format.Any, "event", "event %s ", linkEvents[ev])
	}
}
