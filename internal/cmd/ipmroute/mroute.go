// Package ipmroute is `ip mroute`: the multicast routing cache (routes of
// the RTNL_FAMILY_IPMR and RTNL_FAMILY_IP6MR families), listed with a
// route dump and printed by one message printer that `ip monitor` shares.
package ipmroute

import (
	"errors"
	"net/netip"
	"strconv"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/rtnames"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/mroute"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Filter is what a listing selects by (iproute2's static filter in
// ipmroute.c). The source and group prefixes are read but can select
// nothing: iproute2 reads them in the multicast family, in which only
// default, any and all are addresses, and those have length 0.
type Filter struct {
	Table  uint32 // 0: any
	Family uint8  // 0: any
	Iif    uint32 // 0: any
}

// Printer is print_mroute: one route message of a multicast family.
type Printer struct {
	P       *format.Printer
	Stats   bool // -s: packet counters and age
	Details bool // -d: the main table is named too
	Numeric bool // -N: table numbers
	Filter  Filter
	Name    func(idx uint32) string // a device's name ("ifN" when unknown)
}

// errNotMulticast ends a dump as print_mroute's -1 does.
var errNotMulticast = errors.New("not multicast")

// Print prints one RTM_NEWROUTE or RTM_DELROUTE of a multicast family.
// It returns errNotMulticast (after its complaint) for a route of another
// type, which ends a listing.
func (pr *Printer) Print(env *cli.Env, h netlink.Header, body []byte) error {
	typ := uint16(h.Type)
	if typ != unix.RTM_NEWROUTE && typ != unix.RTM_DELROUTE {
		env.Warnf("Not a multicast route: %08x %08x %08x\n", h.Length, typ, uint16(h.Flags))
		return nil
	}
	v, err := mroute.DecodeView(body)
	switch err {
	case mroute.ErrShort:
		env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-unix.SizeofRtMsg)
		return errNotMulticast
	case mroute.ErrNotMulticast:
		env.Warnf("Non multicast route received, kernel does support IP multicast?\n")
		return errNotMulticast
	}
	rt, table, iif := v.Header, v.Table, v.Iif
	f := &pr.Filter
	if (f.Table > 0 && f.Table != table) || (f.Iif != 0 && f.Iif != iif) || (f.Family != 0 && f.Family != rt.Family) {
		return nil
	}
	family := unix.AF_INET
	if rt.Family == mroute.FamilyIP6MR {
		family = unix.AF_INET6
	} else if rt.Family != mroute.FamilyIPMR {
		family = int(rt.Family)
	}
	p := pr.P
	p.OpenObject("")
	if typ == unix.RTM_DELROUTE {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	srcText, dstText := addrText(family, v.Src), addrText(family, v.Dst)
	if p.IsJSON() {
		p.String(format.JSON, "src", "", srcText)
		p.String(format.JSON, "dst", "", dstText)
	} else {
		p.String(format.Text, "", "%-32s Iif: ", "("+srcText+","+dstText+")")
	}
	if iif != 0 {
		p.ColorString(format.Any, format.Ifname, "iif", "%-10s ", pr.Name(iif))
	} else {
		p.String(format.Any, "iif", "%s ", "unresolved")
	}
	if v.Multipath != nil {
		pr.multipath(v.Multipath)
	}
	state := "resolved"
	if rt.Flags&mroute.FlagUnresolved != 0 {
		state = "unresolved"
	}
	p.String(format.Any, "state", " State: %s", state)
	if rt.Flags&mroute.FlagOffload != 0 {
		p.Null(format.Any, "offload", " offload", "")
	}
	if pr.Stats && v.HasStats {
		s := v.Stats
		p.NL()
		p.Uint(format.Any, "packets", "  %u packets,", s[0])
		p.Uint(format.Any, "bytes", " %u bytes", s[1])
		if s[2] != 0 {
			p.Uint(format.Any, "wrong_if", ", %u arrived on wrong iif.", s[2])
		}
	}
	if pr.Stats && v.HasExpires {
		usec := 10000 * v.Expires
		age := float64(usec/1000000) + float64(usec%1000000)/1000000.
		if p.IsJSON() {
			p.Raw(format.JSON, "expires", "", strconv.FormatFloat(age, 'g', 6, 64))
		} else {
			p.Raw(format.Text, "", ", Age %s", strconv.FormatFloat(age, 'f', 2, 64))
		}
	}
	if table != 0 && (table != unix.RT_TABLE_MAIN || pr.Details) && f.Table == 0 {
		p.String(format.Any, "table", " Table: %s", rtnames.Tables.Format(table, pr.Numeric))
	}
	p.Text("\n")
	p.CloseObject()
	return nil
}

// multipath prints the outgoing interfaces of RTA_MULTIPATH.
func (pr *Printer) multipath(b []byte) {
	p := pr.P
	p.OpenArray(format.JSON, "multipath", "")
	for first := true; ; first = false {
		o, rest, last, ok := mroute.NextOif(b)
		if !ok {
			break
		}
		p.OpenObject("")
		if first {
			p.Text("Oifs: ")
		}
		p.ColorString(format.Any, format.Ifname, "oif", "%s", pr.Name(uint32(o.Dev)))
		if o.TTL > 1 {
			p.Uint(format.Any, "ttl", "(ttl %u) ", uint64(o.TTL))
		} else {
			p.Text(" ")
		}
		p.CloseObject()
		if last {
			// rtnh_len 0 would loop for ever in C as well; iproute2
			// stops at the length check only, so stop here.
			break
		}
		b = rest
	}
	p.CloseArray(format.JSON, "")
}

// addrText is rt_addr_n2a_r for a route's source or group: "unknown"
// without the attribute.
func addrText(family int, b []byte) string {
	if b == nil {
		return "unknown"
	}
	switch {
	case family == unix.AF_INET && len(b) >= 4:
		return netip.AddrFrom4([4]byte(b[:4])).String()
	case family == unix.AF_INET6 && len(b) >= 16:
		return netip.AddrFrom16([16]byte(b[:16])).String()
	}
	return "???"
}

// NewPrinter is the printer `ip mroute show` and `ip monitor` use, with
// env's options; names names devices.
func NewPrinter(env *cli.Env, names func(uint32) string) *Printer {
	o := env.Opts
	return &Printer{P: env.P, Stats: o.Stats > 0, Details: o.Details > 0, Numeric: o.Numeric, Name: names}
}

// Run is `ip mroute`.
func Run(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return list(env, args)
	}
	w := args.Next()
	switch m := func(kw string) bool { return cmdline.Matches(w, kw) }; {
	case m("list") || m("show") || m("lst"):
		return list(env, args)
	case m("help"):
		return usageText(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip mroute help\".", w)
}

func usageText(env *cli.Env) error {
	env.P.Flush()
	usage.Mroute(env.Stderr)
	return cmdline.Usage()
}

// list is mroute_list.
func list(env *cli.Env, args *cmdline.Args) error {
	var f Filter
	family := env.Opts.Family
	switch family {
	case unix.AF_INET, unix.AF_UNSPEC:
		family = mroute.FamilyIPMR
		f.Family = mroute.FamilyIPMR
		f.Table = unix.RT_TABLE_DEFAULT // iproute2 keeps this for old kernels' sake
	case unix.AF_INET6:
		family = mroute.FamilyIP6MR
		f.Family = mroute.FamilyIP6MR
	default:
		return nil // no multicast routing in that family
	}
	iif, hasIif := "", false
	for args.More() {
		w := args.Next()
		switch {
		case cmdline.Matches(w, "table"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			if id, ok := rtnames.Tables.ID(v); ok {
				f.Table = id
			} else if id, ok := cnum.Uint32(v, 0); ok {
				f.Table = id
			} else if v == "all" {
				f.Table = 0
			} else if v == "help" {
				return usageText(env)
			} else {
				return cmdline.InvalidArg("table id value is invalid\n", v)
			}
		case w == "iif":
			v, err := args.Value()
			if err != nil {
				return err
			}
			iif, hasIif = v, true
		case cmdline.Matches(w, "from"):
			v, err := args.Value()
			if err != nil {
				return err
			}
			if _, err := cnum.GetPrefix(v, family); err != nil {
				return err
			}
		default:
			v, err := args.After("to", w)
			if err != nil {
				return err
			}
			if cmdline.Matches(v, "help") {
				return usageText(env)
			}
			if _, err := cnum.GetPrefix(v, family); err != nil {
				return err
			}
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	env.InitLinks()
	names := env.LinkNames()
	defer names.Close()
	if hasIif {
		idx := env.LinkIndex(iif)
		if idx == 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", iif)
		}
		f.Iif = idx
	}
	pr := NewPrinter(env, names.Name)
	pr.Filter = f
	env.P.Begin()
	err = c.Dump(unix.RTM_GETROUTE, mroute.DumpRequest(family, f.Table), func(m netlink.Message) error {
		return pr.Print(env, m.Header, m.Data)
	})
	if err != nil {
		env.P.End()
		if err != errNotMulticast {
			var ne *rtnl.Error
			if !errors.As(err, &ne) || ne.Msg != "" || (ne.Errno != unix.ENOENT && ne.Errno != unix.EOPNOTSUPP) {
				env.Warnf("%s\n", err)
			}
		}
		return cmdline.Fatal(cmdline.StatusFailed, "Dump terminated")
	}
	env.P.End()
	return nil
}
