package link

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

var bridgeKind = Kind{Name: "bridge", Parse: parseBridge, Print: printBridge,
	Help: func(w io.Writer) { usageHelp(w, func(p *Parser) error { return bridgeUsage(p, "") }) }}

// Bridge boolean options travel together in IFLA_BR_MULTI_BOOLOPT.
const (
	brBoolOptNoLLLearn         = 0 // BR_BOOLOPT_NO_LL_LEARN
	brBoolOptMcastVLANSnooping = 1 // BR_BOOLOPT_MCAST_VLAN_SNOOPING
)

// bridgeOption is one numeric `type bridge` option. exact options must be
// spelled out; the others may be abbreviated.
type bridgeOption struct {
	word  string
	attr  uint16
	bits  int // 8, 16, 32 or 64; 0 for the options parsed specially
	exact bool
}

// bridgeOptions is iproute2's keyword order, which decides abbreviations
// ("mcast_q" is mcast_query_use_ifaddr).
var bridgeOptions = []bridgeOption{
	{"forward_delay", unix.IFLA_BR_FORWARD_DELAY, 32, false},
	{"hello_time", unix.IFLA_BR_HELLO_TIME, 32, false},
	{"max_age", unix.IFLA_BR_MAX_AGE, 32, false},
	{"ageing_time", unix.IFLA_BR_AGEING_TIME, 32, false},
	{"stp_state", unix.IFLA_BR_STP_STATE, 32, false},
	{"priority", unix.IFLA_BR_PRIORITY, 16, false},
	{"vlan_filtering", unix.IFLA_BR_VLAN_FILTERING, 8, false},
	{"vlan_protocol", unix.IFLA_BR_VLAN_PROTOCOL, 0, false},
	{"group_fwd_mask", unix.IFLA_BR_GROUP_FWD_MASK, 16, false},
	{"group_address", unix.IFLA_BR_GROUP_ADDR, 0, false},
	{"no_linklocal_learn", brBoolOptNoLLLearn, 0, true},
	{"fdb_flush", unix.IFLA_BR_FDB_FLUSH, 0, false},
	{"vlan_default_pvid", unix.IFLA_BR_VLAN_DEFAULT_PVID, 16, false},
	{"vlan_stats_enabled", unix.IFLA_BR_VLAN_STATS_ENABLED, 8, false},
	{"vlan_stats_per_port", unix.IFLA_BR_VLAN_STATS_PER_PORT, 8, false},
	{"mcast_router", unix.IFLA_BR_MCAST_ROUTER, 8, false},
	{"mcast_snooping", unix.IFLA_BR_MCAST_SNOOPING, 8, false},
	{"mcast_vlan_snooping", brBoolOptMcastVLANSnooping, 0, true},
	{"mcast_query_use_ifaddr", unix.IFLA_BR_MCAST_QUERY_USE_IFADDR, 8, false},
	{"mcast_querier", unix.IFLA_BR_MCAST_QUERIER, 8, false},
	{"mcast_hash_elasticity", unix.IFLA_BR_MCAST_HASH_ELASTICITY, 32, false},
	{"mcast_hash_max", unix.IFLA_BR_MCAST_HASH_MAX, 32, false},
	{"mcast_last_member_count", unix.IFLA_BR_MCAST_LAST_MEMBER_CNT, 32, false},
	{"mcast_startup_query_count", unix.IFLA_BR_MCAST_STARTUP_QUERY_CNT, 32, false},
	{"mcast_last_member_interval", unix.IFLA_BR_MCAST_LAST_MEMBER_INTVL, 64, false},
	{"mcast_membership_interval", unix.IFLA_BR_MCAST_MEMBERSHIP_INTVL, 64, false},
	{"mcast_querier_interval", unix.IFLA_BR_MCAST_QUERIER_INTVL, 64, false},
	{"mcast_query_interval", unix.IFLA_BR_MCAST_QUERY_INTVL, 64, false},
	{"mcast_query_response_interval", unix.IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, 64, false},
	{"mcast_startup_query_interval", unix.IFLA_BR_MCAST_STARTUP_QUERY_INTVL, 64, false},
	{"mcast_stats_enabled", unix.IFLA_BR_MCAST_STATS_ENABLED, 8, false},
	{"mcast_igmp_version", unix.IFLA_BR_MCAST_IGMP_VERSION, 8, false},
	{"mcast_mld_version", unix.IFLA_BR_MCAST_MLD_VERSION, 8, false},
	{"nf_call_iptables", unix.IFLA_BR_NF_CALL_IPTABLES, 8, false},
	{"nf_call_ip6tables", unix.IFLA_BR_NF_CALL_IP6TABLES, 8, false},
	{"nf_call_arptables", unix.IFLA_BR_NF_CALL_ARPTABLES, 8, false},
}

func lookupBridgeOption(word string) *bridgeOption {
	for i := range bridgeOptions {
		o := &bridgeOptions[i]
		if word == o.word || (!o.exact && cmdline.Matches(word, o.word)) {
			return o
		}
	}
	return nil
}

func parseBridge(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	var optMask, optVal uint32
	for a.More() {
		word := a.Next()
		o := lookupBridgeOption(word)
		if o == nil {
			if cmdline.Matches(word, "help") {
				return bridgeUsage(p, "")
			}
			return bridgeUsage(p, fmt.Sprintf("bridge: unknown command \"%s\"?\n", word))
		}
		if o.word == "fdb_flush" {
			ae.Flag(unix.IFLA_BR_FDB_FLUSH, true)
			continue
		}
		v, err := a.Value()
		if err != nil {
			return err
		}
		invalid := cmdline.InvalidArg("invalid "+o.word, v)
		switch {
		case o.exact: // the multi-boolopt bits, read as u8
			n, ok := cnum.Uint(v, 0, 0xff)
			if !ok {
				return invalid
			}
			optMask |= 1 << o.attr
			if n != 0 {
				optVal |= 1 << o.attr
			} else {
				optVal &^= 1 << o.attr
			}
		case o.attr == unix.IFLA_BR_VLAN_PROTOCOL:
			proto, ok := llProto(v)
			if !ok {
				return invalid
			}
			ae.Bytes(o.attr, binary.BigEndian.AppendUint16(nil, proto))
		case o.attr == unix.IFLA_BR_GROUP_ADDR:
			addr, err := p.llAddrArg(v)
			if err != nil {
				return err
			}
			ae.Bytes(o.attr, addr)
		default:
			n, ok := cnum.Uint(v, 0, 1<<o.bits-1)
			if o.bits == 64 {
				n, ok = cnum.Uint(v, 0, 1<<64-1)
			}
			if !ok {
				return invalid
			}
			o.encode(ae, n)
		}
	}
	if optMask != 0 {
		bm := binary.NativeEndian.AppendUint32(nil, optVal)
		ae.Bytes(unix.IFLA_BR_MULTI_BOOLOPT, binary.NativeEndian.AppendUint32(bm, optMask))
	}
	return nil
}

// encode puts the numeric option o with value n, in the width the
// kernel reads it: the word parser and the typed Bridge spec both encode
// through it.
func (o *bridgeOption) encode(ae *netlink.AttributeEncoder, n uint64) {
	putUint(ae, o.attr, o.bits, n)
}

// bridgeOptionByAttr is the numeric option sent as attribute attr.
func bridgeOptionByAttr(attr uint16) *bridgeOption {
	for i := range bridgeOptions {
		if o := &bridgeOptions[i]; o.attr == attr && !o.exact && o.bits != 0 {
			return o
		}
	}
	return nil
}

func putUint(ae *netlink.AttributeEncoder, typ uint16, bits int, v uint64) {
	switch bits {
	case 8:
		ae.Uint8(typ, uint8(v))
	case 16:
		ae.Uint16(typ, uint16(v))
	case 32:
		ae.Uint32(typ, uint32(v))
	default:
		ae.Uint64(typ, v)
	}
}

// llProtos is iproute2's llproto_names: the link protocol (ethertype)
// names that ll_proto_a2n takes and ll_proto_n2a prints, in its order (the
// first of two names for one protocol is printed).
var llProtos = []struct {
	id   uint16
	name string
}{
	{0x0060, "loop"}, {0x0200, "pup"}, {0x0201, "pupat"}, {0x0800, "ip"},
	{0x0805, "x25"}, {0x0806, "arp"}, {0x08ff, "bpq"}, {0x0a00, "ieeepup"},
	{0x0a01, "ieeepupat"}, {0x6000, "dec"}, {0x6001, "dna_dl"}, {0x6002, "dna_rc"},
	{0x6003, "dna_rt"}, {0x6004, "lat"}, {0x6005, "diag"}, {0x6006, "cust"},
	{0x6007, "sca"}, {0x8035, "rarp"}, {0x809b, "atalk"}, {0x80f3, "aarp"},
	{0x8137, "ipx"}, {0x86dd, "ipv6"}, {0x8863, "ppp_disc"}, {0x8864, "ppp_ses"},
	{0x884c, "atmmpoa"}, {0x8884, "atmfate"}, {0x0001, "802_3"}, {0x0002, "ax25"},
	{0x0003, "all"}, {0x0004, "802_2"}, {0x0005, "snap"}, {0x0006, "ddcmp"},
	{0x0007, "wan_ppp"}, {0x0008, "ppp_mp"}, {0x0009, "localtalk"}, {0x000c, "can"},
	{0x0010, "ppptalk"}, {0x0011, "tr_802_2"}, {0x0015, "mobitex"}, {0x0016, "control"},
	{0x0017, "irda"}, {0x0018, "econet"}, {0x88ca, "tipc"}, {0x8892, "profinet"},
	{0x88a2, "aoe"}, {0x88a4, "ethercat"}, {0x8100, "802.1Q"}, {0x88a8, "802.1ad"},
	{0x8847, "mpls_uc"}, {0x8848, "mpls_mc"}, {0x6558, "teb"}, {0x8100, "802.1Q"},
	{0x88cc, "LLDP"}, {0x0800, "ipv4"},
}

// llProto is ll_proto_a2n: a name (in any case) or a number.
func llProto(s string) (uint16, bool) {
	for _, pr := range llProtos {
		if cnum.EqualFold(s, pr.name) {
			return pr.id, true
		}
	}
	n, ok := cnum.Uint(s, 0, 0xffff)
	return uint16(n), ok
}

func llProtoName(id uint16) string {
	for _, pr := range llProtos {
		if pr.id == id {
			return pr.name
		}
	}
	return fmt.Sprintf("[%d]", id)
}

// bridgeUsage prints msg and the bridge options to stderr and fails.
func bridgeUsage(p *Parser, msg string) error {
	fmt.Fprint(p.Stderr, msg+bridgeUsageText)
	return cmdline.Silent(cmdline.StatusFailed)
}

// bridgeUsageText lists every bridge option with its value.
const bridgeUsageText = `Usage: ... bridge [ fdb_flush ] [ OPTION VALUE ]...
OPTION VALUE is one of:
	forward_delay FORWARD_DELAY	hello_time HELLO_TIME
	max_age MAX_AGE			ageing_time AGEING_TIME
	stp_state STP_STATE		priority PRIORITY
	group_fwd_mask MASK		group_address ADDRESS
	no_linklocal_learn NO_LINKLOCAL_LEARN
	vlan_filtering VLAN_FILTERING	vlan_protocol VLAN_PROTOCOL
	vlan_default_pvid VLAN_DEFAULT_PVID
	vlan_stats_enabled VLAN_STATS_ENABLED
	vlan_stats_per_port VLAN_STATS_PER_PORT
	mcast_snooping MULTICAST_SNOOPING
	mcast_vlan_snooping MULTICAST_VLAN_SNOOPING
	mcast_router MULTICAST_ROUTER
	mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR
	mcast_querier MULTICAST_QUERIER
	mcast_hash_elasticity HASH_ELASTICITY	mcast_hash_max HASH_MAX
	mcast_last_member_count LAST_MEMBER_COUNT
	mcast_startup_query_count STARTUP_QUERY_COUNT
	mcast_last_member_interval LAST_MEMBER_INTERVAL
	mcast_membership_interval MEMBERSHIP_INTERVAL
	mcast_querier_interval QUERIER_INTERVAL
	mcast_query_interval QUERY_INTERVAL
	mcast_query_response_interval QUERY_RESPONSE_INTERVAL
	mcast_startup_query_interval STARTUP_QUERY_INTERVAL
	mcast_stats_enabled MCAST_STATS_ENABLED
	mcast_igmp_version IGMP_VERSION	mcast_mld_version MLD_VERSION
	nf_call_iptables NF_CALL_IPTABLES
	nf_call_ip6tables NF_CALL_IP6TABLES
	nf_call_arptables NF_CALL_ARPTABLES

Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }
`

// bridgeUintFields are the bridge details printed as plain numbers, in
// iproute2's order; printBridge interleaves the others.
type uintField struct {
	attr uint16
	bits int
	key  string
	text string
}

func printUintFields(p *format.Printer, t kindAttrs, fields []uintField) {
	for _, f := range fields {
		if !t.has(f.attr) {
			continue
		}
		var v uint64
		switch f.bits {
		case 8:
			v = uint64(t.u8(f.attr))
		case 16:
			v = uint64(t.u16(f.attr))
		case 32:
			v = uint64(t.u32(f.attr))
		default:
			v = t.u64(f.attr)
		}
		p.Uint(format.Any, f.key, f.text, v)
	}
}

func printBridge(p *format.Printer, _ IndexNamer, data []byte) error {
	t := parseKindAttrs(data)
	printUintFields(p, t, []uintField{
		{unix.IFLA_BR_FORWARD_DELAY, 32, "forward_delay", "forward_delay %u "},
		{unix.IFLA_BR_HELLO_TIME, 32, "hello_time", "hello_time %u "},
		{unix.IFLA_BR_MAX_AGE, 32, "max_age", "max_age %u "},
		{unix.IFLA_BR_AGEING_TIME, 32, "ageing_time", "ageing_time %u "},
		{unix.IFLA_BR_STP_STATE, 32, "stp_state", "stp_state %u "},
		{unix.IFLA_BR_PRIORITY, 16, "priority", "priority %u "},
		{unix.IFLA_BR_VLAN_FILTERING, 8, "vlan_filtering", "vlan_filtering %u "},
	})
	if t.has(unix.IFLA_BR_VLAN_PROTOCOL) {
		p.String(format.Any, "vlan_protocol", "vlan_protocol %s ", llProtoName(t.be16(unix.IFLA_BR_VLAN_PROTOCOL)))
	}
	if id, ok := t[unix.IFLA_BR_BRIDGE_ID]; ok {
		p.String(format.Any, "bridge_id", "bridge_id %s ", bridgeID(id))
	}
	if t.has(unix.IFLA_BR_ROOT_ID) {
		// iproute2 prints the bridge id here too.
		p.String(format.Any, "root_id", "designated_root %s ", bridgeID(t[unix.IFLA_BR_BRIDGE_ID]))
	}
	printUintFields(p, t, []uintField{
		{unix.IFLA_BR_ROOT_PORT, 16, "root_port", "root_port %u "},
		{unix.IFLA_BR_ROOT_PATH_COST, 32, "root_path_cost", "root_path_cost %u "},
		{unix.IFLA_BR_TOPOLOGY_CHANGE, 8, "topology_change", "topology_change %u "},
		{unix.IFLA_BR_TOPOLOGY_CHANGE_DETECTED, 8, "topology_change_detected", "topology_change_detected %u "},
	})
	for _, tm := range []struct {
		attr uint16
		name string
	}{
		{unix.IFLA_BR_HELLO_TIMER, "hello_timer"},
		{unix.IFLA_BR_TCN_TIMER, "tcn_timer"},
		{unix.IFLA_BR_TOPOLOGY_CHANGE_TIMER, "topology_change_timer"},
		{unix.IFLA_BR_GC_TIMER, "gc_timer"},
	} {
		if t.has(tm.attr) {
			printTimer(p, tm.name, t.u64(tm.attr))
		}
	}
	printUintFields(p, t, []uintField{
		{unix.IFLA_BR_VLAN_DEFAULT_PVID, 16, "vlan_default_pvid", "vlan_default_pvid %u "},
		{unix.IFLA_BR_VLAN_STATS_ENABLED, 8, "vlan_stats_enabled", "vlan_stats_enabled %u "},
		{unix.IFLA_BR_VLAN_STATS_PER_PORT, 8, "vlan_stats_per_port", "vlan_stats_per_port %u "},
	})
	if t.has(unix.IFLA_BR_GROUP_FWD_MASK) {
		print0xHex(p, "group_fwd_mask", "group_fwd_mask %#x ", uint64(t.u16(unix.IFLA_BR_GROUP_FWD_MASK)))
	}
	if addr, ok := t[unix.IFLA_BR_GROUP_ADDR]; ok {
		p.String(format.Any, "group_addr", "group_address %s ", macString(addr))
	}
	printUintFields(p, t, []uintField{
		{unix.IFLA_BR_MCAST_SNOOPING, 8, "mcast_snooping", "mcast_snooping %u "},
	})
	if bm := t[unix.IFLA_BR_MULTI_BOOLOPT]; len(bm) >= 8 {
		val, mask := binary.NativeEndian.Uint32(bm), binary.NativeEndian.Uint32(bm[4:])
		for _, b := range []struct {
			bit  uint
			name string
		}{{brBoolOptNoLLLearn, "no_linklocal_learn"}, {brBoolOptMcastVLANSnooping, "mcast_vlan_snooping"}} {
			if mask&(1<<b.bit) != 0 {
				p.Uint(format.Any, b.name, b.name+" %u ", uint64(val>>b.bit&1))
			}
		}
	}
	printUintFields(p, t, []uintField{
		{unix.IFLA_BR_MCAST_ROUTER, 8, "mcast_router", "mcast_router %u "},
		{unix.IFLA_BR_MCAST_QUERY_USE_IFADDR, 8, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr %u "},
		{unix.IFLA_BR_MCAST_QUERIER, 8, "mcast_querier", "mcast_querier %u "},
		{unix.IFLA_BR_MCAST_HASH_ELASTICITY, 32, "mcast_hash_elasticity", "mcast_hash_elasticity %u "},
		{unix.IFLA_BR_MCAST_HASH_MAX, 32, "mcast_hash_max", "mcast_hash_max %u "},
		{unix.IFLA_BR_MCAST_LAST_MEMBER_CNT, 32, "mcast_last_member_cnt", "mcast_last_member_count %u "},
		{unix.IFLA_BR_MCAST_STARTUP_QUERY_CNT, 32, "mcast_startup_query_cnt", "mcast_startup_query_count %u "},
		{unix.IFLA_BR_MCAST_LAST_MEMBER_INTVL, 64, "mcast_last_member_intvl", "mcast_last_member_interval %llu "},
		{unix.IFLA_BR_MCAST_MEMBERSHIP_INTVL, 64, "mcast_membership_intvl", "mcast_membership_interval %llu "},
		{unix.IFLA_BR_MCAST_QUERIER_INTVL, 64, "mcast_querier_intvl", "mcast_querier_interval %llu "},
		{unix.IFLA_BR_MCAST_QUERY_INTVL, 64, "mcast_query_intvl", "mcast_query_interval %llu "},
		{unix.IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, 64, "mcast_query_response_intvl", "mcast_query_response_interval %llu "},
		{unix.IFLA_BR_MCAST_STARTUP_QUERY_INTVL, 64, "mcast_startup_query_intvl", "mcast_startup_query_interval %llu "},
		{unix.IFLA_BR_MCAST_STATS_ENABLED, 8, "mcast_stats_enabled", "mcast_stats_enabled %u "},
		{unix.IFLA_BR_MCAST_IGMP_VERSION, 8, "mcast_igmp_version", "mcast_igmp_version %u "},
		{unix.IFLA_BR_MCAST_MLD_VERSION, 8, "mcast_mld_version", "mcast_mld_version %u "},
		{unix.IFLA_BR_NF_CALL_IPTABLES, 8, "nf_call_iptables", "nf_call_iptables %u "},
		{unix.IFLA_BR_NF_CALL_IP6TABLES, 8, "nf_call_ip6tables", "nf_call_ip6tables %u "},
		{unix.IFLA_BR_NF_CALL_ARPTABLES, 8, "nf_call_arptables", "nf_call_arptables %u "},
	})
	return nil
}
