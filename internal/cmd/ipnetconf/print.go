// Package ipnetconf is `ip netconf`: the per-device IPv4, IPv6 and MPLS
// settings the kernel reports in RTM_NEWNETCONF messages. Its Printer is
// the one printer of those messages, shared by `ip netconf show` and
// `ip monitor netconf`.
package ipnetconf

import (
	"encoding/binary"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// Message types (x/sys/unix lacks them).
const (
	RTMNewNetconf = 80
	RTMDelNetconf = 81
	rtmGetNetconf = 82
)

// NETCONFA_* attributes.
const (
	attrIfindex           = 1
	attrForwarding        = 2
	attrRPFilter          = 3
	attrMCForwarding      = 4
	attrProxyNeigh        = 5
	attrIgnoreRoutesLinkd = 6
	attrInput             = 7

	ifindexAll     = -1
	ifindexDefault = -2
)

// msgLen is struct netconfmsg (one byte) padded to four.
const msgLen = 4

var rpFilterNames = []string{"off", "strict", "loose"}

// Printer prints netconf messages as iproute2's print_netconf does.
type Printer struct {
	p    *format.Printer
	name func(uint32) string // ll_index_to_name
	warn func(format string, args ...any)
	// Family and Index filter what is printed: 0 takes every family,
	// every device.
	Family int
	Index  uint32
}

// NewPrinter returns a printer writing to p that names devices with name
// and reports broken messages with warn (stderr).
func NewPrinter(p *format.Printer, name func(uint32) string, warn func(string, ...any)) *Printer {
	return &Printer{p: p, name: name, warn: warn}
}

// errStop is a message print_netconf refuses (an error, another type, a
// short one): a listing stops there.
type errStop struct{}

func (errStop) Error() string { return "not a netconf message" }

// Print prints one message as a line (an object in JSON). A message it
// cannot print is reported as iproute2 reports it and ends in an error;
// one the filter leaves out prints nothing.
func (np *Printer) Print(h netlink.Header, body []byte) error {
	switch uint16(h.Type) {
	case RTMNewNetconf, RTMDelNetconf:
	case uint16(netlink.Error):
		return errStop{}
	default:
		np.warn("Not a netconf message: %08x %08x %08x\n", h.Length, uint16(h.Type), uint16(h.Flags))
		return errStop{}
	}
	if len(body) < msgLen {
		np.warn("BUG: wrong nlmsg len %d\n", len(body)-msgLen)
		return errStop{}
	}
	family := int(body[0])
	if np.Family != 0 && np.Family != family {
		return nil
	}
	var vals [attrInput + 1]uint32
	var has [attrInput + 1]bool
	for ad := rtnl.NewAttrs(body[msgLen:]); ad.Next(); {
		t := ad.Type()
		if t > attrInput || len(ad.Data()) < 4 {
			continue
		}
		vals[t], has[t] = binary.NativeEndian.Uint32(ad.Data()), true
	}
	ifindex := vals[attrIfindex]
	if np.Index != 0 && np.Index != ifindex {
		return nil
	}
	p := np.p
	p.OpenObject("")
	if h.Type == RTMDelNetconf {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	p.String(format.Any, "family", "%s ", cnum.FamilyName(family))
	if has[attrIfindex] {
		var dev string
		switch int32(ifindex) {
		case ifindexAll:
			dev = "all"
		case ifindexDefault:
			dev = "default"
		default:
			dev = np.name(ifindex)
		}
		p.ColorString(format.Any, format.Ifname, "interface", "%s ", dev)
	}
	onOff := func(t int, key, textFormat string) {
		if has[t] {
			p.OnOff(format.Any, key, textFormat, vals[t] != 0)
		}
	}
	onOff(attrForwarding, "forwarding", "forwarding %s ")
	if has[attrRPFilter] {
		if v := vals[attrRPFilter]; v < uint32(len(rpFilterNames)) {
			p.String(format.Any, "rp_filter", "rp_filter %s ", rpFilterNames[v])
		} else {
			p.Uint(format.Any, "rp_filter", "rp_filter %u ", uint64(v))
		}
	}
	onOff(attrMCForwarding, "mc_forwarding", "mc_forwarding %s ")
	onOff(attrProxyNeigh, "proxy_neigh", "proxy_neigh %s ")
	onOff(attrIgnoreRoutesLinkd, "ignore_routes_with_linkdown", "ignore_routes_with_linkdown %s ")
	onOff(attrInput, "input", "input %s ")
	p.CloseObject()
	p.Text("\n")
	return nil
}
