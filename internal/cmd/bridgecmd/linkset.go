package bridgecmd

import (
	"context"
	"errors"
	"github.com/gipnet/gip/bridge"

	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"golang.org/x/sys/unix"
)

// IFLA_BRIDGE_FLAGS values (linux/if_bridge.h).
const (
	iflaBridgeFlags    = 0
	bridgeFlagsMaster  = 1
	bridgeFlagsSelf    = 2
	bridgeModeVEB      = 0
	bridgeModeVEPA     = 1
	iflaBrportMcastRtr = unix.IFLA_BRPORT_MULTICAST_ROUTER
)

// portOnOff is one `bridge link set` on/off word and the IFLA_BRPORT_*
// attribute it sets, in the order the request carries them.
var portOnOff = []struct {
	word string
	attr uint16
}{
	{"guard", unix.IFLA_BRPORT_GUARD},
	{"hairpin", unix.IFLA_BRPORT_MODE},
	{"fastleave", unix.IFLA_BRPORT_FAST_LEAVE},
	{"root_block", unix.IFLA_BRPORT_PROTECT},
	{"flood", unix.IFLA_BRPORT_UNICAST_FLOOD},
	{"mcast_router", iflaBrportMcastRtr},
	{"mcast_flood", unix.IFLA_BRPORT_MCAST_FLOOD},
	{"bcast_flood", unix.IFLA_BRPORT_BCAST_FLOOD},
	{"mcast_to_unicast", unix.IFLA_BRPORT_MCAST_TO_UCAST},
	{"learning", unix.IFLA_BRPORT_LEARNING},
	{"learning_sync", unix.IFLA_BRPORT_LEARNING_SYNC},
}

// portSettings is what `bridge link set` read: -1 is "not given" for every
// 8- and 16-bit value, as in iproute2, so a value that wraps to a negative
// number is silently not sent.
type portSettings struct {
	dev        string
	haveDev    bool
	flag       map[uint16]int8 // portOnOff attributes, mcast_router included
	cost       uint32
	priority   int16
	state      int8
	mode       int16
	flags      uint16
	neighSupp  int8
	vlanTunnel int8
	isolated   int8
	locked     int8
	backupPort int64
}

// parseOnOff is parse_on_off: "on" and "off" or any non-empty prefix of
// them ("o" is off); otherwise iproute2's message and -EINVAL, which is the
// exit status 234.
func parseOnOff(key, v string) (int8, error) {
	switch {
	case cmdline.Matches(v, "off"):
		return 0, nil
	case cmdline.Matches(v, "on"):
		return 1, nil
	}
	return 0, cmdline.Exit(cmdline.StatusNegEINVAL, "Error: argument of \"%s\" must be one of \"off\", \"on\", not \"%s\"", key, v)
}

// parsePortSettings reads the words after `bridge link set`; lookup is
// ll_name_to_index, used for backup_port while the words are read.
func parsePortSettings(args *cmdline.Args, lookup func(string) (uint32, error)) (*portSettings, error) {
	s := &portSettings{flag: map[uint16]int8{}, priority: -1, state: -1, mode: -1,
		neighSupp: -1, vlanTunnel: -1, isolated: -1, locked: -1, backupPort: -1}
	set8 := func(dst *int8, key string) error {
		v, err := args.Value()
		if err != nil {
			return err
		}
		*dst, err = parseOnOff(key, v)
		return err
	}
next:
	for args.More() {
		w := args.Next()
		for _, f := range portOnOff {
			if w != f.word {
				continue
			}
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			if f.attr == iflaBrportMcastRtr {
				s.flag[f.attr] = int8(cnum.Atoi(v))
				continue next
			}
			b, err := parseOnOff(w, v)
			if err != nil {
				return nil, err
			}
			s.flag[f.attr] = b
			continue next
		}
		var err error
		switch w {
		case "dev":
			if s.dev, err = args.Value(); err != nil {
				return nil, err
			}
			s.haveDev = true
		case "cost":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			s.cost = uint32(cnum.Atoi(v))
		case "priority":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			s.priority = int16(cnum.Atoi(v))
		case "state":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			n, rest, _, _ := cnum.Strtol(v, 10)
			if v != "" && rest == "" {
				s.state = int8(n)
				break
			}
			s.state = -1
			if st, ok := bridge.ParsePortState(v); ok {
				s.state = int8(st)
			}
			if s.state == -1 {
				return nil, cmdline.Exit(cmdline.StatusUsage, "Error: invalid STP port state")
			}
		case "hwmode":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			s.flags = bridgeFlagsSelf
			switch v {
			case "vepa":
				s.mode = bridgeModeVEPA
			case "veb":
				s.mode = bridgeModeVEB
			default:
				return nil, cmdline.Exit(cmdline.StatusUsage, "Mode argument must be \"vepa\" or \"veb\".")
			}
		case "self":
			s.flags |= bridgeFlagsSelf
		case "master":
			s.flags |= bridgeFlagsMaster
		case "neigh_suppress":
			err = set8(&s.neighSupp, w)
		case "vlan_tunnel":
			err = set8(&s.vlanTunnel, w)
		case "isolated":
			err = set8(&s.isolated, w)
		case "locked":
			err = set8(&s.locked, w)
		case "backup_port":
			v, err := args.Value()
			if err != nil {
				return nil, err
			}
			idx, err := lookup(v)
			if err != nil {
				return nil, err
			}
			if idx == 0 {
				return nil, cmdline.Exit(cmdline.StatusUsage, "Error: device %s does not exist", v)
			}
			s.backupPort = int64(idx)
		case "nobackup_port":
			s.backupPort = 0
		default:
			return nil, errUsage
		}
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

// errUsage is a parser's way to ask its caller for the object's usage
// text (iproute2 calls usage() from inside its parsers).
var errUsage = errors.New("usage")

// settings is what was read as the library's PortSettings: a value left
// at -1 (or wrapped to a negative one) is not given.
func (s *portSettings) settings() bridge.PortSettings {
	var ps bridge.PortSettings
	onOff := func(v int8) *bool {
		if v < 0 {
			return nil
		}
		return new(v != 0)
	}
	flag := func(attr uint16) *bool {
		if v, ok := s.flag[attr]; ok {
			return onOff(v)
		}
		return nil
	}
	ps.Guard = flag(unix.IFLA_BRPORT_GUARD)
	ps.Hairpin = flag(unix.IFLA_BRPORT_MODE)
	ps.FastLeave = flag(unix.IFLA_BRPORT_FAST_LEAVE)
	ps.RootBlock = flag(unix.IFLA_BRPORT_PROTECT)
	ps.Flood = flag(unix.IFLA_BRPORT_UNICAST_FLOOD)
	if v, ok := s.flag[iflaBrportMcastRtr]; ok && v >= 0 {
		ps.MulticastRouter = new(uint8(v))
	}
	ps.MulticastFlood = flag(unix.IFLA_BRPORT_MCAST_FLOOD)
	ps.BroadcastFlood = flag(unix.IFLA_BRPORT_BCAST_FLOOD)
	ps.MulticastToUnicast = flag(unix.IFLA_BRPORT_MCAST_TO_UCAST)
	ps.Learning = flag(unix.IFLA_BRPORT_LEARNING)
	ps.LearningSync = flag(unix.IFLA_BRPORT_LEARNING_SYNC)
	if s.cost != 0 {
		ps.Cost = new(s.cost)
	}
	if s.priority >= 0 {
		ps.Priority = new(uint16(s.priority))
	}
	if s.state >= 0 {
		ps.State = new(bridge.PortState(s.state))
	}
	ps.NeighSuppress = onOff(s.neighSupp)
	ps.VLANTunnel = onOff(s.vlanTunnel)
	ps.Isolated = onOff(s.isolated)
	ps.Locked = onOff(s.locked)
	if s.backupPort != -1 {
		ps.BackupPort = new(uint32(s.backupPort))
	}
	if s.mode >= 0 {
		ps.Mode = new(uint16(s.mode))
	}
	ps.Flags = s.flags
	return ps
}

// body is the RTM_SETLINK request after the header for the port index.
func (s *portSettings) body(index int32) []byte {
	return bridge.PortRequest(int(index), s.settings())
}

// llIndex is ll_name_to_index: the link called name, else the index an
// "ifN" name stands for, else 0.
func llIndex(c *rtnl.Conn, name string) (uint32, error) {
	l, err := bridge.GetLink(context.Background(), c, name)
	if err != nil {
		return 0, err
	}
	if l != nil {
		return uint32(l.Index), nil
	}
	return link.IndexFromIfN(name), nil
}

// linkSet is `bridge link set|change`: one RTM_SETLINK for a bridge port.
func linkSet(env *cli.Env, args *cmdline.Args) error {
	c, err := env.Conn()
	if err != nil {
		return err
	}
	s, err := parsePortSettings(args, func(name string) (uint32, error) { return llIndex(c, name) })
	if err == errUsage {
		return linkUsage(env)
	}
	if err != nil {
		return err
	}
	if !s.haveDev {
		return cmdline.Exit(cmdline.StatusUsage, "Device is a required argument.")
	}
	idx, err := llIndex(c, s.dev)
	if err != nil {
		return err
	}
	if idx == 0 {
		return cmdline.Exit(cmdline.StatusUsage, "Cannot find bridge device \"%s\"", s.dev)
	}
	if err := c.Exec(unix.RTM_SETLINK, 0, s.body(int32(idx))); err != nil {
		env.Warnf("%s\n", err.Error())
		return cmdline.Silent(cmdline.StatusUsage)
	}
	return nil
}
