package iptunnel

import (
	"errors"
	"fmt"

	"github.com/gipnet/gip/internal/cmdline"

	"github.com/gipnet/gip/format"
	"github.com/gipnet/gip/route"
	"github.com/gipnet/gip/tunnel"
	"golang.org/x/sys/unix"
)

// Printer prints tunnel settings as `ip tunnel show` does; the direct
// show and the listing share it.
type Printer struct {
	p       *format.Printer
	resolve bool        // -resolve: endpoints by name
	ds      route.Names // dsfield names (numbers under -Numeric)
	// linkName is ll_index_to_name, for dev.
	linkName func(idx int32) string
}

// Extras are what iproute2 asks the kernel for while printing an IPv4
// tunnel: an isatap tunnel's routers and a sit tunnel's 6rd prefixes.
type Extras struct {
	PRL   []tunnel.PRLEntry // nil: none, or the ioctl failed
	SixRD *tunnel.SixRD     // nil: the ioctl failed
}

func (t *tool) printer(p *format.Printer) *Printer {
	return &Printer{p: p, resolve: t.env.Opts.Resolve, ds: route.Names{Numeric: t.env.Opts.Numeric}, linkName: t.linkName}
}

// extras fetches p's Extras as iproute2's printer does, reporting the
// ioctls that fail on stderr (but for a kernel without 6rd, EINVAL).
func (t *tool) extras(p tunnel.Parm) Extras {
	var x Extras
	if p.Protocol != tunnel.ProtoIPv6 {
		return x
	}
	if p.IFlags&tunnel.FlagISATAP != 0 {
		b := make([]byte, (tunnel.MaxPRL+1)*tunnel.PRLEntryLen)
		head := tunnel.PRLEntry{DataLen: tunnel.MaxPRL * tunnel.PRLEntryLen}
		copy(b, head.Marshal())
		if err := t.do(tunnel.SIOCGETPRL, p.Name, b); err != nil {
			t.warn(err)
		} else {
			x.PRL = tunnel.DecodePRL(b)
		}
	}
	b := make([]byte, tunnel.SixRDLen)
	if err := t.do(tunnel.SIOCGET6RD, p.Name, b); err == nil {
		r, _ := tunnel.DecodeSixRD(b)
		x.SixRD = &r
	} else if !errors.Is(err, unix.EINVAL) {
		t.warn(err)
	}
	return x
}

// warn reports a failed ioctl on stderr, as iproute2 does where it goes on.
func (t *tool) warn(err error) {
	var ce *cmdline.Error
	if errors.As(err, &ce) && ce.Msg == "" {
		return
	}
	t.env.Warnf("%s\n", err.Error())
}

// protoName is tnl_strproto.
func protoName(proto uint8) string {
	switch proto {
	case tunnel.ProtoIPIP:
		return "ip"
	case tunnel.ProtoGRE:
		return "gre"
	case tunnel.ProtoIPv6:
		return "ipv6"
	case tunnel.ProtoESP:
		return "esp"
	case tunnel.ProtoMPLS:
		return "mpls"
	case 0:
		return "any"
	}
	return "unknown"
}

// host is format_host: the address, or its name under -resolve.
func (pr *Printer) host(family int, b []byte) string {
	return route.HostText(pr.resolve, family, b)
}

// Parm prints an IPv4 tunnel's settings (the line without its newline).
func (pr *Printer) Parm(t tunnel.Parm, x Extras) {
	p := pr.p
	p.OpenObject("")
	p.ColorString(format.Any, format.Ifname, "ifname", "%s: ", t.Name)
	p.String(format.Any, "mode", "%s ", protoName(t.Protocol)+"/ip")
	remote, local := t.Remote.As4(), t.Local.As4()
	p.Text("remote ")
	v := "any"
	if remote != [4]byte{} || p.IsJSON() {
		v = pr.host(unix.AF_INET, remote[:])
	}
	p.ColorString(format.Any, format.Inet, "remote", "%s ", v)
	p.Text("local ")
	v = "any"
	if local != [4]byte{} || p.IsJSON() {
		v = route.HostText(false, unix.AF_INET, local[:])
	}
	p.ColorString(format.Any, format.Inet, "local", "%s", v)
	if t.Protocol == tunnel.ProtoIPv6 && t.IFlags&tunnel.FlagISATAP != 0 {
		for _, e := range x.PRL {
			a := e.Addr.As4()
			if e.Flags&tunnel.PRLDefault != 0 {
				p.String(format.Any, "pdr", " pdr %s", pr.host(unix.AF_INET, a[:]))
			} else {
				p.String(format.Any, "pr", " pr %s", pr.host(unix.AF_INET, a[:]))
			}
		}
	}
	if t.Link != 0 {
		p.String(format.Any, "dev", " dev %s", pr.linkName(t.Link))
	}
	if t.TTL != 0 {
		p.Uint(format.Any, "ttl", " ttl %u", uint64(t.TTL))
	} else {
		p.String(format.Text, "ttl", " ttl %s", "inherit")
	}
	if t.TOS != 0 {
		if t.TOS != 1 {
			var s string
			if !p.IsJSON() && t.TOS&1 != 0 {
				s = "inherit/" + pr.ds.DSField(t.TOS&^1)
			} else {
				s = pr.ds.DSField(t.TOS)
			}
			p.String(format.Any, "tos", " tos %s", s)
		} else {
			p.String(format.Text, "", " tos %s", "inherit")
		}
	}
	if t.FragOff&tunnel.IPDF == 0 {
		p.Null(format.Any, "nopmtudisc", " nopmtudisc", "")
	}
	if r := x.SixRD; t.Protocol == tunnel.ProtoIPv6 && r != nil && r.PrefixLen != 0 {
		prefix := r.Prefix.As16()
		p.String(format.Any, "6rd-prefix", " 6rd-prefix %s", route.HostText(false, unix.AF_INET6, prefix[:]))
		p.Uint(format.Any, "6rd-prefixlen", "/%u", uint64(r.PrefixLen))
		if relay := r.RelayPrefix.As4(); relay != [4]byte{} {
			p.String(format.Any, "6rd-relay_prefix", " 6rd-relay_prefix %s", pr.host(unix.AF_INET, relay[:]))
			p.Uint(format.Any, "6rd-relay_prefixlen", "/%u", uint64(r.RelayPrefixLen))
		}
	}
	pr.greFlags(t.Protocol, t.IFlags, t.OFlags, t.IKey, t.OKey)
	p.CloseObject()
}

// Parm6 prints an IPv6 tunnel's settings (the line without its newline).
func (pr *Printer) Parm6(t tunnel.Parm6) {
	p := pr.p
	p.OpenObject("")
	p.ColorString(format.Any, format.Ifname, "ifname", "%s: ", t.Name)
	p.String(format.Any, "mode", "%s ", protoName(t.Proto)+"/ipv6")
	remote, local := t.Remote.As16(), t.Local.As16()
	p.Text("remote ")
	p.ColorString(format.Any, format.Inet6, "remote", "%s ", pr.host(unix.AF_INET6, remote[:]))
	p.Text("local ")
	p.ColorString(format.Any, format.Inet6, "local", "%s", route.HostText(false, unix.AF_INET6, local[:]))
	if t.Link != 0 {
		p.String(format.Any, "link", " dev %s", pr.linkName(t.Link))
	}
	if t.Flags&tunnel.IgnEncapLimit != 0 {
		p.Null(format.Any, "ip6_tnl_f_ign_encap_limit", " encaplimit none", "")
	} else {
		p.Uint(format.Any, "encap_limit", " encaplimit %u", uint64(t.EncapLimit))
	}
	if t.HopLimit != 0 {
		p.Uint(format.Any, "hoplimit", " hoplimit %u", uint64(t.HopLimit))
	} else {
		p.String(format.Text, "hoplimit", " hoplimit %s", "inherit")
	}
	if t.Flags&tunnel.UseOrigTClass != 0 {
		p.Null(format.Any, "ip6_tnl_f_use_orig_tclass", " tclass inherit", "")
	} else {
		p.String(format.Any, "tclass", " tclass %s", fmt.Sprintf("0x%02x", uint8((t.Flowinfo&tunnel.FlowinfoTClass)>>20)))
	}
	if t.Flags&tunnel.UseOrigFlowlabel != 0 {
		p.Null(format.Any, "ip6_tnl_f_use_orig_flowlabel", " flowlabel inherit", "")
	} else {
		p.String(format.Any, "flowlabel", " flowlabel %s", fmt.Sprintf("0x%05x", t.Flowinfo&tunnel.FlowinfoFlowlabel))
	}
	p.String(format.Any, "flowinfo", " (flowinfo %s)", fmt.Sprintf("0x%08x", t.Flowinfo))
	if t.Flags&tunnel.RcvDSCPCopy != 0 {
		p.Null(format.Any, "ip6_tnl_f_rcv_dscp_copy", " dscp inherit", "")
	}
	if t.Flags&tunnel.AllowLocalRemote != 0 {
		p.Null(format.Any, "ip6_tnl_f_allow_local_remote", " allow-localremote", "")
	}
	pr.greFlags(t.Proto, t.IFlags, t.OFlags, t.IKey, t.OKey)
	p.CloseObject()
}

// greFlags is tnl_print_gre_flags: the keys, and for GRE the flags as
// lines of their own (a JSON array).
func (pr *Printer) greFlags(proto uint8, iflags, oflags uint16, ikey, okey uint32) {
	p := pr.p
	if iflags&tunnel.FlagKey != 0 && oflags&tunnel.FlagKey != 0 && okey == ikey {
		p.Uint(format.Any, "key", " key %u", uint64(ikey))
	} else {
		if iflags&tunnel.FlagKey != 0 {
			p.Uint(format.Any, "ikey", " ikey %u", uint64(ikey))
		}
		if oflags&tunnel.FlagKey != 0 {
			p.Uint(format.Any, "okey", " okey %u", uint64(okey))
		}
	}
	if proto != tunnel.ProtoGRE {
		return
	}
	p.OpenArray(format.JSON, "flags", "")
	flag := func(on bool, key, text string) {
		if !on {
			return
		}
		if p.IsJSON() {
			p.String(format.JSON, "", "%s", key)
		} else {
			p.Text(p.NewlineToken() + text)
		}
	}
	flag(iflags&tunnel.FlagSeq != 0, "rx_drop_ooseq", "  Drop packets out of sequence.")
	flag(iflags&tunnel.FlagCsum != 0, "rx_csum", "  Checksum in received packet is required.")
	flag(oflags&tunnel.FlagSeq != 0, "tx_seq", "  Sequence packets on output.")
	flag(oflags&tunnel.FlagCsum != 0, "tx_csum", "  Checksum output packets.")
	p.CloseArray(format.JSON, "")
}

// Stats prints the counters `ip -s tunnel show` adds to a tunnel, from a
// link's struct rtnl_link_stats64 (counters in its order). They are
// plain text even in a JSON listing, as iproute2 prints them.
func (pr *Printer) Stats(c []uint64) {
	at := func(i int) int64 {
		if i < len(c) {
			return int64(c[i])
		}
		return 0
	}
	nl := pr.p.NewlineToken()
	w := pr.p.Writer()
	fmt.Fprintf(w, "%sRX: Packets    Bytes        Errors CsumErrs OutOfSeq Mcasts%s", nl, nl)
	fmt.Fprintf(w, "    %-10d %-12d %-6d %-8d %-8d %-8d%s", at(0), at(2), at(4), at(13), at(14), at(8), nl)
	fmt.Fprintf(w, "TX: Packets    Bytes        Errors DeadLoop NoRoute  NoBufs%s", nl)
	fmt.Fprintf(w, "    %-10d %-12d %-6d %-8d %-8d %-6d", at(1), at(3), at(5), at(9), at(17), at(7))
}
