package link

import (
	"fmt"
	"io"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/rtnl"
	"github.com/mdlayher/netlink"
)

// veth's only option is its peer: `peer [generic link words]`, encoded as a
// second ifinfomsg and its attributes in VETH_INFO_PEER. It prints nothing
// under -d.
var vethKind = Kind{Name: "veth", Parse: parseVeth, Help: vethHelp}

func parseVeth(p *Parser, a *cmdline.Args, ae *netlink.AttributeEncoder) error {
	if a.Next() != "peer" {
		vethHelp(p.Stdout)
		return cmdline.Silent(cmdline.StatusFailed)
	}
	// The peer's header is zeroed memory in iproute2's request, family too.
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

// encodeVethPeer puts the peer's header and attributes in VETH_INFO_PEER.
// The word parser and the typed Veth spec both encode the peer through it.
func encodeVethPeer(ae *netlink.AttributeEncoder, hdr rtnl.IfInfomsg, peer *netlink.AttributeEncoder) error {
	attrs, err := peer.Encode()
	if err != nil {
		return err
	}
	ae.Bytes(vethInfoPeer, append(hdr.Append(nil), attrs...))
	return nil
}

func vethHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n")
}
