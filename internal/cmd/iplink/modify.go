package iplink

import (
	"encoding/binary"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/netns"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

const (
	createExcl    = rtnl.Create | rtnl.Excl
	createReplace = rtnl.Create | rtnl.Replace
)

// modify is `ip link add|set|change|replace|delete`: the words become one
// request, sent once, so a failed add leaves nothing behind (the kernel
// creates a veth pair or a device and its settings atomically).
func modify(env *cli.Env, args *cmdline.Args, msgType uint16, flags netlink.HeaderFlags) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	p := newParser(env, c, msgType, flags)
	defer p.closeNetNS()
	body, err := p.Build(args)
	if err != nil {
		return err
	}
	if env.Opts.Echo {
		err = execEcho(env, c, msgType, flags, body)
	} else {
		err = c.Exec(netlink.HeaderType(msgType), flags, body)
	}
	if err == nil && len(body) >= 8 {
		// iproute2 drops the link it changed from its cache (the next
		// lookup of the name asks the kernel), by the index it sent:
		// the name's, or add's `index`.
		env.DropLink(binary.NativeEndian.Uint32(body[4:8]))
	}
	return err
}

// sysParser is a Parser whose lookups ask the kernel through one connection.
type sysParser struct {
	link.Parser
	fds []int // namespaces opened for IFLA_NET_NS_FD, closed after sending
}

func newParser(env *cli.Env, c *rtnl.Conn, msgType uint16, flags netlink.HeaderFlags) *sysParser {
	sp := &sysParser{}
	sp.Parser = link.Parser{
		MsgType: msgType,
		Create:  flags&rtnl.Create != 0,
		Family:  uint8(env.Opts.Family),
		Stdout:  env.P.Writer(),
		Stderr:  env.Stderr,
		Index:   func(name string) int32 { return indexOrZero(env, name) },
		AddrLen: func(name string) int { return addrLen(env, c, name, uint8(env.Opts.Family)) },
		NetNS: func(name string) (int, error) {
			fd, err := netns.Open(name)
			if err == nil {
				sp.fds = append(sp.fds, fd)
			}
			return fd, err
		},
		NetNSID: func(name string) int32 { return link.NetNSID(c, name) },
		Usage:   func() error { return usage(env) },
		Force:   env.Opts.Force,
	}
	sp.PinnedProg = link.OpenPinned
	return sp
}

func (sp *sysParser) closeNetNS() {
	for _, fd := range sp.fds {
		unix.Close(fd)
	}
	sp.ClosePinned()
}

// indexOrZero is ll_name_to_index: the kernel's answer, else a name of the
// form "ifN" read as index N, else 0.
func indexOrZero(env *cli.Env, name string) int32 {
	if _, err := env.Conn(); err != nil {
		return int32(link.IndexFromIfN(name))
	}
	return int32(env.LinkIndex(name))
}

// addrLen is the length of the named link's hardware address, or -1.
func addrLen(env *cli.Env, c *rtnl.Conn, name string, family uint8) int {
	idx := indexOrZero(env, name)
	if idx == 0 {
		return -1
	}
	m, err := c.Query(unix.RTM_GETLINK, 0, rtnl.IfInfomsg{Family: family, Index: idx}.Append(nil))
	if err != nil {
		return -1
	}
	_, attrs, err := rtnl.ParseIfInfomsg(m.Data)
	if err != nil {
		return -1
	}
	ad, err := rtnl.Decoder(attrs)
	if err != nil {
		return -1
	}
	for ad.Next() {
		if ad.Type() == unix.IFLA_ADDRESS {
			return len(ad.Bytes())
		}
	}
	return -1
}

// usage is `ip link help`: the syntax of ip link, naming every keyword
// iproute2's names (scripts grep for them), in gip's own layout.
func usage(env *cli.Env) error {
	env.Warnf("%s", `Usage: ip link add [ link DEV | parentdev NAME ] [ name ] NAME
                   [ txqueuelen PACKETS ] [ address LLADDR ] [ broadcast LLADDR ]
                   [ mtu MTU ] [ index IDX ] [ numtxqueues QUEUE_COUNT ]
                   [ numrxqueues QUEUE_COUNT ] [ netns { PID | NAME } ]
                   type TYPE [ ARGS ]

       ip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]

       ip link { set | change } { DEVICE | dev DEVICE | group DEVGROUP }
                   [ { up | down } ] [ type TYPE ARGS ] [ name NEWNAME ]
                   [ { arp | dynamic | multicast | allmulticast | promisc |
                       trailers | carrier } { on | off } ]
                   [ txqueuelen PACKETS ] [ address LLADDR ] [ broadcast LLADDR ]
                   [ mtu MTU ] [ netns { PID | NAME } ] [ alias NAME ]
                   [ link-netns NAME | link-netnsid ID ]
                   [ master DEVICE ] [ vrf NAME ] [ nomaster ]
                   [ addrgenmode { eui64 | none | stable_secret | random } ]
                   [ protodown { on | off } ] [ protodown_reason PREASON { on | off } ]
                   [ gso_max_size BYTES ] [ gso_max_segs PACKETS ] [ gro_max_size BYTES ]
                   [ { xdp | xdpgeneric | xdpdrv | xdpoffload } { off | pinned FILE |
                       object FILE [ { section | program } NAME ] [ verbose ] } ]
                   [ vf NUM [ mac LLADDR ] [ vlan VLANID [ qos VLAN-QOS ] [ proto VLAN-PROTO ] ]
                            [ rate TXRATE ] [ max_tx_rate TXRATE ] [ min_tx_rate TXRATE ]
                            [ { spoofchk | query_rss | trust } { on | off } ]
                            [ state { auto | enable | disable } ]
                            [ node_guid EUI64 ] [ port_guid EUI64 ] ]

       ip link show [ DEVICE | group GROUP ] [ up ] [ master DEV ] [ nomaster ]
                    [ vrf NAME ] [ type TYPE ]

       ip link xstats type TYPE [ ARGS ]
       ip link afstats [ dev DEVICE ]
       ip link property { add | del } dev DEVICE [ altname NAME .. ]

       ip link help [ TYPE ]

`)
	WriteTypes(env.Stderr)
	return cmdline.Usage()
}
