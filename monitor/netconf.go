package monitor

import (
	"encoding/binary"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/internal/cli"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/internal/nl"
	"github.com/mdlayher/netlink"
)

// NETCONFA_* attributes of RTM_NEWNETCONF.
const (
	netconfaIfindex           = 1
	netconfaForwarding        = 2
	netconfaRPFilter          = 3
	netconfaMCForwarding      = 4
	netconfaProxyNeigh        = 5
	netconfaIgnoreRoutesLinkd = 6
	netconfaInput             = 7

	netconfaIfindexAll     = -1
	netconfaIfindexDefault = -2
)

// netconfPrinter prints netconf messages as iproute2's print_netconf does
// with its filter reset (every family). It belongs with `ip netconf` once
// gip has that object; until then ip monitor is its only user.
type netconfPrinter struct {
	p     *format.Printer
	name  func(uint32) string
	index uint32 // dev DEV: only that link's
}

var rpFilterNames = []string{"off", "strict", "loose"}

func (np *netconfPrinter) print(env *cli.Env, h netlink.Header, body []byte) {
	// struct netconfmsg is one byte, padded to four.
	if len(body) < 4 {
		env.Warnf("BUG: wrong nlmsg len %d\n", len(body)-4)
		return
	}
	family := int(body[0])
	var vals [netconfaInput + 1]uint32
	var has [netconfaInput + 1]bool
	for ad := nl.NewAttrs(body[4:]); ad.Next(); {
		t := ad.Type()
		if t > netconfaInput || len(ad.Data()) < 4 {
			continue
		}
		vals[t], has[t] = binary.NativeEndian.Uint32(ad.Data()), true
	}
	ifindex := vals[netconfaIfindex]
	if np.index != 0 && np.index != ifindex {
		return
	}
	p := np.p
	p.OpenObject("")
	if h.Type == rtmDelNetconf {
		p.Bool(format.Any, "deleted", "Deleted ", true)
	}
	p.String(format.Any, "family", "%s ", cnum.FamilyName(family))
	if has[netconfaIfindex] {
		var dev string
		switch int32(ifindex) {
		case netconfaIfindexAll:
			dev = "all"
		case netconfaIfindexDefault:
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
	onOff(netconfaForwarding, "forwarding", "forwarding %s ")
	if has[netconfaRPFilter] {
		if v := vals[netconfaRPFilter]; v < uint32(len(rpFilterNames)) {
			p.String(format.Any, "rp_filter", "rp_filter %s ", rpFilterNames[v])
		} else {
			p.Uint(format.Any, "rp_filter", "rp_filter %u ", uint64(v))
		}
	}
	onOff(netconfaMCForwarding, "mc_forwarding", "mc_forwarding %s ")
	onOff(netconfaProxyNeigh, "proxy_neigh", "proxy_neigh %s ")
	onOff(netconfaIgnoreRoutesLinkd, "ignore_routes_with_linkdown", "ignore_routes_with_linkdown %s ")
	onOff(netconfaInput, "input", "input %s ")
	p.CloseObject()
	p.Text("\n")
}
