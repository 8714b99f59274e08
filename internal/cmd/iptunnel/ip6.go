package iptunnel

import (
	"github.com/gipnet/gip/internal/cmdline"
	"github.com/gipnet/gip/internal/cnum"
	"github.com/gipnet/gip/tunnel"
	"golang.org/x/sys/unix"
)

// parse6 reads the words of `ip -6 tunnel add|change|del|show` into p as
// iproute2's ip6tunnel parse_args does, for ioctl cmd.
func (t *tool) parse6(args *cmdline.Args, cmd uint, p *tunnel.Parm6) error {
	medium, hasMedium := "", false
	// last is the number the previous encaplimit, hoplimit, tclass or
	// flowlabel read: iproute2 keeps those in one stack slot, and an
	// encaplimit it cannot read takes whatever that slot holds.
	var last uint8
	for count := 0; args.More(); count++ {
		w := args.Next()
		if ok, err := greWord(w, args, &p.IFlags, &p.OFlags, &p.IKey, &p.OKey); ok {
			if err != nil {
				return err
			}
			continue
		}
		if cmdline.Matches(w, "dsfield") {
			w = "tclass" // any abbreviation of dsfield is tclass
		}
		needsValue := false
		switch w {
		case "mode", "remote", "local", "dev", "encaplimit", "hoplimit", "ttl", "hlim",
			"tclass", "tc", "tos", "flowlabel", "fl", "dscp":
			needsValue = true
		}
		v := ""
		if needsValue {
			var err error
			if v, err = args.Value(); err != nil {
				return err
			}
		}
		switch w {
		case "mode":
			switch v {
			case "ipv6/ipv6", "ip6ip6":
				p.Proto = tunnel.ProtoIPv6
			case "vti6":
				p.Proto = tunnel.ProtoIPv6
				p.IFlags |= tunnel.FlagVTI
			case "ip/ipv6", "ipv4/ipv6", "ipip6", "ip4ip6":
				p.Proto = tunnel.ProtoIPIP
			case "ip6gre", "gre/ipv6":
				p.Proto = tunnel.ProtoGRE
			case "any/ipv6", "any":
				p.Proto = 0
			default:
				return cmdline.Fatal(cmdline.StatusUsage, "Unknown tunnel mode \"%s\"", v)
			}
		case "remote", "local":
			a, err := cnum.GetAddr(v, unix.AF_INET6)
			if err != nil {
				return err
			}
			if w == "remote" {
				p.Remote = a.IP()
			} else {
				p.Local = a.IP()
			}
		case "dev":
			medium, hasMedium = v, true
		case "encaplimit":
			if v == "none" {
				p.Flags |= tunnel.IgnEncapLimit
				break
			}
			// iproute2 tests get_u8 < -1, which never holds: a value it
			// cannot read leaves the slot as it was.
			if n, ok := cnum.Uint(v, 0, 255); ok {
				last = uint8(n)
			}
			p.EncapLimit = last
			p.Flags &^= tunnel.IgnEncapLimit
		case "hoplimit", "ttl", "hlim":
			n, ok := cnum.Uint(v, 0, 255)
			if !ok {
				return cmdline.InvalidArg("invalid TTL", v)
			}
			last = uint8(n)
			p.HopLimit = last
		case "tclass", "tc", "tos":
			p.Flowinfo &^= tunnel.FlowinfoTClass
			if v == "inherit" {
				p.Flags |= tunnel.UseOrigTClass
				break
			}
			n, ok := cnum.Uint(v, 16, 255)
			if !ok {
				return cmdline.InvalidArg("invalid TClass", v)
			}
			last = uint8(n)
			p.Flowinfo |= uint32(n) << 20 & tunnel.FlowinfoTClass
			p.Flags &^= tunnel.UseOrigTClass
		case "flowlabel", "fl":
			p.Flowinfo &^= tunnel.FlowinfoFlowlabel
			if v == "inherit" {
				p.Flags |= tunnel.UseOrigFlowlabel
				break
			}
			n, ok := cnum.Uint32(v, 16)
			if !ok {
				return cmdline.InvalidArg("invalid Flowlabel", v)
			}
			last = uint8(n)
			if n > 0xfffff {
				return cmdline.InvalidArg("invalid Flowlabel", v)
			}
			p.Flowinfo |= n & tunnel.FlowinfoFlowlabel
			p.Flags &^= tunnel.UseOrigFlowlabel
		case "dscp":
			if v != "inherit" {
				return cmdline.InvalidArg("not inherit", v)
			}
			p.Flags |= tunnel.RcvDSCPCopy
		case "allow-localremote":
			p.Flags |= tunnel.AllowLocalRemote
		case "noallow-localremote":
			p.Flags &^= tunnel.AllowLocalRemote
		default:
			name, err := t.nameWord(w, args, p.Name)
			if err != nil {
				return err
			}
			p.Name = name
			if cmd == tunnel.SIOCCHGTUNNEL && count == 0 {
				old := make([]byte, tunnel.Parm6Len)
				if err := t.ioctl(tunnel.SIOCGETTUNNEL, name, old); err != nil {
					return err
				}
				*p, _ = tunnel.DecodeParm6(old)
			}
		}
	}
	if hasMedium {
		idx, err := t.devIndex(medium)
		if err != nil {
			return err
		}
		if idx == 0 {
			return cmdline.Exit(cmdline.StatusFailed, "Cannot find device \"%s\"", medium)
		}
		p.Link = idx
	}
	return nil
}

func (t *tool) add6(args *cmdline.Args, cmd uint) error {
	p := tunnel.NewParm6()
	if err := t.parse6(args, cmd, &p); err != nil {
		return err
	}
	if p.Name == "" {
		t.env.Warnf("Tunnel interface name not specified\n")
	}
	dev := p.FallbackDevice()
	if cmd == tunnel.SIOCCHGTUNNEL && p.Name != "" {
		dev = p.Name
	}
	return t.ioctl(cmd, dev, p.Marshal())
}

func (t *tool) del6(args *cmdline.Args) error {
	p := tunnel.NewParm6()
	if err := t.parse6(args, tunnel.SIOCDELTUNNEL, &p); err != nil {
		return err
	}
	dev := p.Name
	if dev == "" {
		dev = p.FallbackDevice()
	}
	return t.ioctl(tunnel.SIOCDELTUNNEL, dev, p.Marshal())
}

func (t *tool) show6(args *cmdline.Args) error {
	var p tunnel.Parm6
	if err := t.parse6(args, tunnel.SIOCGETTUNNEL, &p); err != nil {
		return err
	}
	if p.Name == "" || t.env.Opts.Stats > 0 {
		return t.list(nil, &p)
	}
	b := p.Marshal()
	if err := t.ioctl(tunnel.SIOCGETTUNNEL, p.Name, b); err != nil {
		return err
	}
	p, _ = tunnel.DecodeParm6(b)
	// Text even under -json, and without a newline, as iproute2 prints it.
	t.printer(t.env.P.Plain()).Parm6(p)
	return nil
}
