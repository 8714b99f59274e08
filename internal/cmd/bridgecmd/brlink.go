package bridgecmd

import (
	"context"
	"fmt"
	"github.com/gipnet/gip/bridge"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// iflaBridgeMode is IFLA_BRIDGE_MODE, in IFLA_AF_SPEC of a bridge link.
const iflaBridgeMode = 1

func doLink(env *cli.Env, args *cmdline.Args) error {
	if !args.More() {
		return linkShow(env, args)
	}
	w := args.Next()
	switch {
	case cmdline.Matches(w, "set"), cmdline.Matches(w, "change"):
		return linkSet(env, args)
	case cmdline.Matches(w, "show"), cmdline.Matches(w, "lst"), cmdline.Matches(w, "list"):
		return linkShow(env, args)
	case cmdline.Matches(w, "help"):
		return linkUsage(env)
	}
	return cmdline.Exit(cmdline.StatusUsage, "Command \"%s\" is unknown, try \"bridge link help\".", w)
}

// linkTable names links and knows their flags, for "name@peer" and M-DOWN:
// from one dump (show), or from a cache that asks the kernel on a miss
// (monitor).
type linkTable struct {
	names map[int32]string
	flags map[int32]uint32
	cache *link.Names
}

func (t *linkTable) name(i int32) string {
	if t.cache != nil {
		return t.cache.Name(uint32(i))
	}
	if n, ok := t.names[i]; ok {
		return n
	}
	return fmt.Sprintf("if%d", i)
}

func (t *linkTable) flag(i int32) (uint32, bool) {
	if t.cache != nil {
		return t.cache.Flags(uint32(i))
	}
	f, ok := t.flags[i]
	return f, ok
}

func linkShow(env *cli.Env, args *cmdline.Args) error {
	dev, hasDev := "", false // '' names no device, it is not "any"
	for args.More() {
		if w := args.Next(); w == "dev" {
			v, err := args.Value()
			if err != nil {
				return err
			}
			if hasDev {
				return cmdline.Duplicate("dev", v)
			}
			dev, hasDev = v, true
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
	t := &linkTable{names: map[int32]string{}, flags: map[int32]uint32{}}
	byName := map[string]int32{}
	for _, l := range links {
		t.names[int32(l.Index)] = l.Name
		t.flags[int32(l.Index)] = l.Flags
		byName[l.Name] = int32(l.Index)
	}
	// The filter is a static in iproute2: under -batch a later link show
	// (and bridge monitor) keeps it; a device not found clears it.
	st := stateOf(env)
	if hasDev {
		st.linkIndex = nameIndex(c, byName, dev)
		if st.linkIndex == 0 {
			return cmdline.Exit(cmdline.StatusUsage, "Cannot find device \"%s\"", dev)
		}
	}
	filter := st.linkIndex
	c.SetStrict(true)
	defer c.SetStrict(false)
	body := rtnl.IfInfomsg{Family: unix.AF_BRIDGE}.Append(nil)
	p := env.P
	p.Begin()
	err = c.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
		printBrLink(p, env.Opts.Details > 0, filter, t, m, nil)
		return nil
	})
	if err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Exit(cmdline.StatusFailed, "Dump terminated")
	}
	p.End()
	return nil
}

var linkFlagNames = []struct {
	bit  uint32
	name string
}{
	{unix.IFF_LOOPBACK, "LOOPBACK"}, {unix.IFF_BROADCAST, "BROADCAST"}, {unix.IFF_POINTOPOINT, "POINTOPOINT"},
	{unix.IFF_MULTICAST, "MULTICAST"}, {unix.IFF_NOARP, "NOARP"}, {unix.IFF_ALLMULTI, "ALLMULTI"},
	{unix.IFF_PROMISC, "PROMISC"}, {unix.IFF_MASTER, "MASTER"}, {unix.IFF_SLAVE, "SLAVE"},
	{unix.IFF_DEBUG, "DEBUG"}, {unix.IFF_DYNAMIC, "DYNAMIC"}, {unix.IFF_AUTOMEDIA, "AUTOMEDIA"},
	{unix.IFF_PORTSEL, "PORTSEL"}, {unix.IFF_NOTRAILERS, "NOTRAILERS"}, {unix.IFF_UP, "UP"},
	{unix.IFF_LOWER_UP, "LOWER_UP"}, {unix.IFF_DORMANT, "DORMANT"}, {unix.IFF_ECHO, "ECHO"},
}

func printLinkFlags(p *format.Printer, flags uint32, mdown bool) {
	p.OpenArray(format.Any, "flags", "<")
	sep := func(f uint32) string {
		if f != 0 {
			return "%s,"
		}
		return "%s"
	}
	if flags&unix.IFF_UP != 0 && flags&unix.IFF_RUNNING == 0 {
		p.String(format.Any, "", sep(flags), "NO-CARRIER")
	}
	flags &^= unix.IFF_RUNNING
	for _, f := range linkFlagNames {
		if flags&f.bit != 0 {
			flags &^= f.bit
			p.String(format.Any, "", sep(flags), f.name)
		}
	}
	if flags != 0 {
		p.Hex(format.Any, "", "%x", uint64(flags))
	}
	if mdown {
		p.String(format.Any, "", ",%s", "M-DOWN")
	}
	p.CloseArray(format.Any, "> ")
}

func printSTPState(p *format.Printer, s uint8) {
	if name, ok := bridge.PortState(s).Name(); ok {
		p.String(format.Any, "state", "state %s ", name)
	} else {
		p.Uint(format.Any, "state", "state (%d) ", uint64(s))
	}
}

// printBrLink prints one AF_BRIDGE link message as `bridge link` does.
// headers, when set, prints what precedes an event (bridge monitor).
func printBrLink(p *format.Printer, details bool, filter int32, t *linkTable, m netlink.Message, headers func(string)) {
	hdr, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return
	}
	if hdr.Family != unix.AF_BRIDGE && hdr.Family != unix.AF_UNSPEC {
		return
	}
	if filter != 0 && filter != hdr.Index {
		return
	}
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return
	}
	name := ""
	var mtu, master, link uint32
	var haveMTU, haveMaster, haveLink, haveNSID bool
	var protinfo, afspec []byte
	var protNested bool
	for ad.Next() {
		switch ad.Type() {
		case unix.IFLA_IFNAME:
			name = ad.String()
		case unix.IFLA_MTU:
			mtu, haveMTU = ad.Uint32(), true
		case unix.IFLA_MASTER:
			master, haveMaster = ad.Uint32(), true
		case unix.IFLA_LINK:
			link, haveLink = ad.Uint32(), true
		case unix.IFLA_LINK_NETNSID:
			haveNSID = true
		case unix.IFLA_PROTINFO:
			protinfo = append([]byte(nil), ad.Bytes()...)
			protNested = ad.TypeFlags()&unix.NLA_F_NESTED != 0
		case unix.IFLA_AF_SPEC:
			afspec = append([]byte(nil), ad.Bytes()...)
		}
	}
	if name == "" {
		name = t.name(hdr.Index)
	}
	if headers != nil {
		headers("[LINK]")
	}
	p.OpenObject("")
	if m.Header.Type == unix.RTM_DELLINK {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	p.Int(format.Any, "ifindex", "%d: ", int64(hdr.Index))
	mdown := false
	if haveLink {
		var peer string
		if link != 0 {
			if haveNSID {
				if p.IsJSON() {
					p.Int(format.JSON, "link_index", "", int64(link))
				} else {
					peer = fmt.Sprintf("if%d", link)
				}
			} else {
				peer = t.name(int32(link))
				if p.IsJSON() {
					p.String(format.JSON, "link", "", peer)
					peer = ""
				}
				// An unknown index has flags -1 in iproute2: never M-DOWN.
				if f, ok := t.flag(int32(link)); ok {
					mdown = f&unix.IFF_UP == 0
				}
			}
		} else if p.IsJSON() {
			p.Null(format.JSON, "link", "", "")
		} else {
			peer = "NONE"
		}
		if peer != "" {
			name = name + "@" + peer
		}
	}
	p.ColorString(format.Any, format.Ifname, "ifname", "%s: ", name)
	printLinkFlags(p, hdr.Flags, mdown)
	if haveMTU {
		p.Int(format.Any, "mtu", "mtu %u ", int64(int32(mtu)))
	}
	if haveMaster {
		p.String(format.Any, "master", "master %s ", t.name(int32(master)))
	}
	if protinfo != nil {
		if protNested {
			printProtinfo(p, details, t, protinfo)
		} else if len(protinfo) > 0 {
			printSTPState(p, protinfo[0])
		}
	}
	if afspec != nil {
		if sd, err := rtnl.Decoder(afspec); err == nil {
			for sd.Next() {
				if sd.Type() == iflaBridgeMode {
					mode := sd.Uint16()
					switch mode {
					case 0:
						p.String(format.Any, "hwmode", "hwmode %s ", "VEB")
					case 1:
						p.String(format.Any, "hwmode", "hwmode %s ", "VEPA")
					default:
						p.Hex(format.Any, "hwmode", "hwmode %#x ", uint64(mode))
					}
				}
			}
		}
	}
	p.Text("\n")
	p.CloseObject()
}

func printProtinfo(p *format.Printer, details bool, t *linkTable, b []byte) {
	ad, err := rtnl.Decoder(b)
	if err != nil {
		return
	}
	attrs := map[uint16][]byte{}
	for ad.Next() {
		attrs[ad.Type()] = ad.Bytes()
	}
	if v, ok := attrs[unix.IFLA_BRPORT_STATE]; ok {
		printSTPState(p, u8(v))
	}
	if v, ok := attrs[unix.IFLA_BRPORT_PRIORITY]; ok {
		p.Uint(format.Any, "priority", "priority %u ", uint64(u16(v)))
	}
	if v, ok := attrs[unix.IFLA_BRPORT_COST]; ok {
		p.Uint(format.Any, "cost", "cost %u ", uint64(u32(v)))
	}
	if !details {
		return
	}
	if !p.IsJSON() {
		p.Text(p.NewlineToken() + "    ")
	}
	onOff := func(attr uint16, key string) {
		if v, ok := attrs[attr]; ok {
			p.OnOff(format.Any, key, key+" %s ", u8(v) != 0)
		}
	}
	onOff(unix.IFLA_BRPORT_MODE, "hairpin")
	onOff(unix.IFLA_BRPORT_GUARD, "guard")
	onOff(unix.IFLA_BRPORT_PROTECT, "root_block")
	onOff(unix.IFLA_BRPORT_FAST_LEAVE, "fastleave")
	onOff(unix.IFLA_BRPORT_LEARNING, "learning")
	onOff(unix.IFLA_BRPORT_LEARNING_SYNC, "learning_sync")
	onOff(unix.IFLA_BRPORT_UNICAST_FLOOD, "flood")
	onOff(unix.IFLA_BRPORT_MCAST_FLOOD, "mcast_flood")
	onOff(unix.IFLA_BRPORT_BCAST_FLOOD, "bcast_flood")
	if v, ok := attrs[unix.IFLA_BRPORT_MULTICAST_ROUTER]; ok {
		p.Uint(format.Any, "mcast_router", "mcast_router %u ", uint64(u8(v)))
	}
	onOff(unix.IFLA_BRPORT_MCAST_TO_UCAST, "mcast_to_unicast")
	onOff(unix.IFLA_BRPORT_NEIGH_SUPPRESS, "neigh_suppress")
	onOff(unix.IFLA_BRPORT_VLAN_TUNNEL, "vlan_tunnel")
	if v, ok := attrs[unix.IFLA_BRPORT_BACKUP_PORT]; ok {
		p.String(format.Any, "backup_port", "backup_port %s ", t.name(int32(u32(v))))
	}
	onOff(unix.IFLA_BRPORT_ISOLATED, "isolated")
	onOff(unix.IFLA_BRPORT_LOCKED, "locked")
}

// nameIndex is ll_name_to_index over a table of dumped names: the link
// called name, else the one an ioctl reads it as ("br0:1" is br0), else
// the index a name "ifN" stands for; 0 when none.
func nameIndex(c *rtnl.Conn, byName map[string]int32, name string) int32 {
	if link.LookupExceedsBound(c, name) {
		// the lookup request went without the name; if_nametoindex
		// refuses a name that long
		return int32(link.IndexFromIfN(name))
	}
	if idx, ok := byName[name]; ok {
		return idx
	}
	if base, ok := link.IoctlName(name); ok {
		if idx, ok := byName[base]; ok {
			return idx
		}
	}
	return int32(link.IndexFromIfN(name))
}
