// Package ipnetconf is `ip netconf`: the per-device IPv4, IPv6 and MPLS
// settings the kernel reports in RTM_NEWNETCONF messages. Its Printer is
// the one printer of those messages, shared by `ip netconf show` and
// `ip monitor netconf`.
package ipnetconf

import (
	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/netconf"
	"github.com/mdlayher/netlink"
)

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
	case netconf.RTMNewNetconf, netconf.RTMDelNetconf:
	case uint16(netlink.Error):
		return errStop{}
	default:
		np.warn("Not a netconf message: %08x %08x %08x\n", h.Length, uint16(h.Type), uint16(h.Flags))
		return errStop{}
	}
	conf, err := netconf.Decode(body)
	if err != nil {
		np.warn("BUG: wrong nlmsg len %d\n", len(body)-netconf.HeaderLen)
		return errStop{}
	}
	if np.Family != 0 && np.Family != conf.Family {
		return nil
	}
	ifindex := conf.Ifindex.V
	if np.Index != 0 && np.Index != ifindex {
		return nil
	}
	p := np.p
	p.OpenObject("")
	if h.Type == netconf.RTMDelNetconf {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	p.String(format.Any, "family", "%s ", cnum.FamilyName(conf.Family))
	if conf.Ifindex.Valid {
		var dev string
		switch int32(ifindex) {
		case netconf.IfindexAll:
			dev = "all"
		case netconf.IfindexDefault:
			dev = "default"
		default:
			dev = np.name(ifindex)
		}
		p.ColorString(format.Any, format.Ifname, "interface", "%s ", dev)
	}
	onOff := func(v netconf.Value, key, textFormat string) {
		if v.Valid {
			p.OnOff(format.Any, key, textFormat, v.V != 0)
		}
	}
	onOff(conf.Forwarding, "forwarding", "forwarding %s ")
	if conf.RPFilter.Valid {
		if v := conf.RPFilter.V; v < uint32(len(rpFilterNames)) {
			p.String(format.Any, "rp_filter", "rp_filter %s ", rpFilterNames[v])
		} else {
			p.Uint(format.Any, "rp_filter", "rp_filter %u ", uint64(v))
		}
	}
	onOff(conf.MCForwarding, "mc_forwarding", "mc_forwarding %s ")
	onOff(conf.ProxyNeigh, "proxy_neigh", "proxy_neigh %s ")
	onOff(conf.IgnoreRoutesLinkdown, "ignore_routes_with_linkdown", "ignore_routes_with_linkdown %s ")
	onOff(conf.Input, "input", "input %s ")
	p.CloseObject()
	p.Text("\n")
	return nil
}
