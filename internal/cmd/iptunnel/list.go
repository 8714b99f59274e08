package iptunnel

import (
	"errors"

	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/link"
	"github.com/gipnet/gip/rtnl"
	"github.com/gipnet/gip/tunnel"
	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// The link types of tunnels (linux/if_arp.h).
const (
	arphrdTunnel  = 768 // ARPHRD_TUNNEL: ipip, vti
	arphrdTunnel6 = 769 // ARPHRD_TUNNEL6: ip6tnl, vti6
	arphrdSIT     = 776 // ARPHRD_SIT
	arphrdIPGRE   = 778 // ARPHRD_IPGRE
	arphrdIP6GRE  = 823 // ARPHRD_IP6GRE
)

// isTunnelType reports whether a link of type typ is a tunnel of family.
func isTunnelType(family int, typ uint16) bool {
	if family == unix.AF_INET {
		return typ == arphrdTunnel || typ == arphrdIPGRE || typ == arphrdSIT
	}
	return typ == arphrdTunnel6 || typ == arphrdIP6GRE
}

// match4 is iproute2's ip_tunnel_parm_match: what the filter sets must
// be equal.
func match4(f, p *tunnel.Parm) bool {
	return (f.Link == 0 || f.Link == p.Link) &&
		(f.Name == "" || f.Name == p.Name) &&
		(f.Remote.As4() == [4]byte{} || f.Remote == p.Remote) &&
		(f.Local.As4() == [4]byte{} || f.Local == p.Local) &&
		(f.IKey == 0 || f.IKey == p.IKey)
}

// match6 is ip6_tnl_parm_match.
func match6(f, p *tunnel.Parm6) bool {
	const tc, fl = tunnel.FlowinfoTClass, tunnel.FlowinfoFlowlabel
	return (f.Link == 0 || f.Link == p.Link) &&
		(f.Name == "" || f.Name == p.Name) &&
		(f.Local.As16() == [16]byte{} || f.Local == p.Local) &&
		(f.Remote.As16() == [16]byte{} || f.Remote == p.Remote) &&
		(f.Proto == 0 || p.Proto == 0 || f.Proto == p.Proto) &&
		(f.EncapLimit == 0 || f.EncapLimit == p.EncapLimit) &&
		(f.HopLimit == 0 || f.HopLimit == p.HopLimit) &&
		(f.Flowinfo&tc == 0 || (f.Flowinfo^p.Flowinfo)&tc == 0) &&
		(f.Flowinfo&fl == 0 || (f.Flowinfo^p.Flowinfo)&fl == 0) &&
		(f.Flags == 0 || f.Flags&p.Flags != 0)
}

// list is do_tunnels_list: every link of a tunnel type of the command's
// family, its settings read with SIOCGETTUNNEL and printed when they
// match the filter (f4 or f6); -s adds the link's counters.
func (t *tool) list(f4 *tunnel.Parm, f6 *tunnel.Parm6) error {
	c, err := t.env.Conn()
	if err != nil {
		return err
	}
	p := t.env.P
	pr := t.printer(p)
	p.Begin()
	body := rtnl.IfInfomsg{Family: uint8(t.family)}.Append(nil)
	var l link.Link
	err = c.Dump(unix.RTM_GETLINK, body, func(m netlink.Message) error {
		if m.Header.Type != unix.RTM_NEWLINK && m.Header.Type != unix.RTM_DELLINK {
			return nil
		}
		if err := link.DecodeInto(&l, m.Data); err != nil {
			return err
		}
		return t.listLink(pr, &l, f4, f6)
	})
	if err == errNoStats {
		t.env.Warnf("Dump terminated\n")
		return cmdline.Silent(cmdline.StatusFailed)
	}
	if err != nil {
		// The kernel's refusal (or a lost socket) ends the listing as
		// rtnl_dump_filter's failure ends iproute2's.
		var ce *cmdline.Error
		if errors.As(err, &ce) {
			return err
		}
		t.env.Warnf("%s\nDump terminated\n", rtnl.ErrnoText(err))
		return cmdline.Silent(cmdline.StatusFailed)
	}
	p.End()
	return nil
}

// listLink prints link l in a listing when it is a tunnel of the
// command's family whose settings match the filter.
func (t *tool) listLink(pr *Printer, l *link.Link, f4 *tunnel.Parm, f6 *tunnel.Parm6) error {
	if !isTunnelType(t.family, l.Type) || !l.Has(unix.IFLA_IFNAME) {
		return nil
	}
	if f4 != nil {
		if f4.Name != "" && f4.Name != l.Name {
			return nil
		}
		b := make([]byte, tunnel.ParmLen)
		if err := t.do(tunnel.SIOCGETTUNNEL, l.Name, b); err != nil {
			t.warn(err)
			return nil
		}
		q, _ := tunnel.DecodeParm(b)
		if !match4(f4, &q) {
			return nil
		}
		pr.Parm(q, t.extras(q))
	} else {
		if f6.Name != "" && f6.Name != l.Name {
			return nil
		}
		init := tunnel.Parm6{Name: f6.Name, Proto: tunnel.ProtoIPv6, Link: l.Index}
		if l.Type == arphrdIP6GRE {
			init.Proto = tunnel.ProtoGRE
		}
		b := init.Marshal()
		if err := t.do(tunnel.SIOCGETTUNNEL, l.Name, b); err != nil {
			t.warn(err)
			return nil
		}
		q, _ := tunnel.DecodeParm6(b)
		if !match6(f6, &q) {
			return nil
		}
		pr.Parm6(q)
	}
	if t.env.Opts.Stats > 0 {
		c := l.Counters()
		if c == nil {
			return errNoStats
		}
		pr.Stats(c)
	}
	pr.p.Writer().WriteByte('\n')
	return nil
}

// errNoStats ends a listing at a link without counters, as iproute2's
// does.
var errNoStats = cmdline.Silent(cmdline.StatusFailed)
