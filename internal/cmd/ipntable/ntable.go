// Package ipntable is `ip ntable`: the kernel's neighbour tables (ARP,
// NDISC) and their per-device parameters, listed with an RTM_GETNEIGHTBL
// dump and changed with RTM_SETNEIGHTBL.
package ipntable

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/usage"
	"github.com/gipnet/gip/ntable"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// noneDev is the filter index of `dev none`: tables without a device.
const noneDev = ^uint32(0)

// Filter selects tables by family, name and device.
type Filter struct {
	Family  int
	Name    string
	HasName bool
	Index   uint32 // 0: any; noneDev: the tables of no device
}

// Run is `ip ntable`.
func Run(env *cli.Env, args *cmdline.Args) error {
	env.InitLinksHere() // iproute2's do_ipntable loads its link cache first, on its socket
	if !args.More() {
		return show(env, args)
	}
	w := args.Next()
	m := func(kw string) bool { return cmdline.Matches(w, kw) }
	switch {
	case m("change") || m("chg"):
		return change(env, args)
	case m("show") || m("lst") || m("list"):
		return show(env, args)
	case m("help"):
		return usageText(env)
	}
	return cmdline.Fatal(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"ip ntable help\".", w)
}

func usageText(env *cli.Env) error {
	env.P.Flush()
	usage.Ntable(env.Stderr)
	return cmdline.Usage()
}

// devIndex is ll_name_to_index: 0 for no such device.
func devIndex(env *cli.Env, name string) (uint32, error) {
	if _, err := env.Conn(); err != nil {
		return 0, err
	}
	return env.LinkIndex(name), nil
}

func attr(b []byte, typ uint16, data []byte) []byte {
	b = binary.NativeEndian.AppendUint16(b, uint16(4+len(data)))
	b = binary.NativeEndian.AppendUint16(b, typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func attr32(b []byte, typ uint16, v uint32) []byte {
	return attr(b, typ, binary.NativeEndian.AppendUint32(nil, v))
}

func attr64(b []byte, typ uint16, v uint64) []byte {
	return attr(b, typ, binary.NativeEndian.AppendUint64(nil, v))
}

// The PARMS keywords: their attribute and whether the value is a u64.
var parms = []struct {
	word string
	typ  uint16
	u64  bool
}{
	{"base_reachable", ntable.ParmBaseReachableTime, true},
	{"retrans", ntable.ParmRetransTime, true},
	{"gc_stale", ntable.ParmGCStaletime, true},
	{"delay_probe", ntable.ParmDelayProbeTime, true},
	{"queue", ntable.ParmQueueLen, false},
	{"app_probes", ntable.ParmAppProbes, false},
	{"ucast_probes", ntable.ParmUcastProbes, false},
	{"mcast_probes", ntable.ParmMcastProbes, false},
	{"anycast_delay", ntable.ParmAnycastDelay, true},
	{"proxy_delay", ntable.ParmProxyDelay, true},
	{"proxy_queue", ntable.ParmProxyQlen, false},
	{"locktime", ntable.ParmLocktime, true},
}

// changeRequest is ipntable_modify's request body: the words are read
// in order, each keyword whole (strcmp). dev names a device through
// find; a nil body with a nil error is a device that does not exist
// (reported by the caller).
func changeRequest(family int, args *cmdline.Args, find func(string) (uint32, error)) ([]byte, string, error) {
	b := []byte{uint8(family), 0, 0, 0}
	var parm []byte
	name, hasName, thresh, gcInt, parmsChange := "", false, false, false, false
	for args.More() {
		w := args.Next()
		switch w {
		case "name":
			v, err := args.Value()
			if err != nil {
				return nil, "", err
			}
			if hasName {
				return nil, "", cmdline.Duplicate("NAME", v)
			}
			name, hasName = v, true
			b = attr(b, ntable.AttrName, append([]byte(v), 0))
			continue
		case "thresh1", "thresh2", "thresh3":
			v, err := args.Value()
			if err != nil {
				return nil, "", err
			}
			thresh = true
			n, ok := cnum.Uint32(v, 0)
			if !ok {
				return nil, "", cmdline.InvalidArg("\""+w+"\" value is invalid", v)
			}
			b = attr32(b, ntable.AttrThresh1+uint16(w[6]-'1'), n)
			continue
		case "gc_int":
			v, err := args.Value()
			if err != nil {
				return nil, "", err
			}
			gcInt = true
			n, ok := cnum.Uint(v, 0, math.MaxUint64)
			if !ok {
				return nil, "", cmdline.InvalidArg("\"gc_int\" value is invalid", v)
			}
			b = attr64(b, ntable.AttrGCInterval, n)
			continue
		case "dev":
			v, err := args.Value()
			if err != nil {
				return nil, "", err
			}
			idx, err := find(v)
			if err != nil {
				return nil, "", err
			}
			if idx == 0 {
				return nil, "", cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", v)
			}
			parm = attr32(parm, ntable.ParmIfindex, idx)
			continue
		}
		found := false
		for _, p := range parms {
			if w != p.word {
				continue
			}
			found = true
			v, err := args.Value()
			if err != nil {
				return nil, "", err
			}
			max := uint64(math.MaxUint32)
			if p.u64 {
				max = math.MaxUint64
			}
			n, ok := cnum.Uint(v, 0, max)
			if !ok {
				return nil, "", cmdline.InvalidArg("\""+w+"\" value is invalid", v)
			}
			if p.u64 {
				parm = attr64(parm, p.typ, n)
			} else {
				parm = attr32(parm, p.typ, uint32(n))
			}
			parmsChange = true
		}
		if !found {
			return nil, "", cmdline.InvalidArg("unknown", w)
		}
	}
	if !hasName {
		return nil, "", cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"NAME\" is required")
	}
	if !thresh && !gcInt && !parmsChange {
		return nil, "", cmdline.Fatal(cmdline.StatusUsage, "Not enough information: changeable attributes required.")
	}
	if len(parm) > 0 {
		b = attr(b, ntable.AttrParms, parm)
	}
	return b, name, nil
}

// change is `ip ntable change`.
func change(env *cli.Env, args *cmdline.Args) error {
	body, _, err := changeRequest(env.Opts.Family, args, func(s string) (uint32, error) { return devIndex(env, s) })
	if err != nil {
		return err
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	if err := c.Exec(ntable.RTMSetNeighTbl, rtnl.Replace, body); err != nil {
		env.Warnf("%s\n", err)
		return cmdline.Exited(cmdline.StatusRefused)
	}
	return nil
}

// show is ipntable_show.
func show(env *cli.Env, args *cmdline.Args) error {
	f := Filter{Family: env.Opts.Family}
	for args.More() {
		w := args.Next()
		switch w {
		case "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if v == "none" {
				f.Index = noneDev
				continue
			}
			idx, err := devIndex(env, v)
			if err != nil {
				return err
			}
			if idx == 0 {
				return cmdline.InvalidArg("\"DEV\" is invalid", v)
			}
			f.Index = idx
		case "name":
			v, err := args.Value()
			if err != nil {
				return err
			}
			f.Name, f.HasName = v, true
		default:
			return cmdline.InvalidArg("unknown", w)
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	names := env.LinkNames()
	defer names.Close()
	pr := NewPrinter(env, names.Name)
	pr.Filter = f
	env.P.Begin()
	err = c.Dump(ntable.RTMGetNeighTbl, ntable.DumpRequest(env.Opts.Family), func(m netlink.Message) error {
		return pr.Print(env, m.Header, m.Data)
	})
	if err != nil {
		if err != errBadLen {
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

// Printer is print_ntable.
type Printer struct {
	P      *format.Printer
	Stats  bool
	Filter Filter
	Name   func(uint32) string
	Now    func() time.Time
}

// NewPrinter is the printer for env's options; names names devices.
func NewPrinter(env *cli.Env, names func(uint32) string) *Printer {
	return &Printer{P: env.P, Stats: env.Opts.Stats > 0, Name: names, Now: time.Now,
		Filter: Filter{Family: env.Opts.Family}}
}

var errBadLen = errors.New("bad length")

func u32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.NativeEndian.Uint32(b)
}

func u64(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.NativeEndian.Uint64(b)
}

// Print prints one neighbour table message.
func (pr *Printer) Print(env *cli.Env, h netlink.Header, body []byte) error {
	if uint16(h.Type) != ntable.RTMNewNeighTbl {
		env.Warnf("Not NEIGHTBL: %08x %08x %08x\n", h.Length, uint16(h.Type), uint16(h.Flags))
		return nil
	}
	if len(body) < ntable.HeaderLen {
		env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-ntable.HeaderLen)
		return errBadLen
	}
	family := int(body[0])
	f := &pr.Filter
	if f.Family != 0 && f.Family != family {
		return nil
	}
	tb := ntable.ParseAttrs(body[ntable.HeaderLen:])
	if tb[ntable.AttrName] != nil && f.HasName && f.Name != ntable.CString(tb[ntable.AttrName]) {
		return nil
	}
	var tpb ntable.Attrs
	if tb[ntable.AttrParms] != nil {
		tpb = ntable.ParseAttrs(tb[ntable.AttrParms])
		if tpb[ntable.ParmIfindex] != nil {
			if f.Index != 0 && f.Index != u32(tpb[ntable.ParmIfindex]) {
				return nil
			}
		} else if f.Index != 0 && f.Index != noneDev {
			return nil
		}
	}
	p := pr.P
	p.OpenObject("")
	p.String(format.Any, "family", "%s ", cnum.FamilyName(family))
	if tb[ntable.AttrName] != nil {
		p.String(format.Any, "name", "%s ", ntable.CString(tb[ntable.AttrName]))
	}
	p.NL()
	ret := tb[ntable.AttrThresh1] != nil || tb[ntable.AttrThresh2] != nil || tb[ntable.AttrThresh3] != nil || tb[ntable.AttrGCInterval] != nil
	if ret {
		p.Text("    ")
	}
	for i, key := range []string{"thresh1", "thresh2", "thresh3"} {
		if v := tb[ntable.AttrThresh1+i]; v != nil {
			p.Uint(format.Any, key, key+" %u ", uint64(u32(v)))
		}
	}
	if v := tb[ntable.AttrGCInterval]; v != nil {
		p.Uint(format.Any, "gc_interval", "gc_int %u ", u64(v))
	}
	if ret {
		p.NL()
	}
	if tb[ntable.AttrConfig] != nil && pr.Stats {
		pr.config(tb[ntable.AttrConfig])
	}
	if tb[ntable.AttrParms] != nil {
		pr.parms(&tpb)
	}
	if tb[ntable.AttrStats] != nil && pr.Stats {
		pr.stats(tb[ntable.AttrStats])
	}
	p.Text("\n")
	p.CloseObject()
	return nil
}

// strtimeDelta is ntable_strtime_delta: the local time msec ago.
func (pr *Printer) strtimeDelta(msec uint32) string {
	if msec == 0 {
		return "(error)"
	}
	t := time.Unix(pr.Now().Unix()-int64(msec/1000), 0)
	return t.Format("2006-01-02 15:04:05")
}

// config is print_ndtconfig (struct ndt_config).
func (pr *Printer) config(b []byte) {
	var c [36]byte
	copy(c[:], b)
	ne := binary.NativeEndian
	p := pr.P
	p.Uint(format.Any, "key_length", "    config key_len %u ", uint64(ne.Uint16(c[0:])))
	p.Uint(format.Any, "entry_size", "entry_size %u ", uint64(ne.Uint16(c[2:])))
	p.Uint(format.Any, "entries", "entries %u ", uint64(ne.Uint32(c[4:])))
	p.NL()
	p.String(format.Any, "last_flush", "        last_flush %s ", pr.strtimeDelta(ne.Uint32(c[8:])))
	p.String(format.Any, "last_rand", "last_rand %s ", pr.strtimeDelta(ne.Uint32(c[12:])))
	p.NL()
	p.Uint(format.Any, "hash_rnd", "        hash_rnd %u ", uint64(ne.Uint32(c[16:])))
	mask := uint64(ne.Uint32(c[20:]))
	if p.IsJSON() {
		s := "0"
		if mask != 0 {
			s = "0x" + strconv.FormatUint(mask, 16)
		}
		p.String(format.JSON, "hash_mask", "", s)
	} else {
		p.Uint(format.Text, "", "hash_mask %08x ", mask)
	}
	p.Uint(format.Any, "hash_chain_gc", "hash_chain_gc %u ", uint64(ne.Uint32(c[24:])))
	p.Uint(format.Any, "proxy_qlen", "proxy_qlen %u ", uint64(ne.Uint32(c[28:])))
	p.NL()
}

// parms is print_ndtparams.
func (pr *Printer) parms(tpb *ntable.Attrs) {
	p := pr.P
	if v := tpb[ntable.ParmIfindex]; v != nil {
		p.Text("    dev ")
		p.ColorString(format.Any, format.Ifname, "dev", "%s ", pr.Name(u32(v)))
		p.NL()
	}
	p.Text("    ")
	sep := func() { p.Text(p.NewlineToken() + "    ") }
	type field struct {
		typ uint16
		key string
		u64 bool
	}
	groups := [][]field{
		{{ntable.ParmRefcnt, "refcnt", false}, {ntable.ParmReachableTime, "reachable", true}, {ntable.ParmBaseReachableTime, "base_reachable", true}, {ntable.ParmRetransTime, "retrans", true}},
		{{ntable.ParmGCStaletime, "gc_stale", true}, {ntable.ParmDelayProbeTime, "delay_probe", true}, {ntable.ParmQueueLen, "queue", false}},
		{{ntable.ParmAppProbes, "app_probes", false}, {ntable.ParmUcastProbes, "ucast_probes", false}, {ntable.ParmMcastProbes, "mcast_probes", false}},
		{{ntable.ParmAnycastDelay, "anycast_delay", true}, {ntable.ParmProxyDelay, "proxy_delay", true}, {ntable.ParmProxyQlen, "proxy_queue", false}, {ntable.ParmLocktime, "locktime", true}},
	}
	for i, g := range groups {
		if i > 0 {
			sep()
		}
		for _, fl := range g {
			v := tpb[fl.typ]
			if v == nil {
				continue
			}
			n := uint64(u32(v))
			if fl.u64 {
				n = u64(v)
			}
			p.Uint(format.Any, fl.key, fl.key+" %u ", n)
		}
	}
	p.NL()
}

// stats is print_ndtstats (struct ndt_stats).
func (pr *Printer) stats(b []byte) {
	var s [88]byte
	copy(s[:], b)
	v := func(i int) uint64 { return binary.NativeEndian.Uint64(s[8*i:]) }
	p := pr.P
	p.Text("    stats ")
	keys := [][]string{
		{"allocs", "destroys", "hash_grows"},
		{"res_failed", "lookups", "hits"},
		{"rcv_probes_mcast", "rcv_probes_ucast"},
		{"periodic_gc_runs", "forced_gc_runs"},
		{"table_fulls"},
	}
	i := 0
	for gi, g := range keys {
		if gi > 0 {
			p.Text(p.NewlineToken() + "    ")
		}
		for _, k := range g {
			p.Uint(format.Any, k, k+" %u ", v(i))
			i++
		}
	}
	p.NL()
}
