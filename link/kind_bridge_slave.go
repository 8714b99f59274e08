package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// bridge_slave is a bridge port's options (IFLA_INFO_SLAVE_DATA), set with
// `ip link set DEV type bridge_slave …` and printed under -d for a port.
var bridgeSlaveKind = Kind{Name: "bridge_slave", Parse: parseBridgeSlave, Print: printBridgeSlave,
	Help: func(w io.Writer) { usageHelp(w, func(p *Parser) error { return portUsage(p, "") }) }}

// portOption is one bridge_slave word. Only nobackup_port takes no value.
type portOption struct {
	word  string
	attr  uint16
	value string // "onoff", "u8", "u16", "u32", "dev", "flag", "zero"
}

// portOptions is iproute2's keyword order (the abbreviation rule).
var portOptions = []portOption{
	{"fdb_flush", unix.IFLA_BRPORT_FLUSH, "flag"},
	{"state", unix.IFLA_BRPORT_STATE, "u8"},
	{"priority", unix.IFLA_BRPORT_PRIORITY, "u16"},
	{"cost", unix.IFLA_BRPORT_COST, "u32"},
	{"hairpin", unix.IFLA_BRPORT_MODE, "onoff"},
	{"guard", unix.IFLA_BRPORT_GUARD, "onoff"},
	{"root_block", unix.IFLA_BRPORT_PROTECT, "onoff"},
	{"fastleave", unix.IFLA_BRPORT_FAST_LEAVE, "onoff"},
	{"learning", unix.IFLA_BRPORT_LEARNING, "onoff"},
	{"flood", unix.IFLA_BRPORT_UNICAST_FLOOD, "onoff"},
	{"mcast_flood", unix.IFLA_BRPORT_MCAST_FLOOD, "onoff"},
	{"bcast_flood", unix.IFLA_BRPORT_BCAST_FLOOD, "onoff"},
	{"mcast_to_unicast", unix.IFLA_BRPORT_MCAST_TO_UCAST, "onoff"},
	{"proxy_arp", unix.IFLA_BRPORT_PROXYARP, "onoff"},
	{"proxy_arp_wifi", unix.IFLA_BRPORT_PROXYARP_WIFI, "onoff"},
	{"mcast_router", unix.IFLA_BRPORT_MULTICAST_ROUTER, "u8"},
	{"mcast_fast_leave", unix.IFLA_BRPORT_FAST_LEAVE, "onoff"},
	{"neigh_suppress", unix.IFLA_BRPORT_NEIGH_SUPPRESS, "onoff"},
	{"group_fwd_mask", unix.IFLA_BRPORT_GROUP_FWD_MASK, "u16"},
	{"vlan_tunnel", unix.IFLA_BRPORT_VLAN_TUNNEL, "onoff"},
	{"isolated", unix.IFLA_BRPORT_ISOLATED, "onoff"},
	{"locked", unix.IFLA_BRPORT_LOCKED, "onoff"},
	{"backup_port", unix.IFLA_BRPORT_BACKUP_PORT, "dev"},
	{"nobackup_port", unix.IFLA_BRPORT_BACKUP_PORT, "zero"},
}

// portNumberError is iproute2's message for a bad number of option word.
func portNumberError(word string) string {
	switch word {
	case "state":
		return "state is invalid"
	case "priority":
		return "priority is invalid"
	case "cost":
		return "cost is invalid"
	case "mcast_router":
		return "invalid mcast_router"
	case "group_fwd_mask":
		return "invalid group_fwd_mask"
	}
	return ""
}

func parseBridgeSlave(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	for a.More() {
		word := a.Next()
		var o *portOption
		for i := range portOptions {
			if cmdline.Matches(word, portOptions[i].word) {
				o = &portOptions[i]
				break
			}
		}
		if o == nil {
			if cmdline.Matches(word, "help") {
				return portUsage(p, "")
			}
			return portUsage(p, fmt.Sprintf("bridge_slave: unknown option \"%s\"?\n", word))
		}
		switch o.value {
		case "flag":
			ae.Flag(o.attr, true)
			continue
		case "zero":
			ae.Uint32(o.attr, 0)
			continue
		}
		v, err := a.Value()
		if err != nil {
			return err
		}
		switch o.value {
		case "onoff":
			on, err := parseOnOff(o.word, v, 1)
			if err != nil {
				// bridge_slave_parse_on_off exits: a -batch ends here.
				return cmdline.Fatal(cmdline.StatusFailed, "%s", err.Error())
			}
			ae.Uint8(o.attr, b2u8(on))
		case "dev":
			idx := p.Index(v)
			if idx == 0 {
				return cmdline.InvalidArg("Device does not exist\n", v)
			}
			ae.Uint32(o.attr, uint32(idx))
		default:
			bits := map[string]int{"u8": 8, "u16": 16, "u32": 32}[o.value]
			n, ok := cnum.Uint(v, 0, 1<<bits-1)
			if !ok {
				return cmdline.InvalidArg(portNumberError(o.word), v)
			}
			putUint(ae, o.attr, bits, n)
		}
	}
	return nil
}

// portUsage prints msg and the bridge_slave options to stderr and fails.
func portUsage(p *Parser, msg string) error {
	fmt.Fprint(p.Stderr, msg+portUsageText)
	return cmdline.Silent(cmdline.StatusFailed)
}

// portUsageText lists every bridge_slave option with its value.
const portUsageText = `Usage: ... bridge_slave [ fdb_flush ] [ nobackup_port ] [ OPTION VALUE ]...
OPTION VALUE is one of:
	state STATE	priority PRIO	cost COST	group_fwd_mask MASK
	mcast_router MULTICAST_ROUTER	backup_port DEVICE
	and, each taking on or off: guard, hairpin, fastleave, root_block,
	learning, flood, proxy_arp, proxy_arp_wifi, mcast_fast_leave,
	mcast_flood, bcast_flood, mcast_to_unicast, neigh_suppress,
	vlan_tunnel, isolated, locked
`

var portStates = []string{"disabled", "listening", "learning", "forwarding", "blocking"}

// groupFwdMaskNames name the link-local groups a port's mask forwards.
// An indexed array literal is data, where a map literal would be built at
// every start-up.
var groupFwdMaskNames = [...]string{0: "stp", 2: "lacp", 14: "lldp"}

func groupFwdMaskString(mask uint16) string {
	s := ""
	for i := 0; mask != 0; i, mask = i+1, mask>>1 {
		if mask&1 == 0 {
			continue
		}
		if i < len(groupFwdMaskNames) && groupFwdMaskNames[i] != "" {
			name := groupFwdMaskNames[i]
			s += name + ","
		} else {
			s += fmt.Sprintf("0x%x,", 1<<i)
		}
	}
	if s == "" {
		return "0x0"
	}
	return s[:len(s)-1]
}

func printBridgeSlave(p *format.Printer, names IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	if t.has(unix.IFLA_BRPORT_STATE) {
		if st := t.u8(unix.IFLA_BRPORT_STATE); int(st) < len(portStates) {
			p.String(format.Any, "state", "state %s ", portStates[st])
		} else {
			p.Int(format.Any, "state_index", "state (%d) ", int64(st))
		}
	}
	if t.has(unix.IFLA_BRPORT_PRIORITY) {
		p.Int(format.Any, "priority", "priority %d ", int64(t.u16(unix.IFLA_BRPORT_PRIORITY)))
	}
	if t.has(unix.IFLA_BRPORT_COST) {
		p.Int(format.Any, "cost", "cost %d ", int64(int32(t.u32(unix.IFLA_BRPORT_COST))))
	}
	onOff := func(attr uint16, key string) {
		if t.has(attr) {
			p.OnOff(format.Any, key, key+" %s ", t.u8(attr) != 0)
		}
	}
	onOff(unix.IFLA_BRPORT_MODE, "hairpin")
	onOff(unix.IFLA_BRPORT_GUARD, "guard")
	onOff(unix.IFLA_BRPORT_PROTECT, "root_block")
	onOff(unix.IFLA_BRPORT_FAST_LEAVE, "fastleave")
	onOff(unix.IFLA_BRPORT_LEARNING, "learning")
	onOff(unix.IFLA_BRPORT_UNICAST_FLOOD, "flood")
	if t.has(unix.IFLA_BRPORT_ID) {
		print0xHex(p, "id", "port_id %#x ", uint64(t.u16(unix.IFLA_BRPORT_ID)))
	}
	if t.has(unix.IFLA_BRPORT_NO) {
		print0xHex(p, "no", "port_no %#x ", uint64(t.u16(unix.IFLA_BRPORT_NO)))
	}
	printUintFields(p, t, []uintField{
		{unix.IFLA_BRPORT_DESIGNATED_PORT, 16, "designated_port", "designated_port %u "},
		{unix.IFLA_BRPORT_DESIGNATED_COST, 16, "designated_cost", "designated_cost %u "},
	})
	if id, ok := t[unix.IFLA_BRPORT_BRIDGE_ID]; ok {
		p.String(format.Any, "bridge_id", "designated_bridge %s ", bridgeID(id))
	}
	if id, ok := t[unix.IFLA_BRPORT_ROOT_ID]; ok {
		p.String(format.Any, "root_id", "designated_root %s ", bridgeID(id))
	}
	for _, tm := range []struct {
		attr uint16
		name string
	}{
		{unix.IFLA_BRPORT_HOLD_TIMER, "hold_timer"},
		{unix.IFLA_BRPORT_MESSAGE_AGE_TIMER, "message_age_timer"},
		{unix.IFLA_BRPORT_FORWARD_DELAY_TIMER, "forward_delay_timer"},
	} {
		if t.has(tm.attr) {
			printTimer(p, tm.name, t.u64(tm.attr))
		}
	}
	printUintFields(p, t, []uintField{
		{unix.IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, 8, "topology_change_ack", "topology_change_ack %u "},
		{unix.IFLA_BRPORT_CONFIG_PENDING, 8, "config_pending", "config_pending %u "},
	})
	onOff(unix.IFLA_BRPORT_PROXYARP, "proxy_arp")
	onOff(unix.IFLA_BRPORT_PROXYARP_WIFI, "proxy_arp_wifi")
	printUintFields(p, t, []uintField{
		{unix.IFLA_BRPORT_MULTICAST_ROUTER, 8, "multicast_router", "mcast_router %u "},
	})
	if t.has(unix.IFLA_BRPORT_FAST_LEAVE) {
		// Text only: JSON has it as "fastleave" already.
		p.OnOff(format.Text, "", "mcast_fast_leave %s ", t.u8(unix.IFLA_BRPORT_FAST_LEAVE) != 0)
	}
	onOff(unix.IFLA_BRPORT_MCAST_FLOOD, "mcast_flood")
	onOff(unix.IFLA_BRPORT_BCAST_FLOOD, "bcast_flood")
	onOff(unix.IFLA_BRPORT_MCAST_TO_UCAST, "mcast_to_unicast")
	onOff(unix.IFLA_BRPORT_NEIGH_SUPPRESS, "neigh_suppress")
	if t.has(unix.IFLA_BRPORT_GROUP_FWD_MASK) {
		mask := t.u16(unix.IFLA_BRPORT_GROUP_FWD_MASK)
		print0xHex(p, "group_fwd_mask", "group_fwd_mask %#x ", uint64(mask))
		p.String(format.Any, "group_fwd_mask_str", "group_fwd_mask_str %s ", groupFwdMaskString(mask))
	}
	onOff(unix.IFLA_BRPORT_VLAN_TUNNEL, "vlan_tunnel")
	onOff(unix.IFLA_BRPORT_ISOLATED, "isolated")
	onOff(unix.IFLA_BRPORT_LOCKED, "locked")
	if t.has(unix.IFLA_BRPORT_BACKUP_PORT) {
		p.String(format.Any, "backup_port", "backup_port %s ", indexName(names, t.u32(unix.IFLA_BRPORT_BACKUP_PORT)))
	}
	return nil
}

// indexName is ll_index_to_name: the link's name, or "ifN".
func indexName(names IndexNamer, idx uint32) string {
	if names != nil {
		if n, ok := names(idx); ok {
			return n
		}
	}
	return fmt.Sprintf("if%d", idx)
}
