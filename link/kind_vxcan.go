package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// vxcan: a virtual CAN tunnel pair, built as veth is: `peer [generic link
// words]` in VXCAN_INFO_PEER (type 1, as VETH_INFO_PEER). Its usage goes to
// stdout as veth's does. This kernel has no vxcan. It prints nothing under -d.
var vxcanKind = Kind{Name: "vxcan", Parse: parseVxcan, Help: vxcanHelp}

func parseVxcan(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	if a.Next() != "peer" {
		vxcanHelp(p.Stdout)
		return cmdline.Silent(cmdline.StatusFailed)
	}
	var hdr rtnl.IfInfomsg
	peer := netlink.NewAttributeEncoder()
	kind, typed, err := p.parseLink(a, &hdr, peer)
	if err != nil {
		return err
	}
	if typed {
		return cmdline.Duplicate("type", kind)
	}
	return encodeVethPeer(ae, hdr, peer)
}

func vxcanHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ip link <options> type vxcan [peer <options>]\nTo get <options> type 'ip link add help'\n")
}
