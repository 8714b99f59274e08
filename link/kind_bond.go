package link

import (
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// bond is parse-only: this kernel has no bonding driver, but the request
// must be iproute2's so the kernel's refusal reads the same.
var bondKind = Kind{Name: "bond", Parse: parseBond, Help: func(w io.Writer) { io.WriteString(w, bondUsageText) }}

// bondMaxTargets is BOND_MAX_ARP_TARGETS and BOND_MAX_NS_TARGETS.
const bondMaxTargets = 16

// bondOption is one bond word: how its value is read ("u8", "u16", "u32",
// "dev", "zero", "lladdr", "arp", "ns6", or a names table read as u8 or
// u32).
type bondOption struct {
	word  string
	exact bool
	attr  uint16
	value string
	names []string
	msg   string // the invarg text when it differs from "invalid WORD"
}

var bondOptions = []bondOption{
	{word: "mode", attr: unix.IFLA_BOND_MODE, value: "u8", names: []string{"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"}},
	{word: "active_slave", attr: unix.IFLA_BOND_ACTIVE_SLAVE, value: "dev"},
	{word: "clear_active_slave", attr: unix.IFLA_BOND_ACTIVE_SLAVE, value: "zero"},
	{word: "miimon", attr: unix.IFLA_BOND_MIIMON, value: "u32"},
	{word: "updelay", attr: unix.IFLA_BOND_UPDELAY, value: "u32"},
	{word: "downdelay", attr: unix.IFLA_BOND_DOWNDELAY, value: "u32"},
	{word: "peer_notify_delay", attr: unix.IFLA_BOND_PEER_NOTIF_DELAY, value: "u32"},
	{word: "use_carrier", attr: unix.IFLA_BOND_USE_CARRIER, value: "u8"},
	{word: "arp_interval", attr: unix.IFLA_BOND_ARP_INTERVAL, value: "u32"},
	{word: "arp_ip_target", attr: unix.IFLA_BOND_ARP_IP_TARGET, value: "arp"},
	{word: "ns_ip6_target", exact: true, attr: unix.IFLA_BOND_NS_IP6_TARGET, value: "ns6"},
	{word: "arp_validate", attr: unix.IFLA_BOND_ARP_VALIDATE, value: "u32", names: []string{"none", "active", "backup", "all", "filter", "filter_active", "filter_backup"}},
	{word: "arp_all_targets", attr: unix.IFLA_BOND_ARP_ALL_TARGETS, value: "u32", names: []string{"any", "all"}},
	{word: "arp_missed_max", exact: true, attr: unix.IFLA_BOND_MISSED_MAX, value: "u8"},
	{word: "primary", attr: unix.IFLA_BOND_PRIMARY, value: "dev"},
	{word: "primary_reselect", attr: unix.IFLA_BOND_PRIMARY_RESELECT, value: "u8", names: []string{"always", "better", "failure"}},
	{word: "fail_over_mac", attr: unix.IFLA_BOND_FAIL_OVER_MAC, value: "u8", names: []string{"none", "active", "follow"}},
	{word: "xmit_hash_policy", attr: unix.IFLA_BOND_XMIT_HASH_POLICY, value: "u8", names: []string{"layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4", "vlan+srcmac"}},
	{word: "resend_igmp", attr: unix.IFLA_BOND_RESEND_IGMP, value: "u32"},
	{word: "num_grat_arp", attr: unix.IFLA_BOND_NUM_PEER_NOTIF, value: "u8", msg: "invalid num_grat_arp|num_unsol_na"},
	{word: "num_unsol_na", attr: unix.IFLA_BOND_NUM_PEER_NOTIF, value: "u8", msg: "invalid num_grat_arp|num_unsol_na"},
	{word: "all_slaves_active", attr: unix.IFLA_BOND_ALL_SLAVES_ACTIVE, value: "u8"},
	{word: "min_links", attr: unix.IFLA_BOND_MIN_LINKS, value: "u32"},
	{word: "lp_interval", attr: unix.IFLA_BOND_LP_INTERVAL, value: "u32"},
	{word: "packets_per_slave", attr: unix.IFLA_BOND_PACKETS_PER_SLAVE, value: "u32"},
	{word: "lacp_rate", attr: unix.IFLA_BOND_AD_LACP_RATE, value: "u8", names: []string{"slow", "fast"}},
	{word: "lacp_active", exact: true, attr: unix.IFLA_BOND_AD_LACP_ACTIVE, value: "u8", names: []string{"off", "on"}},
	{word: "ad_select", attr: unix.IFLA_BOND_AD_SELECT, value: "u8", names: []string{"stable", "bandwidth", "count"}},
	{word: "ad_user_port_key", attr: unix.IFLA_BOND_AD_USER_PORT_KEY, value: "u16"},
	{word: "ad_actor_sys_prio", attr: unix.IFLA_BOND_AD_ACTOR_SYS_PRIO, value: "u16"},
	{word: "ad_actor_system", attr: unix.IFLA_BOND_AD_ACTOR_SYSTEM, value: "lladdr"},
	{word: "tlb_dynamic_lb", attr: unix.IFLA_BOND_TLB_DYNAMIC_LB, value: "u8"},
}

func parseBond(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	for a.More() {
		word := a.Next()
		var o *bondOption
		for i := range bondOptions {
			b := &bondOptions[i]
			if word == b.word || (!b.exact && cmdline.Matches(word, b.word)) {
				o = b
				break
			}
		}
		if o == nil {
			msg := ""
			if !cmdline.Matches(word, "help") {
				msg = fmt.Sprintf("bond: unknown command \"%s\"?\n", word)
			}
			fmt.Fprint(p.Stderr, msg+bondUsageText)
			return cmdline.Silent(cmdline.StatusFailed)
		}
		if err := o.parse(p, a, ae); err != nil {
			return err
		}
	}
	return nil
}

func (o *bondOption) parse(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	switch o.value {
	case "zero":
		ae.Uint32(o.attr, 0)
		return nil
	case "arp", "ns6":
		// A trailing keyword without targets sends an empty list.
		return nest(ae, o.attr, func(list *netlink.AttributeEncoder) error {
			if !a.More() {
				return nil
			}
			return bondTargets(list, a.Next(), o.value == "ns6")
		})
	}
	v, err := a.Value()
	if err != nil {
		return err
	}
	msg := o.msg
	if msg == "" {
		msg = "invalid " + o.word
	}
	switch o.value {
	case "dev":
		idx := p.Index(v)
		if idx == 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", v)
		}
		ae.Uint32(o.attr, uint32(idx))
		return nil
	case "lladdr":
		addr, err := p.llAddrArg(v)
		if err != nil {
			return err
		}
		ae.Bytes(o.attr, addr)
		return nil
	}
	bits := map[string]int{"u8": 8, "u16": 16, "u32": 32}[o.value]
	var n uint64
	if o.names != nil {
		i := nameIndex(o.names, v)
		if i < 0 {
			return cmdline.InvalidArg(msg, v)
		}
		n = uint64(i)
	} else {
		var ok bool
		if n, ok = cnum.Uint(v, 0, 1<<bits-1); !ok {
			return cmdline.InvalidArg(msg, v)
		}
	}
	putUint(ae, o.attr, bits, n)
	return nil
}

// nameIndex is iplink_bond.c's get_index: a decimal index into names, or a
// name.
func nameIndex(names []string, v string) int {
	if i, ok := cnum.Int(v, 10); ok && i >= 0 && int(i) < len(names) {
		return int(i)
	}
	for i, n := range names {
		if n == v {
			return i
		}
	}
	return -1
}

// bondTargets encodes a comma separated list of addresses as attributes
// numbered from 0, at most bondMaxTargets of them.
func bondTargets(list *netlink.AttributeEncoder, v string, ipv6 bool) error {
	i := 0
	for _, t := range strings.Split(v, ",") {
		if t == "" {
			continue
		}
		if i == bondMaxTargets {
			break
		}
		family := unix.AF_INET
		if ipv6 {
			family = unix.AF_INET6
		}
		// ns_ip6_target reads get_addr, arp_ip_target get_addr32 (its
		// own message); default, any and all are the zero address.
		addr, ok := cnum.ParseAddr(t, family)
		switch {
		case ipv6 && !ok:
			return cmdline.Fatal(cmdline.StatusFailed, "Error: inet6 address is expected rather than \"%s\".", t)
		case !ok:
			return cmdline.Fatal(cmdline.StatusFailed, "Error: an IP address is expected rather than \"%s\"", t)
		}
		if ipv6 {
			list.Bytes(uint16(i), addr.Data[:16])
		} else {
			list.Uint32(uint16(i), binary.NativeEndian.Uint32(addr.Data[:4]))
		}
		i++
	}
	return nil
}

// bondUsageText lists every bond option with its value.
const bondUsageText = `Usage: ... bond [ OPTION VALUE | clear_active_slave ]...
OPTION VALUE is one of:
	mode BONDMODE			active_slave SLAVE_DEV
	miimon MIIMON			updelay UPDELAY
	downdelay DOWNDELAY		peer_notify_delay DELAY
	use_carrier USE_CARRIER		arp_interval ARP_INTERVAL
	arp_validate ARP_VALIDATE	arp_all_targets ARP_ALL_TARGETS
	arp_ip_target ARP_IP_TARGET[,...]	ns_ip6_target NS_IP6_TARGET[,...]
	primary SLAVE_DEV		primary_reselect PRIMARY_RESELECT
	fail_over_mac FAIL_OVER_MAC	xmit_hash_policy XMIT_HASH_POLICY
	resend_igmp RESEND_IGMP		num_grat_arp NUM_GRAT_ARP
	num_unsol_na NUM_UNSOL_NA	all_slaves_active ALL_SLAVES_ACTIVE
	min_links MIN_LINKS		lp_interval LP_INTERVAL
	packets_per_slave PACKETS_PER_SLAVE	tlb_dynamic_lb TLB_DYNAMIC_LB
	lacp_rate LACP_RATE		lacp_active LACP_ACTIVE
	ad_select AD_SELECT		ad_user_port_key PORTKEY
	ad_actor_sys_prio SYSPRIO	ad_actor_system LLADDR
	arp_missed_max MISSED_MAX

BONDMODE: balance-rr, active-backup, balance-xor, broadcast, 802.3ad, balance-tlb or balance-alb
ARP_VALIDATE: none, active, backup, all, filter, filter_active or filter_backup
ARP_ALL_TARGETS: any or all	PRIMARY_RESELECT: always, better or failure
FAIL_OVER_MAC: none, active or follow
XMIT_HASH_POLICY: layer2, layer2+3, layer3+4, encap2+3, encap3+4 or vlan+srcmac
LACP_ACTIVE: off or on	LACP_RATE: slow or fast	AD_SELECT: stable, bandwidth or count
`
