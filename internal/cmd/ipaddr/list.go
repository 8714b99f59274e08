package ipaddr

import (
	"cmp"
	"errors"
	"slices"

	"github.com/gipnet/gip/addr"
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmd/iplink"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// lister holds one `ip address show` / `ip link show` run. Addresses are
// dumped first into a per-link index of raw messages; links are then
// streamed and each is printed with its addresses as it arrives, so only
// the addresses are held in memory (in one buffer, see addrIndex).
type lister struct {
	env    *cli.Env
	p      *format.Printer
	f      listFilter
	doLink bool
	noLink bool // -oneline ip address: addresses only
	names  *link.Names
	lp     *iplink.Printer
	ap     *Printer
	addrs  addrIndex
	link   link.Link // the link being shown, reused
	addr   addr.Addr // the address being looked at, reused
	// resolved is set when the device's name was looked up before the
	// listing (always, but for ip link show outside -batch).
	resolved bool
}

// Show is `ip address show` (linkShow false) and `ip link show` (linkShow
// true). Two things differ: ip link asks for links only (family
// AF_PACKET), and it sets iproute2's process-wide do_link, which shows the
// link mode, moves -s counters into the link and fetches a `dev NAME`
// alone, without its addresses. do_link stays set for the rest of a
// -batch (env.LinksOnly), so an `address show` after a `link show` keeps
// those three while still listing addresses.
func Show(env *cli.Env, args *cmdline.Args, linkShow bool) error {
	doLink := linkShow || env.LinksOnly
	ls := &lister{env: env, p: env.P, doLink: doLink}
	ls.f.family = env.Opts.Family
	if linkShow {
		ls.f.family = unix.AF_PACKET
	}
	ls.f.group = -1
	if err := parseListArgs(env, args, &ls.f, doLink); err != nil {
		return err
	}
	defer keepFilter(env, &ls.f)
	c, err := env.Conn()
	if err != nil {
		return err
	}
	// ip link show asks for its device by name and resolves the name
	// only when that fails, but iproute2 resolves it first: under -batch
	// that lookup fills the link cache for the later lines.
	if ls.f.hasDev && (env.InBatch || !(doLink && ls.f.group == -1)) {
		idx, err := nameToIndex(env, ls.f.dev)
		if err != nil {
			return err
		}
		if idx <= 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", ls.f.dev)
		}
		ls.f.ifindex = idx
		ls.resolved = true
	}
	ls.setup()
	defer ls.close()

	if ls.f.hasDev {
		return ls.showOne(c)
	}
	if err := ls.dumpAddrsFor(c); err != nil {
		return err
	}
	ls.names.Bulk = true
	ls.p.Begin()
	defer ls.p.End()
	return ls.dumpLinks(c)
}

func (ls *lister) setup() {
	o := &ls.env.Opts
	ls.names = ls.env.LinkNames()
	ls.lp = iplink.NewPrinter(ls.env, ls.names, ls.doLink, ls.f.family)
	// iproute2 prefixes "INDEX: DEV" under -echo too (its echo_request is
	// global), even in a plain listing.
	ls.ap = NewPrinter(ls.env, ls.names.Name, o.Oneline || o.Echo)
	// Both print where the command prints (flush: plain text even under
	// -json).
	ls.lp.P, ls.ap.p = ls.p, ls.p
}

func (ls *lister) close() {
	ls.names.Close()
	ls.lp.Close()
}

// showOne prints the link named by dev, fetched alone as iproute2 does:
// by name for ip link (iplink_get), by the index resolved already for ip
// address and for ip link with a group filter (ipaddr_link_get).
func (ls *lister) showOne(c *rtnl.Conn) error {
	family, mask := uint8(ls.f.family), uint32(rtnl.ExtFilterVF)
	byName := ls.doLink && ls.f.group == -1
	name := ls.f.dev
	if !byName {
		name = ""
	}
	if !ls.doLink && ls.env.Opts.Stats == 0 {
		mask |= rtnl.ExtFilterSkipStats
	}
	resolved := ls.resolved
	if byName && !resolved && !link.NameFitsLookup(name) {
		// iproute2 resolves the name first, and a name too long for
		// its lookup request is a line on stderr there: see it
		// through before asking for the link.
		if idx, _ := nameToIndex(ls.env, name); idx <= 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", ls.f.dev)
		}
		resolved = true
	}
	index := ls.f.ifindex
	if byName {
		index = 0 // iplink_get names the link only
	}
	l, err := link.QueryLink(c, index, name, family, mask)
	if err != nil {
		var ne *rtnl.Error
		if !errors.As(err, &ne) {
			return err
		}
		if byName && !resolved {
			// iproute2 resolved the name first (ll_name_to_index:
			// "v0:1" is v0, "ifN" is index N), and only then asked
			// for the link by name.
			if idx, _ := nameToIndex(ls.env, ls.f.dev); idx <= 0 {
				return cmdline.Exit(cmdline.StatusFailed, "Device \"%s\" does not exist.", ls.f.dev)
			}
		}
		// The JSON array was open already: iproute2 closes it empty.
		ls.p.Begin()
		ls.p.End()
		if byName {
			return cmdline.Fatal(cmdline.StatusFailed, "%s\nCannot send link get request: %s", ne.Error(), rtnl.Strerror(ne.Errno))
		}
		// ipaddr_link_get's failure ends the listing, not the command.
		ls.env.Warnf("%s\nCannot send link request: %s\n", ne.Error(), rtnl.Strerror(ne.Errno))
		return nil
	}
	// The addresses are asked for only once the link is there.
	if !byName {
		if err := ls.dumpAddrsFor(c); err != nil {
			return err
		}
	}
	if !byName || !ls.env.InBatch {
		// iplink_get prints the link without caching it
		ls.names.Remember(l)
	}
	ls.p.Begin()
	if byName {
		// iproute2's iplink_get: the link alone, never its addresses.
		ls.p.OpenObject("")
		ls.printLink(l)
		ls.p.CloseObject()
	} else {
		ls.show(l)
	}
	ls.p.End()
	return nil
}

func (ls *lister) dumpLinks(c *rtnl.Conn) error {
	// The dump asks for the family of the command line (-4, -6), not
	// the one a "to" prefix may have set in the filter.
	family := ls.env.Opts.Family
	if ls.f.family == unix.AF_PACKET {
		family = unix.AF_PACKET
	}
	body, err := rtnl.Body(rtnl.IfInfomsg{Family: uint8(family)}.Append(nil), func(ae *netlink.AttributeEncoder) error {
		if family != unix.AF_UNSPEC && family != unix.AF_PACKET {
			return nil
		}
		// Without -s no counter is printed: the kernel may then skip
		// the IPv6 and VF counters (it still sends the link's own),
		// which spares it summing per-CPU counters for every link.
		mask := uint32(rtnl.ExtFilterVF)
		if ls.env.Opts.Stats == 0 {
			mask |= rtnl.ExtFilterSkipStats
		}
		ae.Uint32(unix.IFLA_EXT_MASK, mask)
		if ls.f.master != 0 {
			ae.Uint32(unix.IFLA_MASTER, uint32(ls.f.master))
		}
		if ls.f.hasKind {
			ae.Nested(unix.IFLA_LINKINFO, func(nae *netlink.AttributeEncoder) error {
				nae.Bytes(unix.IFLA_INFO_KIND, []byte(ls.f.kind))
				return nil
			})
		}
		return nil
	})
	if err != nil {
		return err
	}
	// The look-ahead remembers the names of the links in the next few
	// dozen messages, so a link naming one dumped after it (a veth whose
	// peer came later) is printed without asking the kernel.
	l := &ls.link
	err = c.DumpAhead(unix.RTM_GETLINK, body, ls.names.RememberMsg, func(m netlink.Message) error {
		if m.Header.Type != unix.RTM_NEWLINK {
			return nil
		}
		if err := link.DecodeInto(l, m.Data); err != nil {
			return nil
		}
		ls.names.Remember(l)
		ls.show(l)
		return nil
	})
	return dumpError(err)
}

// dumpError turns a failed dump into iproute2's words for it.
func dumpError(err error) error {
	if err == nil {
		return err
	}
	var ne *rtnl.Error
	if errors.As(err, &ne) {
		return cmdline.Exit(cmdline.StatusFailed, "%s\nDump terminated", err.Error())
	}
	return err
}

// dumpAddrsFor reads the addresses when the listing shows them (not for
// ip link, whose family is AF_PACKET); -oneline then prints no link line.
func (ls *lister) dumpAddrsFor(c *rtnl.Conn) error {
	if ls.f.family == unix.AF_PACKET {
		return nil
	}
	ls.noLink = ls.env.Opts.Oneline
	return ls.dumpAddrs(c)
}

// dumpAddrs fills the per-link address index.
func (ls *lister) dumpAddrs(c *rtnl.Conn) error {
	body := rtnl.IfAddrmsg{Family: uint8(ls.f.family), Index: uint32(ls.f.ifindex)}.Append(nil)
	err := c.Dump(unix.RTM_GETADDR, body, func(m netlink.Message) error {
		if m.Header.Type == unix.RTM_NEWADDR {
			ls.addrs.add(m.Data)
		}
		return nil
	})
	ls.addrs.sort()
	return dumpError(err)
}

// addrIndex is the address half of ip address's join: every address
// message of the dump back to back in one buffer, and for each its link
// and place, sorted by link. The sort is stable, so a link's addresses
// keep the dump's order, which is the order iproute2 prints them in.
type addrIndex struct {
	data []byte
	ents []addrEnt
}

type addrEnt struct {
	idx, off, end uint32
}

// add stores one RTM_NEWADDR payload.
func (x *addrIndex) add(b []byte) {
	hdr, _, err := rtnl.ParseIfAddrmsg(b)
	if err != nil {
		return
	}
	off := len(x.data)
	x.data = append(x.data, b...)
	x.ents = append(x.ents, addrEnt{idx: hdr.Index, off: uint32(off), end: uint32(len(x.data))})
}

func (x *addrIndex) sort() {
	if !slices.IsSortedFunc(x.ents, cmpAddrEnt) {
		slices.SortStableFunc(x.ents, cmpAddrEnt)
	}
}

func cmpAddrEnt(a, b addrEnt) int { return cmp.Compare(a.idx, b.idx) }

// of returns the addresses of link idx.
func (x *addrIndex) of(idx uint32) []addrEnt {
	i, _ := slices.BinarySearchFunc(x.ents, idx, func(e addrEnt, idx uint32) int { return cmp.Compare(e.idx, idx) })
	j := i
	for j < len(x.ents) && x.ents[j].idx == idx {
		j++
	}
	return x.ents[i:j]
}

func (x *addrIndex) msg(e addrEnt) []byte { return x.data[e.off:e.end] }

// show prints one link and its addresses (iproute2's loop body after
// ipaddr_filter).
func (ls *lister) show(l *link.Link) {
	if ls.f.family != unix.AF_PACKET && !ls.hasMatchingAddr(l) {
		return
	}
	p := ls.p
	p.OpenObject("")
	res := 0
	if ls.env.Opts.Brief || !ls.noLink {
		res = ls.printLink(l)
	}
	if res >= 0 && ls.f.family != unix.AF_PACKET {
		ls.printAddrs(l)
	}
	if res > 0 && !ls.doLink && ls.env.Opts.Stats > 0 {
		ls.lp.PrintStats(l)
		p.NL()
	}
	p.CloseObject()
}

// hasMatchingAddr is ipaddr_filter: keep a link with an address the filter
// selects, or with no address at all when no inet family is asked for.
func (ls *lister) hasMatchingAddr(l *link.Link) bool {
	list := ls.addrs.of(uint32(l.Index))
	if len(list) == 0 {
		return ls.f.family == unix.AF_UNSPEC || ls.f.family == unix.AF_PACKET
	}
	a := &ls.addr
	for _, e := range list {
		if addr.DecodeInto(a, ls.addrs.msg(e)) != nil {
			continue
		}
		if ls.f.family != unix.AF_UNSPEC && int(a.Family) != ls.f.family {
			continue
		}
		if ls.f.matchAddr(a, ls.names.Name) {
			return true
		}
	}
	return false
}

// printLink is print_linkinfo's filtering: -1 when the link is filtered
// out, 0 when nothing is printed for it but its addresses still are
// (label filter, brief), 1 when printed.
func (ls *lister) printLink(l *link.Link) int {
	f := &ls.f
	if f.ifindex != 0 && l.Index != f.ifindex {
		return -1
	}
	if f.up && l.Flags&unix.IFF_UP == 0 {
		return -1
	}
	if !l.Has(unix.IFLA_IFNAME) {
		return -1
	}
	if f.hasLabel {
		return 0
	}
	if l.Has(unix.IFLA_GROUP) && f.group != -1 && int64(l.Group) != f.group {
		return -1
	}
	if l.Has(unix.IFLA_MASTER) {
		if f.master > 0 && int32(l.Master) != f.master {
			return -1
		}
	} else if f.master > 0 {
		return -1
	}
	if f.hasKind && (!l.Has(unix.IFLA_LINKINFO) || l.Kind != f.kind) {
		return -1
	}
	if f.hasSlave && (!l.Has(unix.IFLA_LINKINFO) || l.SlaveKind != f.slaveKind) {
		return -1
	}
	ls.lp.PrintLink(l, false)
	if ls.env.Opts.Brief {
		return 0
	}
	return 1
}

// printAddrs is print_selected_addrinfo.
func (ls *lister) printAddrs(l *link.Link) {
	p := ls.p
	p.OpenArray(format.JSON, "addr_info", "")
	a := &ls.addr
	for _, e := range ls.addrs.of(uint32(l.Index)) {
		if addr.DecodeInto(a, ls.addrs.msg(e)) != nil {
			break
		}
		if ls.f.family != unix.AF_UNSPEC && int(a.Family) != ls.f.family {
			continue
		}
		if ls.f.up && l.Flags&unix.IFF_UP == 0 {
			continue
		}
		p.OpenObject("")
		if ls.selectAddr(a) {
			ls.ap.PrintAddr(a, false)
		}
		p.CloseObject()
	}
	p.CloseArray(format.JSON, "")
	if ls.env.Opts.Brief {
		p.Text("\n")
	}
}

// selectAddr is print_addrinfo's own filter.
func (ls *lister) selectAddr(a *addr.Addr) bool {
	if ls.f.ifindex != 0 && uint32(ls.f.ifindex) != a.Index {
		return false
	}
	return ls.f.matchAddr(a, ls.names.Name)
}
