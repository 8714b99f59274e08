package bridgecmd

import (
	"context"
	"fmt"
	"github.com/gipnet/gip/bridge"
	"net/netip"
	"unsafe"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

func doFDB(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return fdbShow(env, args)
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "add"):
		return fdbModify(env, args, unix.RTM_NEWNEIGH, rtnl.Create|rtnl.Excl)
	case cmdline.Matches(w, "append"):
		return fdbModify(env, args, unix.RTM_NEWNEIGH, rtnl.Create|rtnl.Append)
	case cmdline.Matches(w, "replace"):
		return fdbModify(env, args, unix.RTM_NEWNEIGH, rtnl.Create|rtnl.Replace)
	case cmdline.Matches(w, "delete"):
		return fdbModify(env, args, unix.RTM_DELNEIGH, 0)
	case cmdline.Matches(w, "get"):
		return fdbGet(env, args)
	case w == "flush":
		return fdbFlush(env, args)
	case cmdline.Matches(w, "show"), cmdline.Matches(w, "lst"), cmdline.Matches(w, "list"):
		return fdbShow(env, args)
	case cmdline.Matches(w, "help"):
		return fdbUsage(env)
	}
	return cmdline.Exit(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"bridge fdb help\".", w)
}

// fdbFilter is what `bridge fdb show` selects.
type fdbFilter struct {
	index, master int32
	vlan          uint32 // iproute2's unsigned int: 65536 matches no entry, it is not 0
	state         uint16
	dynamic       bool
	// headers, when set, prints what precedes each entry (print_headers:
	// -timestamp's line, bridge monitor's label).
	headers func(label string)
	// buf is printFDB's scratch for addresses: each is printed at once,
	// so a dump of many entries makes no string per entry.
	buf []byte
}

func parseState(s string) (uint16, bool) {
	switch {
	case cmdline.Matches(s, "permanent"):
		return unix.NUD_PERMANENT, true
	case cmdline.Matches(s, "static"), cmdline.Matches(s, "temp"):
		return unix.NUD_NOARP, true
	case cmdline.Matches(s, "stale"):
		return unix.NUD_STALE, true
	case cmdline.Matches(s, "reachable"), cmdline.Matches(s, "dynamic"):
		return unix.NUD_REACHABLE, true
	case s == "all":
		return 0xffff, true
	}
	n, ok := cnum.Uint32(s, 0)
	return uint16(n), ok
}

func fdbShow(env *cli.Env, args *cmdline.Args) error {
	// iproute2 keeps fdb show's filters in statics: under -batch they
	// carry over into the next fdb listings (and bridge monitor).
	f := &stateOf(env).fdb
	var dev, br string
	var hasDev, hasBr bool // given, maybe as '' (which names no device)
	for args.More() {
		w := args.Next()
		switch w {
		case "brport", "dev":
			v, err := args.Value()
			if err != nil {
				return err
			}
			dev, hasDev = v, true
		case "br":
			v, err := args.Value()
			if err != nil {
				return err
			}
			br, hasBr = v, true
		case "vlan":
			v, err := args.Value()
			if err != nil {
				return err
			}
			if f.vlan != 0 {
				return cmdline.Duplicate("vlan", v)
			}
			f.vlan = uint32(cnum.Atoi(v))
		case "state":
			v, err := args.Value()
			if err != nil {
				return err
			}
			s, ok := parseState(v)
			if !ok {
				return cmdline.InvalidArg("invalid state", v)
			}
			f.state |= s
		case "dynamic":
			f.dynamic = true
		default:
			if cmdline.Matches(w, "help") {
				return fdbUsage(env)
			}
		}
	}
	c, err := env.Conn()
	if err != nil {
		return err
	}
	links, err := bridge.DumpLinks(context.Background(), c)
	if err != nil {
		return err
	}
	names := map[int32]string{}
	byName := map[string]int32{}
	for _, l := range links {
		names[int32(l.Index)] = l.Name
		byName[l.Name] = int32(l.Index)
	}
	if hasBr {
		i := nameIndex(c, byName, br)
		if i == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Cannot find bridge device \"%s\"", br)
		}
		f.master = i
	}
	if hasDev {
		i := nameIndex(c, byName, dev)
		if i == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", dev)
		}
		f.index = i
	}
	c.SetStrict(true)
	defer c.SetStrict(false)
	body := bridge.FDBDumpRequest(int(f.index), int(f.master))
	name := func(i int32) string {
		if n, ok := names[i]; ok {
			return n
		}
		return fmt.Sprintf("if%d", i)
	}
	p := env.P
	p.Begin()
	err = c.Dump(unix.RTM_GETNEIGH, body, func(m netlink.Message) error {
		printFDB(p, env.Opts.Stats > 0, f, name, m)
		return nil
	})
	if err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Exit(cmdline.StatusFailed, "Dump terminated")
	}
	p.End()
	return nil
}

// printFDB prints one entry as `bridge fdb show` does.
func printFDB(p *format.Printer, stats bool, f *fdbFilter, name func(int32) string, m netlink.Message) {
	d := m.Data
	if (m.Header.Type != unix.RTM_NEWNEIGH && m.Header.Type != unix.RTM_DELNEIGH) || len(d) < unix.SizeofNdMsg {
		return
	}
	if d[0] != unix.AF_BRIDGE {
		return
	}
	ifindex := int32(ne.Uint32(d[4:8]))
	state := ne.Uint16(d[8:10])
	flags := d[10]
	if f.index != 0 && f.index != ifindex {
		return
	}
	if f.state != 0 && state&f.state == 0 {
		return
	}
	// A malformed attribute anywhere drops the entry (as the decoder
	// iproute2's parse_rtattr stands for here did); the walk is then
	// rtnl's, which allocates nothing.
	chk := rtnl.NewAttrs(d[unix.SizeofNdMsg:])
	for chk.Next() {
	}
	if chk.Err() != nil {
		return
	}
	ad := rtnl.NewAttrs(d[unix.SizeofNdMsg:])
	var lladdr []byte
	var vid uint16
	var master int32
	haveMaster := false
	var ci, dst []byte
	var port, vni, srcVNI, via, nhid, nsid uint32
	var havePort, haveVNI, haveSrcVNI, haveVia, haveNHID, haveNSID bool
	for ad.Next() {
		switch ad.Type() {
		case unix.NDA_DST:
			dst = ad.Data()
		case unix.NDA_PORT:
			if b := ad.Data(); len(b) >= 2 {
				port, havePort = uint32(b[0])<<8|uint32(b[1]), true
			}
		case unix.NDA_VNI:
			vni, haveVNI = ad.Uint32(), true
		case unix.NDA_SRC_VNI:
			srcVNI, haveSrcVNI = ad.Uint32(), true
		case unix.NDA_IFINDEX:
			via, haveVia = ad.Uint32(), true
		case ndaNHID:
			nhid, haveNHID = ad.Uint32(), true
		case unix.NDA_LINK_NETNSID:
			nsid, haveNSID = ad.Uint32(), true
		case unix.NDA_LLADDR:
			lladdr = ad.Data()
		case unix.NDA_VLAN:
			vid = ad.Uint16()
		case unix.NDA_MASTER:
			master, haveMaster = int32(ad.Uint32()), true
		case unix.NDA_CACHEINFO:
			ci = ad.Data()
		}
	}
	if f.vlan != 0 && f.vlan != uint32(vid) {
		return
	}
	if f.dynamic && state&unix.NUD_PERMANENT != 0 {
		return
	}
	if f.headers != nil {
		f.headers("[NEIGH]")
	}
	p.OpenObject("")
	if m.Header.Type == unix.RTM_DELNEIGH {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	if lladdr != nil {
		p.ColorString(format.Any, format.MAC, "mac", "%s ", f.scratch(appendMAC(f.buf[:0], lladdr)))
	}
	if f.index == 0 && ifindex != 0 {
		p.Text("dev ")
		p.ColorString(format.Any, format.Ifname, "ifname", "%s ", name(ifindex))
	}
	if dst != nil {
		c := format.Inet
		if len(dst) == 16 {
			c = format.Inet6
		}
		p.Text("dst ")
		p.ColorString(format.Any, c, "dst", "%s ", f.scratch(appendAddr(f.buf[:0], dst)))
	}
	if vid != 0 {
		p.Uint(format.Any, "vlan", "vlan %u ", uint64(vid))
	}
	if havePort {
		p.Uint(format.Any, "port", "port %u ", uint64(port))
	}
	if haveVNI {
		p.Uint(format.Any, "vni", "vni %u ", uint64(vni))
	}
	if haveSrcVNI {
		p.Uint(format.Any, "src_vni", "src_vni %u ", uint64(srcVNI))
	}
	if haveVia {
		if haveNSID {
			p.Uint(format.Any, "viaIfIndex", "via ifindex %u ", uint64(via))
		} else {
			p.String(format.Any, "viaIf", "via %s ", name(int32(via)))
		}
	}
	if haveNHID {
		p.Uint(format.Any, "nhid", "nhid %u ", uint64(nhid))
	}
	if haveNSID {
		p.Int(format.Any, "linkNetNsId", "link-netnsid %d ", int64(int32(nsid)))
	}
	if stats && len(ci) >= 12 {
		used, updated := ne.Uint32(ci[4:8])/100, ne.Uint32(ci[8:12])/100
		if p.IsJSON() {
			p.Uint(format.JSON, "used", "", uint64(used))
			p.Uint(format.JSON, "updated", "", uint64(updated))
		} else {
			p.Int(format.Text, "", "used %d", int64(int32(used)))
			p.Int(format.Text, "", "/%d ", int64(int32(updated)))
		}
	}
	p.OpenArray(format.JSON, "flags", "")
	for _, fl := range fdbFlagNames {
		if flags&fl.bit != 0 {
			p.String(format.Any, "", "%s ", fl.word)
		}
	}
	p.CloseArray(format.JSON, "")
	if haveMaster {
		p.String(format.Any, "master", "master %s ", name(master))
	}
	p.String(format.Any, "state", "%s\n", stateText(state, p.IsJSON()))
	p.CloseObject()
}

var fdbFlagNames = [...]struct {
	bit  uint8
	word string
}{{unix.NTF_SELF, "self"}, {unix.NTF_ROUTER, "router"}, {unix.NTF_EXT_LEARNED, "extern_learn"},
	{unix.NTF_OFFLOADED, "offload"}, {unix.NTF_MASTER, "master"}, {0x40, "sticky"}}

// scratch keeps b as f.buf and views it as a string until its next use.
func (f *fdbFilter) scratch(b []byte) string {
	f.buf = b
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func stateText(s uint16, json bool) string {
	switch {
	case s&unix.NUD_PERMANENT != 0:
		return "permanent"
	case s&unix.NUD_NOARP != 0:
		return "static"
	case s&unix.NUD_STALE != 0:
		return "stale"
	case s&unix.NUD_REACHABLE != 0:
		return ""
	}
	if json {
		return fmt.Sprintf("%#x", s)
	}
	return fmt.Sprintf("state=%#x", s)
}

// appendAddr appends inet_ntop of a 4- or 16-byte address (hex for others).
func appendAddr(dst, b []byte) []byte {
	if a, ok := netip.AddrFromSlice(b); ok {
		return a.AppendTo(dst)
	}
	return appendMAC(dst, b)
}

func appendMAC(dst, b []byte) []byte {
	const hex = "0123456789abcdef"
	for i, c := range b {
		if i > 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, hex[c>>4], hex[c&15])
	}
	return dst
}

func macString(b []byte) string { return string(appendMAC(nil, b)) }
