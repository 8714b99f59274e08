package link

import (
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Values x/sys/unix does not name.
const (
	in6AddrGenModeEUI64         = 0
	in6AddrGenModeNone          = 1
	in6AddrGenModeStablePrivacy = 2
	in6AddrGenModeRandom        = 3
	iffDynamic                  = unix.IFF_DYNAMIC
	llAddrMax                   = 32 // iproute2's abuf
)

// OperStates are the IFLA_OPERSTATE names, indexed by value (IF_OPER_*).
var OperStates = []string{"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"}

// parseWord reads one generic word (and its value) of iplink_parse. It
// returns done with the kind when the word was `type KIND`. The keyword
// order is iproute2's: it is the abbreviation rule.
func (p *Parser) parseWord(a *cmdline.Args, hdr *rtnl.IfInfomsg, ae *netlink.AttributeEncoder, w *linkWords) (string, bool, error) {
	word := a.Next()
	m := func(kw string) bool { return cmdline.Matches(word, kw) }
	value := a.Value
	switch {
	case word == "up":
		hdr.Change |= unix.IFF_UP
		hdr.Flags |= unix.IFF_UP
	case word == "down":
		hdr.Change |= unix.IFF_UP
		hdr.Flags &^= unix.IFF_UP
	case word == "name":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		if w.name != nil {
			return "", false, cmdline.Duplicate("name", v)
		}
		if !validIfname(v) || len(v) >= unix.IFNAMSIZ {
			return "", false, cmdline.InvalidArg("\"name\" not a valid ifname", v)
		}
		w.name = &v
		if w.dev == nil {
			w.dev = w.name
		}
	case word == "index":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		if w.index != 0 {
			return "", false, cmdline.Duplicate("index", v)
		}
		w.index = cnum.Atoi(v)
		if w.index <= 0 {
			return "", false, cmdline.InvalidArg("Invalid \"index\" value", v)
		}
	case m("link"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		w.link, w.hasLink = v, true
	case m("address"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		addr, err := p.llAddrArg(v)
		if err != nil {
			return "", false, err
		}
		w.addrLen = len(addr)
		ae.Bytes(unix.IFLA_ADDRESS, addr)
	case m("broadcast"), word == "brd":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		addr, err := p.llAddrArg(v)
		if err != nil {
			return "", false, err
		}
		ae.Bytes(unix.IFLA_BROADCAST, addr)
	case m("txqueuelen"), word == "qlen", m("txqlen"):
		if err := intAttr(a, ae, w, unix.IFLA_TXQLEN, "txqueuelen", "Invalid \"txqueuelen\" value\n"); err != nil {
			return "", false, err
		}
	case word == "mtu":
		if err := intAttr(a, ae, w, unix.IFLA_MTU, "mtu", "Invalid \"mtu\" value\n"); err != nil {
			return "", false, err
		}
	case word == "xdpgeneric", word == "xdpdrv", word == "xdpoffload", word == "xdp":
		if err := p.parseXDP(a, ae, w, word); err != nil {
			return "", false, err
		}
		if word == "xdpoffload" && w.name == w.dev {
			w.dev = nil
		}
	case word == "netns":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		if w.seen["netns"] {
			return "", false, cmdline.Duplicate("netns", v)
		}
		w.seen["netns"] = true
		if fd, err := p.NetNS(v); err == nil {
			ae.Uint32(unix.IFLA_NET_NS_FD, uint32(fd))
		} else if pid, ok := cnum.Int(v, 0); ok {
			ae.Uint32(unix.IFLA_NET_NS_PID, uint32(pid))
		} else {
			return "", false, cmdline.InvalidArg("Invalid \"netns\" value\n", v)
		}
		w.moveNetNS = true
	case word == "multicast", word == "allmulticast", word == "promisc", word == "trailers", word == "arp":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		flag, inverted := flagWord(word)
		if err := setFlag(hdr, flag, inverted, word, v); err != nil {
			return "", false, err
		}
	case word == "carrier", word == "protodown":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		on, err := parseOnOff(word, v, int(unix.EINVAL))
		if err != nil {
			return "", false, err
		}
		typ := uint16(unix.IFLA_CARRIER)
		if word == "protodown" {
			typ = unix.IFLA_PROTO_DOWN
		}
		ae.Uint8(typ, b2u8(on))
	case word == "vf":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		vf, ok := cnum.Int(v, 0)
		if !ok {
			return "", false, cmdline.InvalidArg("Invalid \"vf\" value\n", v)
		}
		if w.dev == nil {
			return "", false, cmdline.Fatal(cmdline.StatusUsage, "Error: argument \"dev\" is required")
		}
		err = nest(ae, unix.IFLA_VFINFO_LIST, func(l *netlink.AttributeEncoder) error {
			return p.parseVF(a, l, uint32(vf), *w.dev)
		})
		if err != nil {
			return "", false, err
		}
		if w.name == w.dev {
			w.dev = nil
		}
	case m("master"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		idx := p.Index(v)
		if idx == 0 {
			return "", false, cmdline.InvalidArg("Device does not exist\n", v)
		}
		ae.Uint32(unix.IFLA_MASTER, uint32(idx))
	case word == "vrf":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		// This kernel has no VRF devices, so no name is a valid VRF.
		return "", false, cmdline.InvalidArg("Not a valid VRF name\n", v)
	case m("nomaster"):
		ae.Uint32(unix.IFLA_MASTER, 0)
	case m("dynamic"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		if err := setFlag(hdr, iffDynamic, false, "dynamic", v); err != nil {
			return "", false, err
		}
	case m("type"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		return v, true, nil
	case m("alias"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		if len(v) >= ifAliasSize {
			return "", false, cmdline.InvalidArg("alias too long\n", v)
		}
		ae.Bytes(unix.IFLA_IFALIAS, []byte(v))
	case word == "group":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		if w.hasGroup {
			return "", false, cmdline.Duplicate("group", v)
		}
		g, ok := groupNumber(v, p.Stderr)
		if !ok {
			return "", false, cmdline.InvalidArg("Invalid \"group\" value\n", v)
		}
		w.group, w.hasGroup = g, true
		ae.Uint32(unix.IFLA_GROUP, uint32(g))
	case word == "mode":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		switch {
		case cnum.EqualFold(v, "default"):
			ae.Uint8(unix.IFLA_LINKMODE, 0)
		case cnum.EqualFold(v, "dormant"):
			ae.Uint8(unix.IFLA_LINKMODE, 1)
		default:
			return "", false, cmdline.InvalidArg("Invalid link mode\n", v)
		}
	case word == "state":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		st := -1
		for i, s := range OperStates {
			if cnum.EqualFold(v, s) {
				st = i
				break
			}
		}
		if st < 0 {
			return "", false, cmdline.InvalidArg("Invalid operstate\n", v)
		}
		ae.Uint8(unix.IFLA_OPERSTATE, uint8(st))
	case m("numtxqueues"):
		if err := intAttr(a, ae, w, unix.IFLA_NUM_TX_QUEUES, "numtxqueues", "Invalid \"numtxqueues\" value\n"); err != nil {
			return "", false, err
		}
	case m("numrxqueues"):
		if err := intAttr(a, ae, w, unix.IFLA_NUM_RX_QUEUES, "numrxqueues", "Invalid \"numrxqueues\" value\n"); err != nil {
			return "", false, err
		}
	case m("addrgenmode"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		mode := addrGenMode(v)
		if mode < 0 {
			return "", false, cmdline.InvalidArg("Invalid address generation mode\n", v)
		}
		err = nest(ae, unix.IFLA_AF_SPEC, func(af *netlink.AttributeEncoder) error {
			return nest(af, unix.AF_INET6, func(in6 *netlink.AttributeEncoder) error {
				in6.Uint8(unix.IFLA_INET6_ADDR_GEN_MODE, uint8(mode))
				return nil
			})
		})
		if err != nil {
			return "", false, err
		}
	case m("link-netns"), m("link-netnsid"):
		v, err := value()
		if err != nil {
			return "", false, err
		}
		if w.seen["link-netns"] {
			return "", false, cmdline.Duplicate("link-netns/link-netnsid", v)
		}
		w.seen["link-netns"] = true
		var id int32
		if m("link-netns") {
			id = -1
			if p.NetNSID != nil {
				id = p.NetNSID(v)
			}
			if id < 0 {
				return "", false, cmdline.InvalidArg("Invalid \"link-netns\" value\n", v)
			}
		} else {
			var ok bool
			if id, ok = cnum.Int(v, 0); !ok {
				return "", false, cmdline.InvalidArg("Invalid \"link-netnsid\" value\n", v)
			}
		}
		ae.Uint32(unix.IFLA_LINK_NETNSID, uint32(id))
	case word == "protodown_reason":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		reason, ok := cnum.Uint(v, 0, 31)
		if !ok {
			return "", false, cmdline.InvalidArg("invalid protodown reason\n", v)
		}
		onoff, err := value()
		if err != nil {
			return "", false, err
		}
		mask := uint32(1) << reason
		var val uint32
		switch {
		case cmdline.Matches(onoff, "on"):
			val = mask
		case cmdline.Matches(onoff, "off"):
		default:
			return "", false, cmdline.Exit(cmdline.StatusFailed, "Error: argument of \"protodown_reason\" must be \"on\" or \"off\", not \"%s\"", onoff)
		}
		ae.Nested(unix.IFLA_PROTO_DOWN_REASON, func(pr *netlink.AttributeEncoder) error {
			pr.Uint32(unix.IFLA_PROTO_DOWN_REASON_MASK, mask)
			pr.Uint32(unix.IFLA_PROTO_DOWN_REASON_VALUE, val)
			return nil
		})
	case word == "gso_max_size", word == "gso_max_segs", word == "gro_max_size":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		max := uint64(1<<32 - 1)
		typ := uint16(unix.IFLA_GSO_MAX_SIZE)
		switch word {
		case "gso_max_segs":
			max, typ = gsoMaxSegs, unix.IFLA_GSO_MAX_SEGS
		case "gro_max_size":
			typ = unix.IFLA_GRO_MAX_SIZE
		}
		n, ok := cnum.Uint(v, 0, max)
		if !ok {
			return "", false, cmdline.InvalidArg("Invalid \""+word+"\" value\n", v)
		}
		ae.Uint32(typ, uint32(n))
	case word == "parentdev":
		v, err := value()
		if err != nil {
			return "", false, err
		}
		ae.String(unix.IFLA_PARENT_DEV_NAME, v)
	default:
		if m("help") {
			return "", false, p.Usage()
		}
		if word == "dev" {
			v, err := value()
			if err != nil {
				return "", false, err
			}
			word = v
		}
		if w.dev != w.name {
			return "", false, cmdline.Duplicate2("dev", word)
		}
		if !validIfname(word) {
			return "", false, cmdline.InvalidArg("\"dev\" not a valid ifname", word)
		}
		w.dev = &word
	}
	return "", false, nil
}

// intAttr reads the value of a keyword that takes a C int and may be given
// once (mtu, txqueuelen, numtxqueues, numrxqueues).
func intAttr(a *cmdline.Args, ae *netlink.AttributeEncoder, w *linkWords, typ uint16, key, msg string) error {
	v, err := a.Value()
	if err != nil {
		return err
	}
	if w.seen[key] {
		return cmdline.Duplicate(key, v)
	}
	w.seen[key] = true
	n, ok := cnum.Int(v, 0)
	if !ok {
		return cmdline.InvalidArg(msg, v)
	}
	ae.Uint32(typ, uint32(n))
	return nil
}

// llAddrArg reads a hardware address value, failing as iproute2 does.
func (p *Parser) llAddrArg(v string) ([]byte, error) {
	addr, bad, err := llAddr(v, llAddrMax)
	if err != nil {
		return nil, cmdline.Exit(cmdline.StatusFailed, "\"%s\" is invalid lladdr.", bad)
	}
	return addr, nil
}

func flagWord(word string) (flag uint32, inverted bool) {
	switch word {
	case "multicast":
		return unix.IFF_MULTICAST, false
	case "allmulticast":
		return unix.IFF_ALLMULTI, false
	case "promisc":
		return unix.IFF_PROMISC, false
	case "trailers":
		return unix.IFF_NOTRAILERS, true
	}
	return unix.IFF_NOARP, true // arp
}

func addrGenMode(v string) int {
	switch {
	case cnum.EqualFold(v, "eui64"):
		return in6AddrGenModeEUI64
	case cnum.EqualFold(v, "none"):
		return in6AddrGenModeNone
	case cnum.EqualFold(v, "stable_secret"):
		return in6AddrGenModeStablePrivacy
	case cnum.EqualFold(v, "random"):
		return in6AddrGenModeRandom
	}
	return -1
}

func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
